"""Tests of linter.model.slug against heading -> id pairs observed in real GitBook spaces.

How the pairs were selected (facts copied by hand; the tests read no external data):

* Explicit anchors: heading lines ending in ``<a href="#ID" id="ID"></a>`` or the legacy ``<a id="ID"></a>``.
  The heading text was reduced to plain text (anchor, emphasis, links, inline code and ``\\`` escapes
  removed, entities decoded, emoji kept) and the pair kept only when the id is what one of the generations
  computes from that text. Anchors that match nothing are renamed headings (stored ids survive renames,
  e.g. DES ``Le bloc-marque`` -> ``Les-dimensions-et-cotes-du-bloc-marque``) and were left out, like the
  empty ``## <a id=...>`` headings GitBook emits after some headings.
* Fragment links whose target heading is known (same-page ``#id`` links, links to the published page).

Sources: DES, STA, ALL = the Git-synced spaces betagouv/doc.incubateur.net-{design,startups,alliance}; they only hold
44 anchors, all legacy ``<a id>``, hence the other sources: COM = betagouv/doc.incubateur.net-communaute,
DOC = examples from COM and from GitBook's own documentation repository (GitbookIO/public-docs), "other" = public
GitBook-synced repositories found in the code index.

Generations:
  current        gitbook_id(text)
  stored         the current generation without symbol words (ids stored before GitBook spelt ``&`` as ``and``)
  legacy         gitbook_id(text, legacy=True)
  both           both of the above give the id (no dot, no leading digit, no word "ad")
  legacy-id      legacy id prefixed "id-" by GitBook's 2024 migration
  legacy-uncut   legacy id longer than 100 characters (2020-21 exports did not cut)
  github-import  GitHub-style slug, percent-encoded then re-slugged ("é" -> "-c3-a9")
  case-import    case-preserving slug of 2020 imports ("Règles-de-design-UI")
All of them must be in candidate_ids(text).
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from linter.model.slug import (
    _PREFIX,
    MAX_LENGTH,
    _base,
    _case_preserving_import_id,
    _fold,
    _github_import_id,
    _spell_symbols,
    candidate_ids,
    gitbook_id,
)

_UX = "DES ressources/boite-a-outils-ux/tester-avec-vos-utilisateurs-a-distance.md"
_BLOC = "DES ressources-design/design-system-etat/le-bloc-marque.md"
_BLOC_BOTH = "DES le-bloc-marque.md + STA la-marque-de-letat.md"
_MARQUE = "STA design-et-experience-utilisateur/la-marque-de-letat.md"
_EVT = "DES organisation-de-lequipe-designers-transerves/evenements/communiquer-sur-un-evenement.md"
_VALIDER = "STA contribuer/comment-valider-mes-ajouts.md"
_ACQ = "STA marketing/lacquisition.md (link from COM)"
_COMITE = "COM gerer-son-produit/gestion-au-quotidien/budget/preparer-un-comite-dinvestissement/README.md"
_VW = "COM les-outils-de-la-communaute/autres-services/vaultwarden/README.md"
_WTTJ = "COM les-outils-de-la-communaute/autres-services/welcome-to-the-jungle/README.md"

PAIRS: list[tuple[str, str, str, str]] = [
    # text, expected id, generation, source
    # --- DES, STA, ALL: explicit anchors ------------------------------------------------------------
    ("Les logos du site", "les-logos-du-site", "both", _BLOC),
    ("Les dimensions", "les-dimensions", "both", _BLOC),
    ("Le fond", "le-fond", "both", _BLOC),
    (
        "Quel est le statut des informations publiées dans ce guide ?",
        "quel-est-le-statut-des-informations-publiees-dans-ce-guide",
        "both",
        _VALIDER,
    ),
    (
        "Qui valide la documentation avant publication ?",
        "qui-valide-la-documentation-avant-publication",
        "both",
        _VALIDER,
    ),
    (
        "Est-ce qu'il existe déjà à ce jour un énoncé partagé et satisfaisant du workflow d'édition des guides"
        " de la communauté ?",
        "est-ce-quil-existe-deja-a-ce-jour-un-enonce-partage-et-satisfaisant-du-workflow-dedition-des-guides"
        "-de-la-communaute",
        "legacy-uncut",
        _VALIDER,
    ),
    (
        "Y-a-t-il des informations qui me permettraient de faire la différence entre un brouillon de"
        " documentation, et une documentation stabilisée ?",
        "y-a-t-il-des-informations-qui-me-permettraient-de-faire-la-difference-entre-un-brouillon-de"
        "-documentation-et-une-documentation-stabilisee",
        "legacy-uncut",
        _VALIDER,
    ),
    ("Questions / Échanges", "Questions--Échanges", "case-import", _UX),
    (
        "Est-ce que tu as des outils favoris pour gérer / animer des communautés de Beta testeurs ?",
        "Est-ce-que-tu-as-des-outils-favoris-pour-gérer--animer-des-communautés-de-Beta-testeurs-",
        "case-import",
        _UX,
    ),
    (
        "Quels sont les principaux écueils à éviter quand on fait des tests U à distance?",
        "Quels-sont-les-principaux-écueils-à-éviter-quand-on-fait-des-tests-U-à-distance",
        "case-import",
        _UX,
    ),
    (
        "Comment impliquer un public moins à l’aise avec le numérique dans un test à distance ?",
        "Comment-impliquer-un-public-moins-à-l’aise-avec-le-numérique-dans-un-test-à-distance-",
        "case-import",
        _UX,
    ),
    ("Dépouillement des résultats", "Dépouillement-des-résultats", "case-import", _UX),
    (
        "Comment peut-on tester deux versions différentes d’une page avec un panel d’utilisateurs ?",
        "Comment-peut-on-tester-deux-versions-différentes-d’une-page-avec-un-panel-d’utilisateurs-",
        "case-import",
        _UX,
    ),
    (
        "Quand y a des développements en cours, et qu’on sait qu’il y a des choses à améliorer, faut-il plutôt"
        " attendre avant de tester ou continuer ?",
        "Quand-y-a-des-développements-en-cours-et-qu’on-sait-qu’il-y-a-des-choses-à-améliorer-faut-il-plutôt"
        "-attendre-avant-de-tester-ou-continuer-",
        "case-import",
        _UX,
    ),
    ("Intitulé du bloc-marque", "Intitulé-du-bloc-marque", "case-import", _BLOC_BOTH),
    ("Emplacement du bloc", "Emplacement-du-bloc", "case-import", _BLOC_BOTH),
    ("Règles de design UI", "Règles-de-design-UI", "case-import", _BLOC_BOTH),
    ("Exemples d’applications", "Exemples-d’applications", "case-import", _BLOC_BOTH),
    ("Le fond", "Le-fond", "case-import", _MARQUE),
    ("Le responsive", "Le-responsive", "case-import", _MARQUE),
    ("Quand communiquer", "Quand-communiquer", "case-import", _EVT),
    ("Sur quels médias communiquer", "Sur-quels-médias-communiquer", "case-import", _EVT),
    ("Par email", "Par-email", "case-import", _EVT),
    ("Autres canaux de diffusion", "Autres-canaux-de-diffusion", "case-import", _EVT),
    # --- DES, STA, ALL: fragment links to known headings --------------------------------------------
    ("Bonnes pratiques", "bonnes-pratiques", "both", "ALL guides/albert-api-rag-techniques-avancees-rerank.md"),
    ("🔎 Phase d'investigation", "phase-dinvestigation", "both", "STA rgpd-and-securite/guide-rgpd-securite.md"),
    ("Acquisition de leads via Linkedin", "acquisition-de-leads-via-linkedin", "both", _ACQ),
    ("Atelier SEA Google Adwords", "atelier-sea-google-adwords", "both", _ACQ),
    # legacy ids predate the "ad" -> "a-d" rewrite
    (
        "Trouver des usagers avec les Facebook/Instagram Ad",
        "trouver-des-usagers-avec-les-facebook-instagram-ad",
        "legacy",
        _ACQ,
    ),
    # --- COM -------------------------------------------------------------------------------------------
    ("📍 Où nous trouver ?", "ou-nous-trouver", "both", "COM …/fabrique-numerique-du-mte-mct.md"),
    ("Ce qui sera attendu sur la forme", "ce-qui-sera-attendu-sur-la-forme", "both", _COMITE),
    ("Quand ?", "quand", "both", _COMITE),
    ("Quelle durée ?", "quelle-duree", "both", _COMITE),
    ("Qui doit être présent et invité ?", "qui-doit-etre-present-et-invite", "both", _COMITE),
    ("Vos objectifs pour ce comité", "vos-objectifs-pour-ce-comite", "both", _COMITE),
    ("Ordre du jour type d’un comité", "ordre-du-jour-type-dun-comite", "both", _COMITE),
    ("L’interface", "linterface", "both", _VW),
    ("Notions fondamentales", "notions-fondamentales", "both", _VW),
    ("Utiliser bitwarden sur tous vos appareils", "utiliser-bitwarden-sur-tous-vos-appareils", "both", _VW),
    ("Configuration", "configuration", "both", _VW),
    ("Documentation de bitwarden", "documentation-de-bitwarden", "both", _VW),
    ("Fonctionnalités clés", "fonctionnalit-c3-a9s-cl-c3-a9s", "github-import", _VW),
    ("🔐 Coffres", "f0-9f-94-90-coffres", "github-import", _VW),
    ("📦 Send", "f0-9f-93-a6-send", "github-import", _VW),
    ("📋 Rapports", "f0-9f-93-8b-rapports", "github-import", _VW),
    ("💍 Éléments (ou secrets)", "f0-9f-92-8d-c3-a9l-c3-a9ments-ou-secrets", "github-import", _VW),
    ("🗃️ Collections", "f0-9f-97-83-ef-b8-8f-collections", "github-import", _VW),
    ("📂 Dossiers", "f0-9f-93-82-dossiers", "github-import", _VW),
    ("🏢 Organisation", "f0-9f-8f-a2-organisation", "github-import", _VW),
    ("Utilisation & Premiers pas", "utilisation--premiers-pas", "github-import", _VW),
    (
        "⚙️ Générer un mot de passe fort",
        "e2-9a-99-ef-b8-8f-g-c3-a9n-c3-a9rer-un-mot-de-passe-fort",
        "github-import",
        _VW,
    ),
    ("🔍 Rechercher un secret", "f0-9f-94-8d-rechercher-un-secret", "github-import", _VW),
    (
        "🪪 Configurer l’authentification à deux facteurs (2FA)",
        "f0-9f-aa-aa-configurer-lauthentification-c3-a0-deux-facteurs-2fa",
        "github-import",
        _VW,
    ),
    ("Télécharger les applications", "t-c3-a9l-c3-a9charger-les-applications", "github-import", _VW),
    ("🛟 Pour aller plus loin", "f0-9f-9b-9f-pour-aller-plus-loin", "github-import", _VW),
    (
        "1. Indiquer clairement qu’il s’agit d’une mission",
        "id-1-indiquer-clairement-quil-sagit-dune-mission",
        "legacy-id",
        _WTTJ,
    ),
    (
        "2. Ne pas utiliser des expressions portant à confusion avec un emploi salarié",
        "id-2-ne-pas-utiliser-des-expressions-portant-a-confusion-avec-un-emploi-salarie",
        "legacy-id",
        _WTTJ,
    ),
    (
        "3. Une personne en prestation est libre de s’organiser pour répondre à sa mission",
        "id-3-une-personne-en-prestation-est-libre-de-sorganiser-pour-repondre-a-sa-mission",
        "legacy-id",
        _WTTJ,
    ),
    # --- DOC: COM and GitBook's own documentation ------------------------------------------------------------
    ("Qu'est-ce que beta.gouv.fr ?", "quest-ce-que-beta.gouv.fr", "current", "DOC (COM)"),
    ("💘 Objectif impact : éviter le solutionnisme", "objectif-impact-eviter-le-solutionnisme", "both", "DOC (COM)"),
    # heading also in STA la-vie-dune-se/acceleration.md
    ("1. L'adéquation produit/marché", "1-ladequation-produit-marche", "legacy", "DOC (COM 2022)"),
    ("1. L'adéquation produit/marché", "id-1-ladequation-produit-marche", "legacy-id", "DOC (COM 2024)"),
    ("Un nouveau domaine en .fr", "un-nouveau-domaine-en-fr", "legacy", "DOC (COM 2022)"),
    (
        "1. Create an app registration in Azure AD",
        "id-1.-create-an-app-registration-in-azure-a-d",
        "current",
        "DOC (GitbookIO/public-docs setting-up-azure-ad.md)",
    ),
    # --- other GitBook-synced spaces ---------------------------------------------------------------------
    ("Add Soda Cloud to Azure AD", "add-soda-cloud-to-azure-a-d", "current", "other"),
    ("Step 3: Register devices with Azure AD", "step-3-register-devices-with-azure-a-d", "current", "other"),
    ("Uso en Red Team contra AD", "uso-en-red-team-contra-a-d", "current", "other"),
    ("Set up the SonarQube application in Azure AD", "set-up-the-sonarqube-application-in-azure-a-d", "current", "other"),
    ("1. BEGIN and End", "id-1.-begin-and-end", "current", "other"),
    ("1. Sign Up / Sign In", "id-1.-sign-up-sign-in", "current", "other"),
    ("1. Acceso al Módulo", "id-1.-acceso-al-modulo", "current", "other"),
    ("1. Zero-Shot Prompting: The Baseline", "id-1.-zero-shot-prompting-the-baseline", "current", "other (bold heading)"),
    ("1. Introduccion A Los Dasboard:¶", "id-1.-introduccion-a-los-dasboard", "current", "other ([¶](…) link)"),
    ("1. Path 생성", "id-1.-path", "current", "other (Hangul is dropped)"),
    ("Mise à disposition directe sur data.gouv.fr", "mise-a-disposition-directe-sur-data-gouv-fr", "legacy", "other"),
    (
        "Référencer votre schéma de données sur schema.data.gouv.fr",
        "referencer-votre-schema-de-donnees-sur-schema-data-gouv-fr",
        "legacy",
        "other (data.gouv.fr guides)",
    ),
    ("1. Get your authentication token", "id-1-get-your-authentication-token", "legacy-id", "other"),
    ("1. Linux", "id-1-linux", "legacy-id", "other"),
    ("주의사항", "ec-a3-bc-ec-9d-98-ec-82-ac-ed-95-a-d", "github-import", "other (byte AD rewritten a-d)"),
    # symbols spelt as words: fragment links GitBook's editor wrote to headings without a stored id
    (
        "go-to using new & existing behaviour",
        "go-to-using-new-and-existing-behaviour",
        "current",
        "other (jigx-com/jigx-docs rest-best-practice.md -> logic/navigation.md)",
    ),
    (
        "Dynamic Data change tracking & queuing",
        "dynamic-data-change-tracking-and-queuing",
        "current",
        "other (jigx-com/jigx-docs dynamic-data.md -> offline-remote-data-handling.md)",
    ),
    (
        "Mobile Badge | Scheduled for March 2025",
        "mobile-badge-or-scheduled-for-march-2025",
        "current",
        "other (BeefreeSDK/beefree-sdk-docs custom-css change-log.md, GITBOOK-348)",
    ),
    (
        "Confirmation Dialogs | Scheduled for March 2025",
        "confirmation-dialogs-or-scheduled-for-march-2025",
        "current",
        "other (BeefreeSDK/beefree-sdk-docs custom-css change-log.md, GITBOOK-348)",
    ),
    (
        "Terminal User & MariaDB User",
        "terminal-user-and-mariadb-user",
        "current",
        "other (mariadb-corporation/mariadb-docs installing-mariadb-on-macos-using-homebrew.md)",
    ),
    (
        "IN | OUT | INOUT | IN OUT",
        "in-or-out-or-inout-or-in-out",
        "current",
        "other (mariadb-corporation/mariadb-docs create-function.md)",
    ),
    (
        "User-Defined Aggregate Function (UDAF) C++ API",
        "user-defined-aggregate-function-udaf-c-api",
        "current",
        "other (mariadb-corporation/mariadb-docs query-tuning-recommendations…; `+` is no word)",
    ),
    # the same generation before the words, kept as explicit anchors
    ("Merge Tags & Merge Content", "merge-tags-merge-content", "stored", "other (BeefreeSDK/beefree-sdk-docs)"),
    ("Replication & Clustering", "replication-clustering", "stored", "other (mariadb-corporation/mariadb-docs)"),
]

_IDS = [f"{generation}:{expected[:40]}" for _, expected, generation, _ in PAIRS]


def test_table_is_large_and_has_no_duplicates() -> None:
    assert len(PAIRS) >= 50
    assert len({(text, expected) for text, expected, _, _ in PAIRS}) == len(PAIRS)


@pytest.mark.parametrize(("text", "expected", "generation", "source"), PAIRS, ids=_IDS)
def test_real_pair(text: str, expected: str, generation: str, source: str) -> None:
    if generation in ("current", "both"):
        assert gitbook_id(text) == expected, source
    if generation in ("legacy", "both"):
        assert gitbook_id(text, legacy=True) == expected, source
    assert expected in candidate_ids(text), source


# --- edge rules ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Œuvre et Cæsar", "oeuvre-et-caesar"),  # ligatures NFKD does not decompose
        ("Straße", "strasse"),
        ("Ça déçoit", "ca-decoit"),
        ("ﬁchier", "fichier"),  # compatibility ligature, handled by NFKD itself
        ("l'a l’a l‘a", "la-la-la"),  # apostrophes are deleted, not separators
        ("  --Hello,   World!!--  ", "hello-world"),
        ("snake_case et camelCase", "snake-case-et-camelcase"),
        ("version 2.0 (beta)", "version-2.0-beta"),
    ],
)
def test_folding_and_separators(text: str, expected: str) -> None:
    assert gitbook_id(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Math & TeX", "math-and-tex"),
        ("Mobile Badge | Released March 2025", "mobile-badge-or-released-march-2025"),
        ("R&D", "randd"),  # the word replaces the symbol where it stands, as in the library
        ("if a < b", "if-a-less-b"),
        ("Prix en €", "prix-en-euro"),
        ("C# & F#", "c-and-f"),  # `#` is not in the map: a separator
    ],
)
def test_symbols_spelt_as_words(text: str, expected: str) -> None:
    assert gitbook_id(text) == expected


def test_symbol_words_only_in_the_current_generation() -> None:
    assert gitbook_id("Math & TeX", legacy=True) == "math-tex"
    assert candidate_ids("Math & TeX")[:2] == ("math-and-tex", "math-tex")  # served, then stored before words


def test_legacy_turns_dots_into_dashes() -> None:
    assert gitbook_id("version 2.0 de beta.gouv.fr", legacy=True) == "version-2-0-de-beta-gouv-fr"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ad", "a-d"),
        ("Azure AD", "azure-a-d"),
        ("Ad-hoc", "a-d-hoc"),
        ("ad ad", "a-d-a-d"),  # consecutive words both rewritten
        ("Google Adwords", "google-adwords"),  # not inside a word
        ("Made in France", "made-in-france"),
        ("Lead", "lead"),
    ],
)
def test_ad_word(text: str, expected: str) -> None:
    assert gitbook_id(text) == expected


def test_ad_word_not_rewritten_in_legacy() -> None:
    assert gitbook_id("Instagram Ad", legacy=True) == "instagram-ad"


def test_id_prefix_only_for_leading_digit() -> None:
    assert gitbook_id("2024 en chiffres") == "id-2024-en-chiffres"
    assert gitbook_id("2024 en chiffres", legacy=True) == "2024-en-chiffres"
    assert gitbook_id("Bilan 2024") == "bilan-2024"
    assert gitbook_id("🚀 1er atelier") == "id-1er-atelier"  # the prefix looks at the slug, not the text


def test_cut_to_100_then_prefix() -> None:
    words = "mot " * 40
    assert len(gitbook_id(words)) == MAX_LENGTH
    assert gitbook_id(words) == ("mot-" * 25)[:MAX_LENGTH]
    digit_first = "1 " + "x" * 150
    assert gitbook_id(digit_first) == "id-" + ("1-" + "x" * 150)[:MAX_LENGTH]
    assert len(gitbook_id(digit_first)) == MAX_LENGTH + 3
    assert len(gitbook_id(digit_first, legacy=True)) == MAX_LENGTH


@pytest.mark.parametrize("text", ["", "   ", "🚀", "🚀 ✨ 🎉", "?!", "’"])
def test_nothing_left_gives_empty_id(text: str) -> None:
    assert gitbook_id(text) == ""
    assert gitbook_id(text, legacy=True) == ""


# --- candidate_ids -----------------------------------------------------------------------------------


def test_candidates_start_with_current_and_are_unique() -> None:
    for text, _, _, _ in PAIRS:
        candidates = candidate_ids(text)
        if gitbook_id(text):  # "주의사항" has no current id (Hangul is dropped), only an imported one
            assert candidates[0] == gitbook_id(text)
        assert len(set(candidates)) == len(candidates)
        assert "" not in candidates


def test_candidates_of_simple_text() -> None:
    # all lowercase generations agree; only the case-preserving import differs
    assert candidate_ids("Bonnes pratiques") == ("bonnes-pratiques", "Bonnes-pratiques")


def test_candidates_of_dotted_numbered_text() -> None:
    candidates = candidate_ids("1. L'adéquation produit/marché")
    assert candidates[:3] == (
        "id-1.-ladequation-produit-marche",  # current
        "1-ladequation-produit-marche",  # legacy
        "id-1-ladequation-produit-marche",  # legacy prefixed by the 2024 migration
    )


def test_candidates_cover_both_cut_orders() -> None:
    text = "1 " + "x" * 150
    candidates = candidate_ids(text)
    assert "id-" + ("1-" + "x" * 150)[:100] in candidates  # cut, then prefix: 103 chars
    assert ("id-1-" + "x" * 150)[:100] in candidates  # prefix, then cut: 100 chars
    assert "1-" + "x" * 150 in candidates  # legacy never cut


def test_candidates_of_empty_text() -> None:
    assert candidate_ids("") == ()


def _candidates_folding_each_time(text: str) -> tuple[str, ...]:
    """`candidate_ids` as first written: every id from the raw text, folding it for each."""
    legacy = _base(_fold(text), legacy=True)
    candidates = []
    for current in dict.fromkeys((_base(_fold(_spell_symbols(text)), legacy=False), _base(_fold(text), legacy=False))):
        cut = current[:MAX_LENGTH]
        candidates.append(_PREFIX + cut if cut[:1].isdigit() else cut)
        if current[:1].isdigit():
            candidates.append((_PREFIX + current)[:MAX_LENGTH])
    candidates += [legacy[:MAX_LENGTH], legacy]
    if legacy[:1].isdigit():
        candidates += [_PREFIX + legacy[:MAX_LENGTH], (_PREFIX + legacy)[:MAX_LENGTH]]
    candidates += [_github_import_id(text), _case_preserving_import_id(text)]
    return tuple(candidate for candidate in dict.fromkeys(candidates) if candidate)


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="aAé œ1.&|<$€'’-_#Ad", max_size=40))
def test_candidates_fold_once_yet_stay_the_same(text: str) -> None:
    candidate_ids.cache_clear()
    assert candidate_ids(text) == _candidates_folding_each_time(text)
