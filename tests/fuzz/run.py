#!/usr/bin/env python3
"""Fuzz the linter: generated spaces through parse, lint, every report format and `--fix`.

Usage: python tests/fuzz/run.py --pages 100000 [--seed 1] [--chunk 400] [--jobs 2] [--out DIR]

Pages are built from GitBook-flavoured pieces (front matter valid or not, duplicate keys and
aliases, `{% %}` blocks closed, mismatched or stray, links fixable or broken, HTML entities,
suppression comments, code fences, CR/CRLF line ends, U+2028, form feeds, control characters,
non-UTF-8 bytes) and grouped in spaces of about 20 pages with SUMMARY.md and `.gitbook.yaml`.
For each space the script checks:
- no exception escapes, no GB000 (a rule that crashed), every format renders (JSON parses,
  JUnit is well-formed XML) and carries no control character;
- `--fix` changes each file only inside the spans its edits name, and leaves the document's
  structure as markdown-it reads it (token types, tags, nesting and lines) unchanged;
- `--fix` is idempotent: a second pass changes nothing, unless the first one left overlapping
  edits for later, and then a third changes nothing.
Work goes in chunks (each its own seed), on several processes; a failing space is saved under
`--out` with what went wrong. The exit code is the number of failing spaces (capped at 100).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import sys
import tempfile
import time
import traceback
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from xml.etree import ElementTree

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from linter.engine import INTERNAL_ERROR_ID, lint_site  # noqa: E402
from linter.fix import apply_fixes  # noqa: E402
from linter.model.site import Site  # noqa: E402
from linter.parse import shared_markdown  # noqa: E402
from linter.report import FORMATTERS, ReportContext  # noqa: E402
from linter.settings import Settings  # noqa: E402

PAGES_PER_SPACE = 20
WORDS = "accès contrôle données guide page titre marché lot offre prix délai pièce équipe étape".split()
TAGS = ["hint", "tabs", "tab", "content-ref", "stepper", "step", "code", "embed", "file", "include", "hnit", "swagger"]
ODD = ["\u2028", "\u2029", "\x0c", "\x85", "\x1b[2J", "\x07", "\u202e", "\t", "&#58;", "&amp;", "&eacute;", "&#x40;", "\\", "\ufeff"]


def _words(rng: random.Random, count: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(count))


def _link(rng: random.Random, pages: list[str]) -> str:
    kind = rng.randrange(10)
    if kind == 0:
        return f"[{_words(rng, 2)}](http://exemple.fr/{rng.choice(WORDS)})"
    if kind == 1:
        return f"[{_words(rng, 1)}](https://exemple.fr/{rng.choice(WORDS)})"
    if kind == 2:
        return f"[écrire](mailto:jean\\_{rng.choice(WORDS)}@exemple.fr)"
    if kind == 3:
        return f"[{_words(rng, 1)}]({rng.choice(pages)}#{rng.choice(WORDS)})"
    if kind == 4:
        return f"[{_words(rng, 1)}]({rng.choice(WORDS)}.md)"
    if kind == 5:
        return f"<a href=\"{rng.choice(pages)}\">{_words(rng, 1)}</a>"
    if kind == 6:
        return f"![image](.gitbook/assets/{rng.choice(WORDS)}.png)"
    if kind == 7:
        return f"[x](%0A::error%20file=a.md::{rng.choice(WORDS)}.md)"
    if kind == 8:
        return f"jean&#64;exemple..fr {rng.choice(WORDS)}@{rng.choice(WORDS)}"
    return f"[{_words(rng, 1)}]({rng.choice(pages)})"


def _front_matter(rng: random.Random) -> str:
    kind = rng.randrange(8)
    if kind == 0:
        return "---\ndescription: a: b\n---\n"
    if kind == 1:
        return f"---\ndescription: {_words(rng, 3)}\ndescription: {_words(rng, 2)}\n---\n"
    if kind == 2:
        return "---\na: &a [x, x, x]\nb: [*a, *a]\n---\n"
    if kind == 3:
        return "---\nlayout:\n  title:\n    visible: false\n---\n"
    if kind == 4:
        return "---\ndescription: jamais fermé\n"
    return f"---\ndescription: {_words(rng, 4)}\n---\n" if kind == 5 else ""


def _block(rng: random.Random, pages: list[str]) -> list[str]:
    tag = rng.choice(TAGS)
    kind = rng.randrange(6)
    if tag == "content-ref":
        target = rng.choice(pages)
        return [f'{{% content-ref url="{target}" %}}', f"[{target}]({target})", "{% endcontent-ref %}"]
    if tag in ("embed", "file", "include"):
        return [f'{{% {tag} url="https://exemple.fr/{rng.choice(WORDS)}" %}}' if tag != "include" else f'{{% include "{rng.choice(pages)}" %}}']
    head = f'{{% {tag} style="{rng.choice(["info", "warning", "danger", "bad"])}" %}}' if tag == "hint" else f"{{% {tag} %}}"
    body = [_words(rng, rng.randrange(1, 8)) + " " + _link(rng, pages)]
    if kind == 0:
        return [head, *body]  # never closed
    if kind == 1:
        return [head, *body, f"{{% end{rng.choice(TAGS)} %}}"]
    if kind == 2:
        return ["{% endhint %}", *body]
    return [head, *body, f"{{% end{tag} %}}"]


def _line(rng: random.Random, pages: list[str]) -> list[str]:
    kind = rng.randrange(12)
    if kind == 0:
        return [f"{'#' * rng.randrange(1, 4)} {_words(rng, rng.randrange(0, 4))}"]
    if kind == 1:
        return _block(rng, pages)
    if kind == 2:
        return ["```", _words(rng, 3) + " " + _link(rng, pages), "{% hint %}", "```"]
    if kind == 3:
        rule = rng.choice(["GB201", "GB101", "GB999", "links", ""])
        which = rng.choice(["disable-next-line", "disable-line", "disable", "enable", "disable-file"])
        return [f"<!-- gitbook-lint-{which} {rule} -->"]
    if kind == 4:
        return [f"* {_words(rng, 2)} {_link(rng, pages)}", f"  * {_words(rng, 2)}"]
    if kind == 5:
        return [f"> {_words(rng, 3)} {_link(rng, pages)}"]
    if kind == 6:
        return ["| a | b |", "| --- | --- |", f"| {_link(rng, pages)} | {_words(rng, 1)} |"]
    if kind == 7:
        return [f"~~{_words(rng, 3)}~~ {_words(rng, 2)}"]
    if kind == 8:
        return [f"<p>{rng.choice(ODD)} {_link(rng, pages)}</p>"]
    if kind == 9:  # the same fixable link in a fence and after it, below a character that is no line end
        twin = f"[x](http://exemple.fr/{rng.choice(WORDS)})"
        return [f"{_words(rng, 2)}{rng.choice(ODD[:4])}{_words(rng, 2)}", "", "```", twin, "```", "", twin]
    text = _words(rng, rng.randrange(2, 10))
    if rng.random() < 0.4:
        at = rng.randrange(len(text) + 1)
        text = text[:at] + rng.choice(ODD) + text[at:]
    return [text + " " + _link(rng, pages)]


def make_page(rng: random.Random, pages: list[str]) -> bytes:
    lines = [f"# {_words(rng, 3)}", ""]
    for _ in range(rng.randrange(2, 9)):
        lines.extend(_line(rng, pages))
        lines.append("")
    text = _front_matter(rng) + "\n".join(lines)
    ending = rng.choice(["\n", "\n", "\n", "\r\n", "\r"])
    data = text.replace("\n", ending).encode("utf-8")
    if rng.random() < 0.02:
        data = b"\xef\xbb\xbf" + data
    if rng.random() < 0.01:
        data = data.replace(b"e", b"\xe9", 1)  # Latin-1: not UTF-8
    return data


def make_space(rng: random.Random, folder: Path, count: int) -> None:
    names = ["README.md"] + [f"{rng.choice(WORDS)}-{index}.md" for index in range(1, count)]
    names = [name if rng.random() > 0.1 else f"dossier/{name}" for name in names]
    for name in names:
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_bytes(make_page(rng, names))
    summary = ["# Sommaire", ""] + [f"* [{name}]({name})" for name in names if rng.random() < 0.9]
    (folder / "SUMMARY.md").write_text("\n".join(summary) + "\n", encoding="utf-8")
    redirects = [f"  {'/' if rng.random() < 0.3 else ''}{rng.choice(WORDS)}-{index}: {rng.choice(names)}" for index in range(rng.randrange(0, 6))]
    (folder / ".gitbook.yaml").write_text("redirects:\n" + "\n".join(redirects) + "\n" if redirects else "root: ./\n", encoding="utf-8")
    (folder / ".gitbook" / "assets").mkdir(parents=True, exist_ok=True)
    (folder / ".gitbook" / "assets" / f"{rng.choice(WORDS)}.png").write_bytes(b"\x89PNG\r\n")



def _settings() -> Settings:
    from linter.rules import all_rules

    return Settings(select=[rule.id for rule in all_rules()])


def _lint(folder: Path) -> list:  # noqa: ANN401
    site = Site.load(folder, jobs=1)
    findings = lint_site(site, _settings())
    crashed = [finding for finding in findings if finding.rule_id == INTERNAL_ERROR_ID]
    if crashed:
        raise AssertionError(f"a rule crashed: {crashed[0].message}")
    return [finding.with_path(str(folder / finding.path)) for finding in findings]


def _check_formats(findings: list) -> None:  # noqa: ANN401
    for name, formatter in FORMATTERS.items():
        report = formatter(findings, ReportContext())
        report.encode("utf-8")
        for forbidden in ("\x1b", "\x07", "\u2028", "\x85"):
            if forbidden in report:
                raise AssertionError(f"{name} report carries {forbidden!r}")
        if name in ("json", "sarif", "gitlab"):
            json.loads(report)
        elif name == "junit":
            ElementTree.fromstring(report.encode("utf-8"))


def _structure(text: str) -> list[tuple]:
    tokens = shared_markdown().parse(text.replace("\r\n", "\n").replace("\r", "\n"), {})
    shape = []
    for token in tokens:
        shape.append((token.type, token.tag, token.nesting, tuple(token.map or ())))
        shape.extend((child.type, child.tag, child.nesting) for child in token.children or ())
    return shape


def _check_fix(folder: Path, findings: list) -> None:  # noqa: ANN401
    before = {path: path.read_bytes() for path in folder.rglob("*.md")}
    edits = {finding.path: [] for finding in findings if finding.edit is not None}
    for finding in findings:
        if finding.edit is not None:
            edits[finding.path].append(finding.edit)
    report = apply_fixes(findings, [folder])
    if not report.fixed:
        return  # nothing written: nothing to compare, and a second pass would see the same
    for path, old in before.items():
        new = path.read_bytes()
        if new == old:
            continue
        if str(path) not in edits:
            raise AssertionError(f"{path.name} changed without an edit")
        _only_inside_edits(path.name, old.decode("utf-8-sig"), new.decode("utf-8-sig"), edits[str(path)])
        if _structure(old.decode("utf-8-sig")) != _structure(new.decode("utf-8-sig")):
            raise AssertionError(f"{path.name}: the fix changed the document's structure")
    again = apply_fixes(_lint(folder), [folder])
    if again.fixed and not report.skipped:
        raise AssertionError(f"--fix is not idempotent: a second pass fixed {again.fixed} more")
    if again.fixed and apply_fixes(_lint(folder), [folder]).fixed:
        raise AssertionError("--fix does not settle: a third pass still fixed something")


def _lines(text: str) -> list[str]:
    """Lines as CommonMark ends them (written here again, not taken from the fixer)."""
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")


def _only_inside_edits(name: str, old: str, new: str, edits: list) -> None:  # noqa: ANN401
    old_lines, new_lines = _lines(old), _lines(new)
    if [old.count(end) for end in ("\r\n", "\r", "\n")] != [new.count(end) for end in ("\r\n", "\r", "\n")]:
        raise AssertionError(f"{name}: the fix changed line ends")
    if len(old_lines) != len(new_lines):
        raise AssertionError(f"{name}: the fix changed the number of lines")
    spans: dict[int, list[tuple[int, int]]] = {}
    for edit in edits:
        spans.setdefault(edit.line - 1, []).append((edit.column - 1, edit.column - 1 + len(edit.original)))
    for index, (before, after) in enumerate(zip(old_lines, new_lines, strict=False)):
        if before == after:
            continue
        if index not in spans:
            raise AssertionError(f"{name}:{index + 1}: changed where no edit was")
        first = min(start for start, _ in spans[index])
        last = max(end for _, end in spans[index])
        tail = len(before) - last
        if before[:first] != after[:first] or before[len(before) - tail :] != after[len(after) - tail :]:
            raise AssertionError(f"{name}:{index + 1}: changed outside the edited spans")


def run_chunk(seed: int, pages: int, out: str | None = None) -> tuple[int, int, list[str]]:
    """Generate and check `pages` pages (in spaces) from `seed`: (pages, spaces, failures)."""
    rng = random.Random(seed)
    failures: list[str] = []
    done = spaces = 0
    while done < pages:
        count = min(PAGES_PER_SPACE, pages - done)
        with tempfile.TemporaryDirectory(prefix="gitbook-lint-fuzz-") as temporary:
            folder = Path(temporary) / "space"
            folder.mkdir()
            make_space(rng, folder, count)
            kept = Path(temporary) / "original"
            shutil.copytree(folder, kept, symlinks=True)
            try:
                findings = _lint(folder)
                _check_formats(findings)
                _check_fix(folder, findings)
            except Exception:  # noqa: BLE001 - every failure is recorded, the run goes on
                failures.append(f"seed {seed} space {spaces}: {traceback.format_exc(limit=3)}")
                if out:
                    target = Path(out) / f"seed{seed}-space{spaces}"
                    shutil.copytree(kept, target, dirs_exist_ok=True, symlinks=True)
                    (target.parent / f"{target.name}.txt").write_text(failures[-1], encoding="utf-8")
        done += count
        spaces += 1
    return done, spaces, failures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pages", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--chunk", type=int, default=400, help="pages per chunk (one seed each)")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--out", default=None, help="folder for failing spaces")
    args = parser.parse_args()
    chunks = [(args.seed * 1_000_003 + index, min(args.chunk, args.pages - start)) for index, start in enumerate(range(0, args.pages, args.chunk))]
    started = time.perf_counter()
    total_pages = total_spaces = 0
    failures: list[str] = []
    with ProcessPoolExecutor(max_workers=args.jobs) as pool:
        for pages, spaces, failed in pool.map(run_chunk, *zip(*chunks, strict=True), [args.out] * len(chunks)):
            total_pages += pages
            total_spaces += spaces
            failures.extend(failed)
            print(f"{total_pages} pages, {total_spaces} spaces, {len(failures)} failures, {time.perf_counter() - started:.0f} s", flush=True)
    for failure in failures[:20]:
        print(failure, file=sys.stderr)
    return min(len(failures), 100)


if __name__ == "__main__":
    sys.exit(main())
