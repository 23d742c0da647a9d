"""Finding email addresses in prose and checking them with email-validator (no DNS lookup)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator

# URLs are blanked out before looking for addresses: `https://user@host/` and
# `https://mastodon.social/@name` are not addresses.
_URL = re.compile(r"\b[a-z][a-z0-9+.-]*://\S+|(?<![@\w.])www\.\S+", re.I)
# An address-like token: no space and none of the characters that surround addresses in prose
# (`contact : a@b.fr ; c@d.fr`, `a@b.fr/c@d.fr`, `(a@b.fr)`, `<a@b.fr>`, `« a@b.fr »`).
_TOKEN = re.compile(r"[^\s<>()\[\]{}\"',;:/«»“”‘’|]+")
_EDGE_PUNCTUATION = ".!?*_~…"
# The last label of a domain starts with a letter: this leaves out `pkg@1.2.3`, `node@18.0-rc.1`.
_TOP_LEVEL = re.compile(r"\.[^\W\d_][\w-]*$")
_LOCAL = re.compile(r"[A-Za-z0-9][A-Za-z0-9._%+-]*")
_BARE_DOMAIN = re.compile(r"[A-Za-z][A-Za-z0-9-]*[A-Za-z0-9]")
# Words after `@` that name a release, a machine or a placeholder, not a mail domain
# (`pkg@latest`, `checkout@v5`, `user@hostname`).
_NOT_DOMAINS = frozenset(
    "latest next beta alpha canary rc stable lts dev main master head localhost hostname host domain server".split()
)
_VERSION_TAG = re.compile(r"v?\d[\w.-]*|sha\d+", re.I)
# Not addresses although they hold `@`: Bazaar revision ids (`jdoe@host.org-20120908101555-37w0…`,
# in old changelogs) and systemd unit instances (`mariadb@.service`, `getty@tty1.service`).
_REVISION_ID = re.compile(r"-\d{14}-[0-9a-z]+$", re.I)
_SYSTEMD_UNIT = re.compile(r"\.(?:service|socket|target|timer|path|mount|slice)$", re.I)


@dataclass(frozen=True)
class Candidate:
    address: str
    offset: int  # in the text it was found in


def candidates(text: str) -> Iterator[Candidate]:
    """The address-like tokens of a piece of prose, with their offsets.

    Not candidates: `@mentions` and `@scope/pkg@1.0` (nothing before the first `@`), `user@`
    (nothing after it), `pkg@1.2.3` and `name@latest` (the part after `@` has no dot, or its last
    label does not start with a letter), and anything inside a URL.
    """
    for candidate, local, domain in _at_tokens(text):
        if local and domain and _TOP_LEVEL.search(domain.rpartition("@")[2]):
            yield candidate


def suffixless(text: str) -> Iterator[Candidate]:
    """Tokens of prose that read as an address whose domain lost its suffix: `scop@scopyleft`
    (a word, `@`, a word that starts with a letter, no dot). Not: `@mentions`, `login dinum@`,
    `pkg@1.2.3`, `name@latest` and other release tags, `user@localhost`, anything in a URL."""
    for candidate, local, domain in _at_tokens(text):
        if not (_LOCAL.fullmatch(local) and _BARE_DOMAIN.fullmatch(domain)):
            continue
        # An upper-case domain is a Kerberos realm or a placeholder (`user@EXAMPLE`, `jdoe@host-IP`).
        if domain.lower() in _NOT_DOMAINS or _VERSION_TAG.fullmatch(domain) or not domain.islower():
            continue
        yield candidate


def _at_tokens(text: str) -> Iterator[tuple[Candidate, str, str]]:
    """Each token of prose holding `@` (outside URLs, edge punctuation removed), with its local
    part and domain. A token glued to a `/` before it or a `:` or `/` after it is part of a path or
    a reference (`actions/checkout@v5`, `library/mariadb@sha256:29fe…`), and revision ids and
    systemd units are not addresses: all are left out."""
    if "@" not in text:
        return
    blanked = _URL.sub(lambda match: " " * len(match.group()), text)
    for match in _TOKEN.finditer(blanked):
        token = match.group()
        if "@" not in token:
            continue
        stripped = token.lstrip(_EDGE_PUNCTUATION)
        offset = match.start() + len(token) - len(stripped)
        stripped = stripped.rstrip(_EDGE_PUNCTUATION)
        local, _, domain = stripped.partition("@")
        if _glued_to_a_path(blanked, match.start(), match.end()) or _REVISION_ID.search(domain) or _SYSTEMD_UNIT.search(domain):
            continue
        yield Candidate(stripped, offset), local, domain


def _glued_to_a_path(text: str, start: int, end: int) -> bool:
    """The token is one segment of a path (`actions/checkout@v5`) or a reference followed by `:`
    and more (`mariadb@sha256:29fe…`); `a@b.fr/c@d.fr`, two addresses, is not a path."""
    if end + 1 < len(text) and text[end] == ":" and not text[end + 1].isspace():
        return True
    word_start = start
    while word_start > 0 and not text[word_start - 1].isspace():
        word_start -= 1
    word_end = end
    while word_end < len(text) and not text[word_end].isspace():
        word_end += 1
    word = text[word_start:word_end]
    return "/" in word and not all("@" in part for part in word.split("/") if part)


@dataclass(frozen=True)
class Problem:
    reason_en: str
    reason_fr: str


_REASONS = (
    ("two periods in a row", "two dots in a row", "deux points qui se suivent"),
    ("space", "a space", "une espace"),
    ("whitespace", "a space", "une espace"),
    ("period immediately before", "a dot just before the @", "un point juste avant l'@"),
    ("period immediately after", "a dot just after the @", "un point juste après l'@"),
    ("cannot start with a period", "it starts with a dot", "elle commence par un point"),
    ("cannot end with a period", "it ends with a dot", "elle se termine par un point"),
    ("should have a period", "the domain after the @ has no dot", "le domaine après l'@ n'a pas de point"),
    ("special-use or reserved", "the domain is a reserved name", "le domaine est un nom réservé"),
    ("must have an @-sign", "there is no @", "il n'y a pas d'@"),
    ("something after the @-sign", "nothing after the @", "rien après l'@"),
    ("something before the @-sign", "nothing before the @", "rien avant l'@"),
    ("hyphen immediately after", "a hyphen just after the @", "un tiret juste après l'@"),
)
_CHARACTERS = re.compile(r"invalid characters(?: (?P<where>before|after) the @-sign)?: (?P<chars>.+?)\.?$")


# The plainest addresses: ASCII letters and digits joined by single `.`, `_`, `+` or `-` before
# the `@`; after it, labels of letters and digits with single inner hyphens, and a suffix of
# letters. email-validator accepts each of them that keeps to its length limits and whose suffix
# is no special-use name (tests/test_emails.py checks both over generated addresses), so it is
# imported only for the others: a space whose addresses are all plain does without its import,
# about 20 ms, most of it compiling its regular expressions.
_PLAIN = re.compile(r"[A-Za-z0-9]+(?:[._+-][A-Za-z0-9]+)*@(?:[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*\.)+[A-Za-z]{2,63}")
# email_validator.SPECIAL_USE_DOMAIN_NAMES (a test keeps them equal)
SPECIAL_USE_SUFFIXES = frozenset({"arpa", "invalid", "local", "localhost", "onion", "test"})
_MAX_ADDRESS, _MAX_LOCAL, _MAX_LABEL = 254, 64, 63  # email-validator's limits (RFC 5321, RFC 1035)


def plainly_valid(address: str) -> bool:
    """True for a plain address email-validator accepts; False means: ask email-validator."""
    if len(address) > _MAX_ADDRESS or not _PLAIN.fullmatch(address):
        return False
    local, _, domain = address.partition("@")
    labels = domain.lower().split(".")
    return len(local) <= _MAX_LOCAL and max(map(len, labels)) <= _MAX_LABEL and labels[-1] not in SPECIAL_USE_SUFFIXES


def check_address(address: str) -> Problem | None:
    """None when email-validator accepts the address (syntax only), else why not, in words."""
    if plainly_valid(address):
        return None
    from email_validator import EmailNotValidError, validate_email  # loaded by the first address that is not plain

    try:
        validate_email(address, check_deliverability=False)
    except EmailNotValidError as error:
        return _explain(str(error))
    return None


def _explain(message: str) -> Problem:
    characters = _CHARACTERS.search(message)
    if characters is not None and "SPACE" not in characters["chars"]:
        chars = characters["chars"].replace("'", "").replace('"', "")
        return Problem(f"characters not allowed there ({chars})", f"des caractères interdits à cet endroit ({chars})")
    lowered = message.lower()
    for needle, english, french in _REASONS:
        if needle.lower() in lowered:
            return Problem(english, french)
    return Problem(message.rstrip("."), message.rstrip("."))


def same_address(first: str, second: str) -> bool:
    """Addresses compared as mail servers do in practice: case does not matter."""
    return first.strip().casefold() == second.strip().casefold()
