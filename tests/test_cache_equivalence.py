"""The cache never changes a finding: after random edits of a space, a run that reuses the cache
reports exactly what a run from scratch reports. And a damaged cache is only rebuilt."""

from __future__ import annotations

import random
from pathlib import Path

from linter.finding import Finding
from linter.run import lint_paths
from linter.settings import Settings

WORDS = ("accueil", "guide", "équipe", "données", "accès", "budget", "outils", "contrat")


def page_text(rng: random.Random, title: str, others: list[str]) -> str:
    """A page with headings, links to other pages (some with fragments), an email, a hint."""
    lines = [f"# {title}", "", f"Écrire à {rng.choice(WORDS)}@exemple.fr ou voir le [guide](guide.md).", ""]
    for number in range(rng.randint(1, 3)):
        lines += [f"## {rng.choice(WORDS).capitalize()} {number}", ""]
        if others:
            target = rng.choice(others)
            fragment = rng.choice(["", f"#{rng.choice(WORDS)}-{number}", "#accueil"])
            lines += [f"Voir [{target}]({target}{fragment}).", ""]
    if rng.random() < 0.3:
        lines += ['{% hint style="info" %}', "Une note.", "{% endhint %}" if rng.random() < 0.7 else "", ""]
    if rng.random() < 0.2:
        lines += ["~~Ancienne règle~~", ""]
    return "\n".join(lines)


def pages_of(space: Path) -> list[str]:
    return sorted(p.relative_to(space).as_posix() for p in space.rglob("*.md") if p.name != "SUMMARY.md")


def write_summary(space: Path, rng: random.Random) -> None:
    listed = [page for page in pages_of(space) if rng.random() < 0.9]
    (space / "SUMMARY.md").write_text("# Sommaire\n\n" + "".join(f"* [{p}]({p})\n" for p in listed), encoding="utf-8")


def edit_once(space: Path, rng: random.Random, step: int) -> str:
    """One random edit of the kinds a documentation team makes; returns what it did."""
    pages = pages_of(space)
    kind = rng.choice(["add", "delete", "rename", "heading", "break-link", "fix-link", "prose", "config", "summary"])
    if kind == "add" or len(pages) < 3:
        name = f"{rng.choice(WORDS)}-{step}.md"
        (space / name).write_text(page_text(rng, name[:-3].capitalize(), pages), encoding="utf-8")
    elif kind == "delete":
        (space / rng.choice([p for p in pages if p != "README.md"])).unlink()
    elif kind == "rename":
        old = rng.choice([p for p in pages if p != "README.md"])
        (space / old).rename(space / f"renomme-{step}.md")
    elif kind == "heading":
        page = space / rng.choice(pages)
        text = page.read_text(encoding="utf-8")
        page.write_text(text.replace("## ", f"## {rng.choice(WORDS)} ", 1), encoding="utf-8")
    elif kind in ("break-link", "fix-link"):
        page = space / rng.choice(pages)
        target = "absente.md" if kind == "break-link" else rng.choice(pages)
        page.write_text(page.read_text(encoding="utf-8") + f"\nLien : [cible]({target}).\n", encoding="utf-8")
    elif kind == "prose":
        page = space / rng.choice(pages)
        page.write_text(page.read_text(encoding="utf-8") + "\nUne phrase de plus.\n", encoding="utf-8")
    elif kind == "config":
        redirect = f"ancien-{step}: {rng.choice(pages + ['nulle-part.md'])}\n"
        (space / ".gitbook.yaml").write_text("redirects:\n  " + redirect, encoding="utf-8")
    else:
        write_summary(space, rng)
    return kind


def findings(space: Path, settings: Settings) -> list[Finding]:
    return lint_paths([str(space)], settings).findings


def test_warm_runs_equal_cold_runs_after_random_edits(tmp_path: Path) -> None:
    rng = random.Random(11)
    space = tmp_path / "space"
    space.mkdir()
    (space / "README.md").write_text(page_text(rng, "Accueil", []), encoding="utf-8")
    (space / "guide.md").write_text(page_text(rng, "Guide", ["README.md"]), encoding="utf-8")
    write_summary(space, rng)
    cache = tmp_path / "cache"
    selections = [None, ["all"], ["GB1", "GB2"]]
    done = []
    for step in range(24):
        done.append(edit_once(space, rng, step))
        select = selections[step % len(selections)]  # the configuration changes too
        lang = "fr" if step % 5 == 4 else "en"
        warm = findings(space, Settings(select=select, lang=lang, cache_dir=cache))
        cold = findings(space, Settings(select=select, lang=lang, cache=False))
        assert warm == cold, f"after {done}"
    assert (cache / "pages").is_dir() and (cache / "runs").is_dir()  # the cache was used
    assert len(set(done)) >= 6  # the edits were varied


def test_a_damaged_or_foreign_cache_is_rebuilt(tmp_path: Path) -> None:
    space = tmp_path / "space"
    space.mkdir()
    (space / "README.md").write_text("# Accueil\n\nVoir [la suite](suite.md#absente).\n", encoding="utf-8")
    (space / "suite.md").write_text("# Suite\n\n{% hint %}\nJamais fermé.\n", encoding="utf-8")
    cache = tmp_path / "cache"
    expected = findings(space, Settings(cache=False))
    assert expected and findings(space, Settings(cache_dir=cache)) == expected
    entries = [path for path in cache.rglob("*.pickle")]
    assert entries
    for number, entry in enumerate(entries):
        data = entry.read_bytes()
        # truncated, garbage, or a valid pickle of something else
        entry.write_bytes([data[: len(data) // 2], b"\x80\x05garbage", b"\x80\x04N."][number % 3])
    assert findings(space, Settings(cache_dir=cache)) == expected
    assert findings(space, Settings(cache_dir=cache)) == expected  # and rebuilt
