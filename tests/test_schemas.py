"""Schema rules: exact messages for typical errors, the page model dump, the shipped schemas."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from linter.config import apply_config, find_config, load_config
from linter.engine import lint_site
from linter.model.dump import page_to_json, position_in_dump
from linter.model.page import Page
from linter.model.site import Site
from linter.settings import Settings
from linter.validation.page_schemas import page_candidates, schemas_for
from linter.validation.schemas import shipped_schemas

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    import tomli as tomllib

REPO = Path(__file__).parent.parent
PROCUREMENT_PAGE = Path(__file__).parent / "fixtures/spaces/page-schema/marches/beta/README.md"


def messages(tmp_path: Path, files: dict[str, str], select: str, lang: str, **settings: object) -> list[str]:
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    found = lint_site(Site.load(tmp_path), Settings(select=[select], lang=lang, **settings))
    return [f"{finding.line}:{finding.column} {finding.message}" for finding in found]


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("en", "2:1 front matter: unknown key `descripton`; did you mean `description`?"),
        ("fr", "2:1 en-tête (front matter) : clé inconnue `descripton` ; vouliez-vous dire `description` ?"),
    ],
)
def test_unknown_front_matter_key_message(tmp_path: Path, lang: str, expected: str) -> None:
    page = "---\ndescripton: Le guide\n---\n\n# Guide\n"
    assert messages(tmp_path, {"README.md": page}, "GB402", lang) == [expected]


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("en", '3:16 `{% hint %}` attribute `style`: "tip" is not allowed; allowed: "info", "success", "warning", "danger"'),
        ("fr", '3:16 attribut `style` de `{% hint %}` : "tip" n\'est pas permis ; permis : "info", "success", "warning", "danger"'),
    ],
)
def test_hint_style_message(tmp_path: Path, lang: str, expected: str) -> None:
    page = '# Guide\n\n{% hint style="tip" %}\nAstuce.\n{% endhint %}\n'
    assert messages(tmp_path, {"README.md": page}, "GB410", lang) == [expected]


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (
            "en",
            "40:1 section “2e titulaire : groupement conjoint OCTO / MALT”: no contact email for this holder; "
            "give at least one (or strike the holder out if the contract no longer applies)",
        ),
        (
            "fr",
            "40:1 section « 2e titulaire : groupement conjoint OCTO / MALT » : aucune adresse de contact pour ce "
            "titulaire ; donnez-en au moins une (ou barrez le titulaire s'il ne l'est plus)",
        ),
    ],
)
def test_holder_without_contact_message(tmp_path: Path, lang: str, expected: str) -> None:
    page = PROCUREMENT_PAGE.read_text(encoding="utf-8")
    contact = "Contact : [**octo\\_malt@octo.com**](mailto:octo\\_malt@octo.com)\n"
    assert contact in page
    schemas = {"README.md": "pages/procurement.schema.json"}
    assert messages(tmp_path, {"README.md": page}, "GB430", lang, page_schemas=schemas) == []
    assert messages(tmp_path, {"README.md": page.replace(contact, "")}, "GB430", lang, page_schemas=schemas) == [expected]


def test_struck_holder_needs_no_contact(tmp_path: Path) -> None:
    """The user's page: the 3rd holder, struck out, has no contact and passes."""
    dump = page_to_json(Page.from_text("README.md", PROCUREMENT_PAGE.read_text(encoding="utf-8")))
    holders = dump["sections"][2]["sections"]
    assert [(h["slug"][:13], h["kind"], h["struck"], len(h["emails"])) for h in holders] == [
        ("1er-titulaire", "pseudo-heading", False, 2),
        ("2e-titulaire-", "pseudo-heading", False, 1),
        ("3e-titulaire-", "pseudo-heading", True, 0),
        ("4e-titulaire-", "pseudo-heading", False, 1),
    ]
    assert holders[1]["emails"] == ["octo_malt@octo.com"]  # the label and the mailto: once


