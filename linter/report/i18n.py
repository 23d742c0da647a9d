"""The command line's own words (summaries, usage errors), in English and French.

Rule messages live with their rules; these are the sentences the tool itself says.
"""

from __future__ import annotations

import os
from typing import Any, Mapping

from ..words import LANGUAGES, say_in

TEXTS: dict[str, dict[str, str]] = {
    "summary": {"en": "{checked}: {errors}, {warnings}, {info}", "fr": "{checked} : {errors}, {warnings}, {info}"},
    "clean": {"en": "{checked}: no problem found", "fr": "{checked} : aucun problème trouvé"},
    # Counted words: `-one` for one (and none in French), `-other` for the rest (see `counted`).
    "checked-one": {"en": "{count} page checked", "fr": "{count} page vérifiée"},
    "checked-other": {"en": "{count} pages checked", "fr": "{count} pages vérifiées"},
    "of-space-one": {"en": " (of {count} page in the space)", "fr": " (sur {count} page de l'espace)"},
    "of-space-other": {"en": " (of {count} pages in the space)", "fr": " (sur {count} pages de l'espace)"},
    "of-spaces-one": {"en": " (of {count} page in the spaces)", "fr": " (sur {count} page des espaces)"},
    "of-spaces-other": {"en": " (of {count} pages in the spaces)", "fr": " (sur {count} pages des espaces)"},
    "errors-one": {"en": "{count} error", "fr": "{count} erreur"},
    "errors-other": {"en": "{count} errors", "fr": "{count} erreurs"},
    "warnings-one": {"en": "{count} warning", "fr": "{count} avertissement"},
    "warnings-other": {"en": "{count} warnings", "fr": "{count} avertissements"},
    "info-one": {"en": "{count} info", "fr": "{count} information"},
    "info-other": {"en": "{count} info", "fr": "{count} informations"},
    "unreadable-folder": {
        "en": "warning: cannot read the folder {path}: its files were not checked",
        "fr": "attention : le dossier {path} ne peut pas être lu : ses fichiers n'ont pas été vérifiés",
    },
    "by-rule": {"en": "Findings by rule:", "fr": "Signalements par règle :"},
    "fix": {"en": "fix", "fr": "correction"},
    "no-rule": {
        "en": "no rule has the id, name or tag {name!r}{hint}",
        "fr": "aucune règle n'a l'identifiant, le nom ou l'étiquette {name!r}{hint}",
    },
    "no-rule-explain": {
        "en": "no rule has the id or name {name!r}{hint}",
        "fr": "aucune règle n'a l'identifiant ou le nom {name!r}{hint}",
    },
    "did-you-mean": {"en": " (did you mean {closest!r}?)", "fr": " (vouliez-vous dire {closest!r} ?)"},
    "fixed": {"en": "fixed {problems} in {files}", "fr": "{problems} dans {files}"},
    "problems-one": {"en": "{count} problem", "fr": "{count} problème corrigé"},
    "problems-other": {"en": "{count} problems", "fr": "{count} problèmes corrigés"},
    "files-one": {"en": "{count} file", "fr": "{count} fichier"},
    "files-other": {"en": "{count} files", "fr": "{count} fichiers"},
    "findings-one": {"en": "{count} finding", "fr": "{count} signalement"},
    "findings-other": {"en": "{count} findings", "fr": "{count} signalements"},
    "cannot-read": {"en": "cannot read {path}: {error}", "fr": "impossible de lire {path} : {error}"},
    "refused-too-large": {"en": "larger than `max-page-size`", "fr": "plus grand que `max-page-size`"},
    "refused-dangling-link": {
        "en": "a symbolic link to a file that does not exist",
        "fr": "un lien symbolique vers un fichier qui n'existe pas",
    },
    "fix-refused": {
        "en": "not fixed: {path}: {why}",
        "fr": "non corrigé : {path} : {why}",
    },
    "refused-hard-links": {
        "en": "the file has several hard links (replacing it would split them)",
        "fr": "le fichier a plusieurs liens physiques (le remplacer les séparerait)",
    },
    "refused-read-only": {"en": "the file is read-only", "fr": "le fichier est en lecture seule"},
    "refused-other-owner": {
        "en": "the file belongs to another user (replacing it would change its owner)",
        "fr": "le fichier appartient à un autre utilisateur (le remplacer changerait son propriétaire)",
    },
    "refused-outside-link": {
        "en": "a symbolic link that leads outside the space",
        "fr": "un lien symbolique qui mène hors de l'espace",
    },
    "refused-link-loop": {"en": "a symbolic link loop", "fr": "une boucle de liens symboliques"},
    "refused-special-file": {"en": "not a regular file", "fr": "pas un fichier ordinaire"},
    "config-error": {"en": "configuration error: {error}", "fr": "erreur de configuration : {error}"},
    "usage-error": {"en": "usage error: {error}", "fr": "erreur d'utilisation : {error}"},
    "see-help": {"en": "Try 'gitbook-lint --help'.", "fr": "Essayez « gitbook-lint --help »."},
    "no-path": {"en": "no such file or folder: {path}", "fr": "fichier ou dossier introuvable : {path}"},
    "written": {"en": "report written to {path}", "fr": "rapport écrit dans {path}"},
    "cannot-write": {"en": "cannot write {path}: {error}", "fr": "impossible d'écrire {path} : {error}"},
    "cache-cleaned": {"en": "cache deleted: {path}", "fr": "cache supprimé : {path}"},
    "no-cache-here": {"en": "no cache to delete at {path}", "fr": "aucun cache à supprimer dans {path}"},
    "cannot-clean": {"en": "cannot delete the cache: {error}", "fr": "impossible de supprimer le cache : {error}"},
    "no-match": {"en": "no file matches {pattern}", "fr": "aucun fichier ne correspond à {pattern}"},
    "no-diff-base": {
        "en": "cannot find the revision {rev}, or where it and HEAD part: a shallow clone needs more history (`git fetch --unshallow`, or `fetch-depth: 0` in actions/checkout)",
        "fr": "révision {rev} introuvable, ou pas d'ancêtre commun avec HEAD : un clone superficiel demande plus d'historique (`git fetch --unshallow`, ou `fetch-depth: 0` dans actions/checkout)",
    },
    "baseline-written": {
        "en": "baseline written to {path}: {findings}",
        "fr": "référence écrite dans {path} : {findings}",
    },
    "baseline-hidden": {
        "en": "{findings} known, not shown (in the baseline {path})",
        "fr": "{findings} connus, non affichés (dans la référence {path})",
    },
    "baseline-fixed": {
        "en": "fixed since the baseline {path}: {findings} (`--update-baseline` drops them)",
        "fr": "corrigés depuis la référence {path} : {findings} (`--update-baseline` les retire)",
    },
    "baseline-pruned": {
        "en": "dropped from the baseline {path}, as fixed: {findings}",
        "fr": "retirés de la référence {path}, car corrigés : {findings}",
    },
    "no-baseline": {
        "en": "no baseline file {path} (write it with `gitbook-lint baseline`)",
        "fr": "pas de fichier de référence {path} (écrivez-le avec « gitbook-lint baseline »)",
    },
    "progress-read": {"en": "reading {space}…", "fr": "lecture de {space}…"},
    "progress-check": {"en": "checking pages {done}/{total}", "fr": "vérification des pages {done}/{total}"},
    "progress-external": {
        "en": "web links [{bar}] {done}/{total}, {failed} failing",
        "fr": "liens web [{bar}] {done}/{total}, {failed} en échec",
    },
    "external-summary": {
        "en": "web links: {urls} addresses on {hosts} hosts, {requests} requests, {cached} from the cache, {skipped} not requested, {failed} failing",
        "fr": "liens web : {urls} adresses sur {hosts} hôtes, {requests} requêtes, {cached} depuis le cache, {skipped} non demandées, {failed} en échec",
    },
    "external-host": {
        "en": "  {host:<{width}}  {urls:>5} addresses  {requests:>5} requests  {failed:>4} failing{waited}",
        "fr": "  {host:<{width}}  {urls:>5} adresses  {requests:>5} requêtes  {failed:>4} en échec{waited}",
    },
    "external-waited": {"en": "  (waited {seconds:.0f} s)", "fr": "  ({seconds:.0f} s d'attente)"},
    "external-more": {"en": "  … and {count} more hosts", "fr": "  … et {count} autres hôtes"},
    "off-by-default": {"en": " (off by default)", "fr": " (désactivée par défaut)"},
    "tags": {"en": "tags", "fr": "étiquettes"},
    "fixable": {"en": "fixable with --fix", "fr": "corrigeable avec --fix"},
    "documentation": {"en": "Documentation", "fr": "Documentation"},
    "severity": {"en": "severity", "fr": "sévérité"},
    "options": {"en": "Options", "fr": "Options"},
    "default": {"en": "default", "fr": "défaut"},
    "error": {"en": "error", "fr": "erreur"},
    "warning": {"en": "warning", "fr": "avertissement"},
    "info": {"en": "info", "fr": "information"},
}


