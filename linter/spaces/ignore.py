"""Which files of a space are left out of a run: the `exclude` patterns of the configuration and
the `.gitignore` files, read with Git's own rules."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Iterable

from ..guard import Refused, read_in_repository

if TYPE_CHECKING:  # the settings import the rule registry, which imports the model: no cycle at run time
    import pathspec

    from ..settings import Settings


class PathFilter:
    """`exclude(relative) -> bool` for `Site.load`: the `exclude` patterns (gitignore syntax,
    relative to the configuration's folder) and, unless told otherwise, every `.gitignore` from
    the space root up to the repository top and inside the space, deeper files winning as in Git.

    Why pathspec: it implements Git's wildmatch rules (`**`, anchoring, negation, folder-only
    patterns) as Git does, which a hand-written fnmatch translation gets subtly wrong.
    """

    def __init__(self, root: Path, settings: Settings) -> None:
        self.root = root.resolve()
        self.base = settings.config_dir or root
        self.exclude = gitignore_spec(settings.exclude) if settings.exclude else None
        self.gitignore = settings.respect_gitignore
        self.outer = self._outer_specs() if self.gitignore else []
        self._chains: dict[str, list[tuple[int, pathspec.GitIgnoreSpec]]] = {}  # by root-relative folder

    @classmethod
    def factory(cls, settings: Settings) -> _FilterFactory:
        return _FilterFactory(settings)

    def __call__(self, relative: str) -> bool:
        if self.exclude is not None and self.exclude.match_file(_relative_from(self.base, self.root, relative)):
            return True
        return self.gitignore and self._ignored_by_git(relative)

    def _outer_specs(self) -> list[tuple[str, pathspec.GitIgnoreSpec]]:
        """The .gitignore files above the root, each with the root's path from its folder."""
        specs = []
        folder = self.root
        while not (folder / ".git").exists() and folder.parent != folder:
            folder = folder.parent
            if (folder / ".gitignore").is_file():
                specs.append((self.root.relative_to(folder).as_posix() + "/", _spec_of(folder / ".gitignore")))
        if not (folder / ".git").exists():
            return []  # not in a repository: only the .gitignore files inside the space count
        specs.reverse()
        # A space the user names is linted even when an outer .gitignore excludes its folder (as
        # `git add -f` adds it): keep only the patterns that do not exclude the root or a parent.
        return [(prefix, _without_patterns_excluding(spec, prefix)) for prefix, spec in specs]

    def _ignored_by_git(self, relative: str) -> bool:
        verdict: bool | None = None
        for prefix, spec in self.outer:
            verdict = _decide(spec, prefix + relative, verdict)
        for start, spec in self._specs_above(relative.rstrip("/").rpartition("/")[0]):
            verdict = _decide(spec, relative[start:], verdict)
        return bool(verdict)

    def _specs_above(self, folder: str) -> list[tuple[int, pathspec.GitIgnoreSpec]]:
        """The `.gitignore` files of the root-relative `folder` and of the folders above it up to
        the root, outermost first, each with where a path under `folder` starts from its own
        folder. Once per folder, not per file and depth: most folders have none."""
        found = self._chains.get(folder)
        if found is None:
            found = self._specs_above(folder.rpartition("/")[0]) if folder else []
            spec = _folder_spec(self.root / folder)
            if spec is not None:
                found = [*found, (len(folder) + 1 if folder else 0, spec)]
            self._chains[folder] = found
        return found


def _without_patterns_excluding(spec: pathspec.GitIgnoreSpec, root_prefix: str) -> pathspec.GitIgnoreSpec:
    parts = root_prefix.rstrip("/").split("/")
    folders = ["/".join(parts[:depth]) + "/" for depth in range(1, len(parts) + 1) if parts[0] != "."]
    kept = [
        pattern
        for pattern in spec.patterns
        if not (pattern.include and any(pattern.match_file(folder) for folder in folders))
    ]
    return type(spec)(kept)


class _FilterFactory:
    """Given to `Site.load`, which knows the space root only once `.gitbook.yaml` is read."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings

    def for_root(self, root: Path) -> PathFilter:
        return PathFilter(root, self.settings)


def _decide(spec: pathspec.GitIgnoreSpec, path: str, verdict: bool | None) -> bool | None:
    result = spec.check_file(path)
    return verdict if result.include is None else result.include


@lru_cache(maxsize=1024)
def _folder_spec(folder: Path) -> pathspec.GitIgnoreSpec | None:
    gitignore = folder / ".gitignore"
    return _spec_of(gitignore) if gitignore.is_file() else None


def _spec_of(gitignore: Path) -> pathspec.GitIgnoreSpec:
    try:
        lines = read_in_repository(gitignore).decode("utf-8", errors="replace").splitlines()
    except (OSError, Refused):  # a link out of the repository is not read
        lines = []
    return gitignore_spec(lines)


def gitignore_spec(lines: Iterable[str]) -> pathspec.GitIgnoreSpec:
    """Patterns in `.gitignore` syntax, read with Git's rules. pathspec is imported here, by the
    first run that has patterns to match, not at start-up."""
    import pathspec

    return pathspec.GitIgnoreSpec.from_lines(lines)


def _relative_from(base: Path, root: Path, relative: str) -> str:
    """`relative` (to the space root) as seen from `base`; root-relative when base is elsewhere."""
    try:
        prefix = root.relative_to(base).as_posix()
    except ValueError:
        return relative
    return relative if prefix == "." else f"{prefix}/{relative}"