def test_dump_model() -> None:
    text = (
        "---\ndescription: Essai\n---\n\n# Titre\n\nIntro : accueil@exemple.fr\n\n"
        "## Partie ~~ancienne~~\n\n**Sous-partie en gras**\n\n[Lien](autre.md) et equipe@exemple.fr\n\n"
        "### Détail\n\n{% tabs %}\n{% tab title=\"Un\" %}\nTexte.\n{% endtab %}\n{% endtabs %}\n"
    )
    page = Page.from_text("guide/page.md", text)
    dump = page_to_json(page)
    assert dump["front_matter"] == {"description": "Essai"}
    assert dump["title"] == "Titre"
    assert [(h["level"], h["text"]) for h in dump["headings"]] == [(1, "Titre"), (2, "Partie ancienne"), (3, "Détail")]
    assert dump["intro"]["emails"] == ["accueil@exemple.fr"]
    (part,) = dump["sections"]
    assert (part["kind"], part["level"], part["id"], part["struck"]) == ("heading", 2, "partie-ancienne", False)
    bold, detail = part["sections"]
    assert (bold["kind"], bold["level"], bold["title"], bold["line"]) == ("pseudo-heading", 3, "Sous-partie en gras", 11)
    assert [link["target"] for link in bold["links"]] == ["autre.md"]
    assert bold["emails"] == ["equipe@exemple.fr"]
    assert (detail["kind"], detail["title"], detail["slug"]) == ("heading", "Détail", "detail")
    (tabs,) = dump["blocks"]
    assert (tabs["name"], tabs["children"][0]["attributes"]) == ("tabs", {"title": "Un"})
    json.dumps(dump)  # plain JSON
    assert position_in_dump(page, dump, ("sections", 0, "sections", 0, "emails")) == (11, 1)
    assert position_in_dump(page, dump, ("front_matter", "description")) == (2, 1)
    assert position_in_dump(page, dump, ()) == (5, 1)


def test_dump_command(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from linter.cli import main

    (tmp_path / "SUMMARY.md").write_text("# Table of contents\n\n* [Page](dossier/page.md)\n", encoding="utf-8")
    (tmp_path / "dossier").mkdir()
    (tmp_path / "dossier/page.md").write_text("# Page\n\n## Contact\n\nmoi@exemple.fr\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["dump", str(tmp_path / "dossier/page.md")])
    assert result.exit_code == 0, result.output
    dump = json.loads(result.output)
    assert dump["path"] == "dossier/page.md"
    assert dump["sections"][0]["emails"] == ["moi@exemple.fr"]


def test_shipped_schemas_are_valid_draft_2020_12() -> None:
    names = set(shipped_schemas())
    assert {
        "front-matter.schema.json",
        "include-front-matter.schema.json",
        "blocks.schema.json",
        "gitbook-yaml.schema.json",
        "pages/procurement.schema.json",
    } <= names
    for name, schema in shipped_schemas().items():
        Draft202012Validator.check_schema(schema)
        assert schema["$id"].endswith("/schemas/" + name)


def test_every_package_ships() -> None:
    """Packages are listed by hand in pyproject.toml (the schemas folder is mapped into the package)."""
    config = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    listed = set(config["tool"]["setuptools"]["packages"])
    found = {
        ".".join(init.parent.relative_to(REPO).parts) for init in (REPO / "linter").rglob("__init__.py")
    } | {"linter.schemas"}
    assert found <= listed, f"add {sorted(found - listed)} to [tool.setuptools] packages"


def test_globs() -> None:
    mapping = {"content/marche-*/README.md": "p.json", "faq/*.md": "f.json"}
    root, config_dir = Path("/depot/content"), Path("/depot")
    assert schemas_for(page_candidates("marche-beta/README.md", root, config_dir), mapping) == ["p.json"]
    assert schemas_for(page_candidates("marche-beta/faq.md", root, config_dir), mapping) == []
    assert schemas_for(page_candidates("faq/a.md", root, None), mapping) == ["f.json"]
    assert schemas_for(page_candidates("a/b.md", root, Path("/ailleurs")), {"**/b.md": "b.json"}) == ["b.json"]


def test_repository_configuration_applies_the_procurement_schema() -> None:
    settings = apply_config(load_config(find_config(REPO)), Settings(select=["GB4"]))
    schema = (REPO / "schemas/pages/procurement.schema.json").resolve()
    assert {Path(path).resolve() for path in settings.page_schemas.values()} == {schema}
    site = Site.load(REPO / "content")
    candidates = page_candidates("marche-interministeriel-beta/README.md", site.root, settings.config_dir)
    assert [Path(path).resolve() for path in schemas_for(candidates, settings.page_schemas)] == [schema]
    assert lint_site(site, settings) == []


def test_yaml_dates_and_odd_keys(tmp_path: Path) -> None:
    """YAML gives dates and non-text keys: the model is still JSON, and the rules do not crash."""
    page = "---\n1: x\ndescription: 2024-01-31\nhidden: 2024-01-31\n---\n\n# Dates\n"
    assert messages(tmp_path, {"README.md": page}, "GB401", "en") == [
        '4:1 front matter key `hidden`: expected true or false, found "2024-01-31"'
    ]
    assert messages(tmp_path, {"README.md": page}, "GB402", "en") == []  # `1` is no near miss of a key
    dump = page_to_json(Page.from_text("README.md", page))
    assert dump["front_matter"] == {"1": "x", "description": "2024-01-31", "hidden": "2024-01-31"}
