#!/usr/bin/env python3
"""Sanity-check a space written by generate_space.py (independent of the linter).

Usage: python benchmarks/check_space.py SPACE [--manifest FILE]

Checks: SUMMARY targets exist and list every page; content-ref / include / asset / link
targets exist; #fragments match an explicit anchor or a heading slug; {% %} tags balance;
.gitbook.yaml redirect targets exist. With --manifest, exits 0 only if the problems found
are exactly the deliberate defects. Stdlib only (uses PyYAML for front matter if present).
"""
from __future__ import annotations

import argparse
import json
import os
import posixpath
import re
import sys
from urllib.parse import unquote

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from generate_space import gitbook_slug  # noqa: E402

FENCE = re.compile(r"^```")
TAG = re.compile(r"^\{% (end)?([a-z-]+)(?: [^%]*)? %\}$")
CLOSED = {"hint", "tabs", "tab", "content-ref", "code", "stepper", "step"}
OPTIONAL_END = {"embed", "file"}
LINK = re.compile(r"\]\((<[^>]+>|[^)\s]+)\)")
ATTR = re.compile(r"(?:src|url)=\"([^\"]+)\"")
INCLUDE = re.compile(r"^\{% include \"([^\"]+)\" %\}$")
HEADING = re.compile(r"^(#{2,4}) (.*?)(?: <a href=\"#([^\"]+)\" id=\"([^\"]+)\"></a>)?$")


def md_files(root: str) -> list[str]:
    out = []
    for d, dirs, files in os.walk(root):
        dirs[:] = sorted(x for x in dirs if x != ".gitbook")
        out += [posixpath.relpath(posixpath.join(d, f), root) for f in sorted(files) if f.endswith(".md")]
    return [p for p in out if p != "SUMMARY.md"]


def body_lines(text: str) -> list[tuple[int, str]]:
    """Lines outside front matter and fenced code, with 1-based numbers."""
    lines = text.split("\n")
    start = lines.index("---", 1) + 1 if lines and lines[0] == "---" else 0
    out, in_code = [], False
    for i, line in enumerate(lines[start:], start + 1):
        if FENCE.match(line):
            in_code = not in_code
        elif not in_code:
            out.append((i, line))
    return out


def page_ids(lines: list[tuple[int, str]]) -> set[str]:
    ids = set()
    for _, line in lines:
        m = HEADING.match(line)
        if m:
            ids.add(gitbook_slug(m.group(2)))
            if m.group(3):
                ids.add(m.group(3))
    return ids


def check_front_matter(path: str, text: str, problems: list[str]) -> None:
    if not text.startswith("---\n"):
        return
    try:
        import yaml  # type: ignore
    except ImportError:
        return
    data = yaml.safe_load(text[4:text.index("\n---", 3)])
    if not isinstance(data, dict):
        problems.append(f"{path}: front matter is not a mapping")


def check_tags(path: str, lines: list[tuple[int, str]], problems: list[str]) -> None:
    stack: list[str] = []
    for n, line in lines:
        m = TAG.match(line)
        if not m or m.group(2) in OPTIONAL_END or m.group(2) not in CLOSED:
            continue
        if not m.group(1):
            stack.append(m.group(2))
        elif not stack or stack.pop() != m.group(2):
            problems.append(f"{path}:{n}: unbalanced end{m.group(2)}")
    for tag in stack:
        problems.append(f"{path}: unclosed {tag}")


def resolve(root: str, page: str, href: str) -> tuple[str, str]:
    href = href[1:-1] if href.startswith("<") else href
    path, _, frag = href.partition("#")
    if not path:
        return page, frag
    target = posixpath.normpath(posixpath.join(posixpath.dirname(page), unquote(path)))
    if href.split("#")[0].endswith("/"):
        target = posixpath.join(target, "README.md")
    return target, frag


def check_links(root: str, page: str, lines: list[tuple[int, str]], ids: dict[str, set[str]],
                problems: list[str]) -> None:
    for n, line in lines:
        hrefs = LINK.findall(line) + ATTR.findall(line)
        m = INCLUDE.match(line)
        if m:
            hrefs.append(m.group(1))
        for href in hrefs:
            if re.match(r"^(https?|mailto):", href):
                continue
            target, frag = resolve(root, page, href)
            if not os.path.exists(os.path.join(root, target)):
                problems.append(f"{page}:{n}: missing target {href}")
            elif frag and frag not in ids.get(target, set()):
                problems.append(f"{page}:{n}: missing fragment {href}")


def check_summary(root: str, pages: list[str], problems: list[str]) -> None:
    with open(os.path.join(root, "SUMMARY.md"), encoding="utf-8") as f:
        lines = f.read().split("\n")
    listed = []
    for line in lines:
        m = re.match(r"^( *)\* \[[^\]]+\]\(([^)]+)\)$", line)
        if m:
            if len(m.group(1)) % 2:
                problems.append(f"SUMMARY.md: odd indentation: {line}")
            listed.append(m.group(2))
    for p in listed:
        if not os.path.exists(os.path.join(root, p)):
            problems.append(f"SUMMARY.md: missing {p}")
    if sorted(listed) != sorted(pages) or len(set(listed)) != len(listed):
        problems.append(f"SUMMARY.md: lists {len(listed)} entries for {len(pages)} pages")


def check_redirects(root: str, problems: list[str]) -> None:
    with open(os.path.join(root, ".gitbook.yaml"), encoding="utf-8") as f:
        for line in f:
            m = re.match(r"^  (anciennes-pages/\S+): (\S+)$", line)
            if m and not os.path.exists(os.path.join(root, m.group(2))):
                problems.append(f".gitbook.yaml: missing redirect target {m.group(2)}")


def check(root: str) -> tuple[list[str], dict[str, int]]:
    problems: list[str] = []
    pages = md_files(root)
    texts = {}
    for p in pages:
        with open(os.path.join(root, p), encoding="utf-8") as f:
            texts[p] = f.read()
    lines = {p: body_lines(t) for p, t in texts.items()}
    ids = {p: page_ids(ls) for p, ls in lines.items()}
    for p in pages:
        check_front_matter(p, texts[p], problems)
        check_tags(p, lines[p], problems)
        check_links(root, p, lines[p], ids, problems)
    check_summary(root, [p for p in pages if not p.startswith(".gitbook/")], problems)
    check_redirects(root, problems)
    stats = {"pages": len([p for p in pages if not p.startswith(".gitbook/")]),
             "anchors": sum(len(v) for v in ids.values())}
    return problems, stats


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("space")
    ap.add_argument("--manifest")
    args = ap.parse_args(argv)
    problems, stats = check(args.space)
    for p in problems:
        print(p)
    print(f"{stats['pages']} pages, {stats['anchors']} anchor ids, {len(problems)} problems", file=sys.stderr)
    if not args.manifest:
        return 1 if problems else 0
    with open(args.manifest, encoding="utf-8") as f:
        expected = {d["page"] for d in json.load(f)["defects"]}
    found = {p.split(":")[0] for p in problems}
    if found != expected:
        print(f"MISMATCH: unexpected {sorted(found - expected)}, not found {sorted(expected - found)}")
        return 1
    print(f"OK: problems are exactly the {len(expected)} deliberate defects", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