def say(key: str, lang: str, **args: Any) -> str:
    return say_in(TEXTS[key], lang, **args)


def counted(key: str, lang: str, count: int) -> str:
    """`1 error`, `2 errors`; in French the singular also serves 0 (`0 erreur`)."""
    singular = count == 1 if lang == "en" else count < 2
    return say(f"{key}-{'one' if singular else 'other'}", lang, count=count)


def summary_line(lang: str, checked: int, in_spaces: int, spaces: int, counts: Mapping[str, int]) -> str:
    """`42 pages checked: 1 error, 0 warnings, 3 info`; with how many pages the space has when
    only some of them were checked (`1 page checked (of 42 pages in the space)`)."""
    pages = counted("checked", lang, checked)
    if checked != in_spaces:
        pages += counted("of-space" if spaces == 1 else "of-spaces", lang, in_spaces)
    if not any(counts.values()):
        return say("clean", lang, checked=pages)
    numbers = {name: counted(name, lang, counts[severity]) for name, severity in _SEVERITY_WORDS}
    return say("summary", lang, checked=pages, **numbers)


_SEVERITY_WORDS = (("errors", "error"), ("warnings", "warning"), ("info", "info"))


def language_from_environment(environ: Mapping[str, str] | None = None) -> str | None:
    """`fr` or `en` from LC_ALL, LC_MESSAGES or LANG (first one set wins, as in POSIX)."""
    environ = os.environ if environ is None else environ
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(name, "")
        if value:
            code = value.split(".")[0].split("_")[0].lower()
            return code if code in LANGUAGES else None
    return None
