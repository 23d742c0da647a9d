"""GitBook heading ids ("slugs"), reconstructed from real Git-synced spaces.

GitBook gives every heading an id computed from its plain text (the caller strips markdown/HTML and decodes
entities first). The rule below was reconstructed from explicit anchors (``<a href="#ID" id="ID"></a>``, and
the older ``<a id="ID"></a>``) and ``#fragment`` links of real spaces; see tests/test_slug.py for the heading/id pairs it reproduces.

Current generation (:func:`gitbook_id`):

1. fold to ASCII: Unicode NFKD with combining marks dropped (``Où`` -> ``ou``), plus the Latin letters NFKD
   leaves whole (``œ`` -> ``oe``, ``æ`` -> ``ae``, ``ß`` -> ``ss``...), then lowercase;
2. delete apostrophes: ``Qu'est-ce`` -> ``quest-ce``, ``L’interface`` -> ``linterface``;
3. spell some symbols as words, in place: ``Math & TeX`` -> ``math-and-tex``, ``Mobile Badge | Released``
   -> ``mobile-badge-or-released`` (see ``_SYMBOL_WORDS``);
4. keep dots (``beta.gouv.fr``), turn every other run of characters outside ``[a-z0-9.]`` (spaces,
   punctuation, emoji) into one ``-``, trim ``-`` at both ends;
5. the whole dash-delimited word ``ad`` becomes ``a-d`` (``Azure AD`` -> ``azure-a-d``, ``Ad-hoc`` ->
   ``a-d-hoc``; presumably so that ad blockers do not hide the heading); ``ad`` inside a word is kept;
6. cut to 100 characters, then prefix ``id-`` if the result starts with a digit (``id-1.-begin-and-end``).

Step 3 follows the symbol entries of the character map of the ``slugify`` npm package (simov/slugify), which
GitBook's ids keep: dots survive there too, and the symbols it spells out are exactly the ones GitBook's ids
spell out. Checked on ids GitBook wrote itself (fragment links of current exports, the numbered ids it serves):
``&`` -> ``and`` and ``|`` -> ``or``; ``+`` stays a separator (``C++ API`` -> ``c-api``: the ``plus`` entry came
to the library later); the other entries of the map (``<`` ``less``, ``$`` ``dollar``, ``€`` ``euro``...) did
not occur in the spaces read and follow the library. Ids stored before the words (explicit
anchors such as ``merge-tags-merge-content`` for ``Merge Tags & Merge Content``) are the current generation
without step 3, kept among the candidates.

Legacy generation (``legacy=True``, 2019-2023 exports): dots are separators like the rest
(``data.gouv.fr`` -> ``data-gouv-fr``), no ``id-`` prefix (``1-ladequation-produit-marche``), no symbol words
and no ``ad`` rewrite (a 2021 link targets ``...-facebook-instagram-ad``).

Stored ids survive, so one space mixes generations. :func:`candidate_ids` lists every id GitBook may have
used for a text: both generations, the 2024 migration that prefixed stored legacy ids with ``id-``, the cut
before or after that prefix, legacy ids that were never cut (2020-21 exports), and two imported forms seen
on explicit anchors: GitHub-style slugs percent-encoded then re-slugged (``Fonctionnalités clés`` ->
``fonctionnalit-c3-a9s-cl-c3-a9s``) and case-preserving slugs of 2020 imports (``Règles-de-design-UI``).
An explicit anchor matching none of them is a renamed heading.

Known gap: GitBook transliterates some scripts (Chinese to pinyin: ``连接优化`` -> ``lian-jie-you-hua``);
this module only folds Latin scripts, other letters become separators.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from urllib.parse import quote

__all__ = ["MAX_LENGTH", "candidate_ids", "gitbook_id"]

#: GitBook cuts ids to this many characters (before or after the ``id-`` prefix, see candidate_ids).
MAX_LENGTH = 100

_PREFIX = "id-"

# Apostrophe-like characters vanish instead of separating words: "l'équipe" -> "lequipe".
_APOSTROPHES = re.compile("['\u2018\u2019\u201b\u02bc\u2032\uff07]")

# Latin letters that NFKD does not decompose. Applied after lowercasing, so lowercase keys suffice.
# (A regex with a dict lookup: str.translate with a dict is ~8x slower on non-ASCII strings.)
_LIGATURES = {"œ": "oe", "æ": "ae", "ß": "ss", "ø": "o", "đ": "d", "ð": "d", "ł": "l", "þ": "th", "ı": "i"}
_LIGATURE = re.compile("[" + "".join(_LIGATURES) + "]")

# Step 3: the symbols spelt as words (the symbol entries of the slugify package's character map). Letters of
# that map are left to the folding above; `™`, `…`, `ª` fold by NFKD to what the map says anyway.
_SYMBOL_WORDS = {
    "&": "and", "|": "or", "<": "less", ">": "greater", "$": "dollar", "%": "percent",
    "¢": "cent", "£": "pound", "¤": "currency", "¥": "yen", "©": "c", "®": "r", "€": "euro", "₹": "indian rupee",
    "₽": "russian ruble", "₿": "bitcoin", "₠": "ecu", "₢": "cruzeiro", "₣": "french franc", "₤": "lira",
    "₥": "mill", "₦": "naira", "₧": "peseta", "₨": "rupee", "₩": "won", "₪": "new shequel", "₫": "dong",
    "₭": "kip", "₮": "tugrik", "₯": "drachma", "₰": "penny", "₱": "peso", "₲": "guarani", "₳": "austral",
    "₴": "hryvnia", "₵": "cedi", "₸": "kazakhstani tenge", "₺": "turkish lira", "฿": "baht", "元": "yuan",
    "円": "yen", "﷼": "rial", "∂": "d", "∆": "delta", "∑": "sum", "∞": "infinity", "♥": "love", "˚": "o",
}
_SYMBOL = re.compile("[" + re.escape("".join(_SYMBOL_WORDS)) + "]")

# Combining-mark blocks that Latin accents decompose to (a regex is ~4x faster than a per-character loop).
_COMBINING_MARKS = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")
_SEPARATORS_CURRENT = re.compile(r"[^a-z0-9.]+")
_SEPARATORS_LEGACY = re.compile(r"[^a-z0-9]+")
# Lookarounds instead of consuming the dashes, so that "ad-ad" rewrites both words.
_AD_WORD = re.compile(r"(?<![^-])ad(?![^-])")

# GitHub-style slugger (github-slugger 1.x): punctuation removed, emoji and letters kept, each space a dash.
_GITHUB_REMOVED = re.compile(r"[\u2000-\u206f\u2e00-\u2e7f\\'!\"#$%&()*+,./:;<=>?@\[\]^`{|}~]")
# Case-preserving slugs of 2020 imports: letters (accents too), digits, "_", "-" and "’" kept.
_IMPORT_REMOVED = re.compile(r"[^\w\s\u2019-]")
_WHITESPACE = re.compile(r"\s")


def _fold(text: str) -> str:
    """Lowercase, accent-free form of ``text`` with apostrophes deleted."""
    if not text.isascii():  # NFKD is the identity on ASCII: skip it for most headings
        # Marks outside these blocks (other scripts) are left to become separators, like their letters.
        text = _COMBINING_MARKS.sub("", unicodedata.normalize("NFKD", text))
    text = _APOSTROPHES.sub("", text.lower())
    if text.isascii():
        return text
    return _LIGATURE.sub(lambda match: _LIGATURES[match.group()], text)


def _spell_symbols(text: str) -> str:
    """``Math & TeX`` -> ``Math and TeX``: each symbol replaced by its word where it stands, like the library."""
    return _SYMBOL.sub(lambda match: _SYMBOL_WORDS[match.group()], text)


def _base(folded: str, *, legacy: bool) -> str:
    """The slug of already folded text, before the length cut and the ``id-`` prefix."""
    if legacy:
        return _SEPARATORS_LEGACY.sub("-", folded).strip("-")
    slug = _SEPARATORS_CURRENT.sub("-", folded).strip("-")
    return _AD_WORD.sub("a-d", slug) if "ad" in slug else slug


def _current(text: str) -> str:
    """The current generation before the length cut and the prefix."""
    return _base(_fold(_spell_symbols(text)), legacy=False)


def _starts_with_digit(slug: str) -> bool:
    return slug[:1].isdigit()


@lru_cache(maxsize=65536)
def gitbook_id(text: str, *, legacy: bool = False) -> str:
    """Return the id GitBook gives a heading whose plain text is ``text``.

    ``legacy=True`` gives the 2019-2023 generation (dots are separators, no ``id-`` prefix, no ``ad``
    rewrite), cut at 100 like the current one although 2020-21 exports did not cut (see candidate_ids).
    Text without any letter or digit (empty, only emoji) gives ``""``.
    """
    slug = (_base(_fold(text), legacy=True) if legacy else _current(text))[:MAX_LENGTH]
    if not legacy and _starts_with_digit(slug):
        slug = _PREFIX + slug
    return slug


def _github_import_id(text: str) -> str:
    """Id of a heading imported with a GitHub-style anchor: non-ASCII bytes end up as ``-xx`` hex pairs."""
    slug = _WHITESPACE.sub("-", _GITHUB_REMOVED.sub("", text.lower()))
    if slug.isascii():
        return slug  # verbatim, even "--": ``Utilisation & Premiers pas`` -> ``utilisation--premiers-pas``
    # The URL-encoded id was then re-slugged by the current rule: "%C3%A9" -> "-c3-a9".
    return _base(quote(unicodedata.normalize("NFC", slug), safe="").lower(), legacy=False)


def _case_preserving_import_id(text: str) -> str:
    """Id of 2020 imports: case and accents kept, punctuation dropped, every space a dash."""
    return _WHITESPACE.sub("-", _IMPORT_REMOVED.sub("", text))


@lru_cache(maxsize=65536)
def candidate_ids(text: str) -> tuple[str, ...]:
    """All ids GitBook may have given a heading with this text, current generation first, no duplicates.

    Order: current (cut then prefix), current (prefix then cut), the same without symbol words, legacy,
    legacy never cut, legacy with the ``id-`` prefix of the 2024 migration (cut before or after it),
    GitHub-style import, case-preserving import. Empty ids are left out.
    """
    folded = _fold(text)  # folded once for the legacy id and the current one without symbol words
    legacy = _base(folded, legacy=True)
    without_words = _base(folded, legacy=False)
    # `_current(text)`; most headings have no symbol to spell, and then it is the same id
    with_words = without_words if _SYMBOL.search(text) is None else _current(text)
    candidates = []
    for current in dict.fromkeys((with_words, without_words)):
        cut = current[:MAX_LENGTH]
        candidates.append(_PREFIX + cut if _starts_with_digit(cut) else cut)
        if _starts_with_digit(current):
            candidates.append((_PREFIX + current)[:MAX_LENGTH])
    candidates += [legacy[:MAX_LENGTH], legacy]
    if _starts_with_digit(legacy):
        candidates += [_PREFIX + legacy[:MAX_LENGTH], (_PREFIX + legacy)[:MAX_LENGTH]]
    candidates += [_github_import_id(text), _case_preserving_import_id(text)]
    return tuple(candidate for candidate in dict.fromkeys(candidates) if candidate)
