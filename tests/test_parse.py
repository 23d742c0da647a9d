"""The parser: tag lines, the `{% %}` block plugin, and that it changes nothing else."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it.tree import SyntaxTreeNode

from linter.parse import make_markdown, make_plain_markdown
from linter.parse.frontmatter import load_front_matter
from linter.parse.gitbook_blocks import CLOSE, OPEN, PROBLEMS_KEY, TAG
from linter.parse.tags import parse_tag_line

MD = make_markdown()
PLAIN = make_plain_markdown()


# -- tag lines ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "name", "is_end", "attrs"),
    [
        ('{% hint style="info" %}', "hint", False, {"style": "info"}),
        ("{% endhint %}", "hint", True, {}),
        ('{%hint style="info"%}', "hint", False, {"style": "info"}),
        ("{% hint style='warning' %}", "hint", False, {"style": "warning"}),
        ("{% api-method-parameter name=\"id\" type=\"string\" required=true %}", "api-method-parameter", False,
         {"name": "id", "type": "string", "required": "true"}),
        ('{% file src="../.gitbook/assets/mon fichier (1).pdf" %}', "file", False,
         {"src": "../.gitbook/assets/mon fichier (1).pdf"}),
        ('{% tab title="Étape 1 : « préparer »" icon="windows" %}', "tab", False,
         {"title": "Étape 1 : « préparer »", "icon": "windows"}),
        ('{% column width="33.33333333333333%" %}', "column", False, {"width": "33.33333333333333%"}),
        ("{% endcontent-ref %}", "content-ref", True, {}),
        ('{% update date="2024-01-31" tags="a,b" %}', "update", False, {"date": "2024-01-31", "tags": "a,b"}),
    ],
)
def test_tag_line_attributes(line: str, name: str, is_end: bool, attrs: dict[str, str]) -> None:
    tag = parse_tag_line(line)
    assert tag is not None
    assert (tag.name, tag.is_end, tag.attrs) == (name, is_end, attrs)


def test_include_takes_a_positional_path() -> None:
    tag = parse_tag_line('{% include "../.gitbook/includes/contact.md" %}')
    assert tag is not None and tag.argument == "../.gitbook/includes/contact.md"
    assert '{% include "'[tag.argument_column - 1] == '"'


def test_if_keeps_its_expression() -> None:
    tag = parse_tag_line("{% if visitor.claims.unsigned.beta && !visitor.claims.x %}")
    assert tag is not None and tag.argument == "visitor.claims.unsigned.beta && !visitor.claims.x"


def test_attribute_columns_point_at_the_attribute() -> None:
    line = '{% embed url="https://example.org" caption="Vidéo" %}'
    tag = parse_tag_line(line)
    assert tag is not None
    for attribute in tag.attributes:
        assert line[attribute.column :].startswith(attribute.name + "=")


@pytest.mark.parametrize("line", ["{% %}", "text {% hint %}", "{% hint", "{{ hint }}", "{% 12 %}", "%} {%"])
def test_not_a_tag_line(line: str) -> None:
    assert parse_tag_line(line) is None


# -- the block plugin ---------------------------------------------------------------------------


def types(source: str) -> list[str]:
    return [token.type for token in MD.parse(source)]


def test_blocks_form_a_tree_with_markdown_inside() -> None:
    source = '{% tabs %}\n{% tab title="A" %}\n## Titre\n\n* un\n{% endtab %}\n{% endtabs %}\n'
    tree = SyntaxTreeNode(MD.parse(source))
    tabs = tree.children[0]
    assert tabs.type == "gitbook_block" and tabs.info == "tabs"
    tab = tabs.children[0]
    assert tab.info == "tab"
    assert [child.type for child in tab.children] == ["heading", "bullet_list"]


def test_closing_tag_after_a_list_item_closes_the_block() -> None:
    source = '{% hint style="info" %}\n* a\n* b\n{% endhint %}\nAprès.\n'
    tokens = MD.parse(source)
    assert [t.type for t in tokens if t.type.startswith("gitbook")] == [OPEN, CLOSE]
    closer = next(t for t in tokens if t.type == CLOSE)
    assert closer.map == [3, 4]
    last_inline = [t for t in tokens if t.type == "inline"]
    assert [t.content for t in last_inline] == ["a", "b", "Après."]


def test_closing_tag_ends_a_paragraph_and_a_quote_continuation() -> None:
    assert types("{% hint %}\ntexte\n{% endhint %}\n").count(CLOSE) == 1
    assert CLOSE in types("{% hint %}\n> citation\n{% endhint %}\n")


def test_tags_inside_fenced_and_indented_code_are_text() -> None:
    source = "```\n{% hint %}\n```\n\n    {% endhint %}\n\n~~~md\n{% endtabs %}\n~~~\n"
    env: dict = {}
    tokens = MD.parse(source, env)
    assert [t.type for t in tokens] == ["fence", "code_block", "fence"]
    assert env[PROBLEMS_KEY] == []


def test_unpaired_tags_stay_flat_and_are_recorded() -> None:
    env: dict = {}
    tokens = MD.parse("{% hint %}\ntexte\n\n{% endtab %}\n", env)
    assert [t.type for t in tokens if t.type.startswith("gitbook")] == [TAG, TAG]
    assert sorted(problem.kind for problem in env[PROBLEMS_KEY]) == ["stray", "unclosed"]
    SyntaxTreeNode(tokens)  # still a valid tree


def test_optional_end_tags() -> None:
    paired = MD.parse('{% embed url="https://x.org" %}\nLégende\n{% endembed %}\n')
    alone = MD.parse('{% embed url="https://x.org" %}\n\nSuite.\n')
    assert [t.type for t in paired if t.type.startswith("gitbook")] == [OPEN, CLOSE]
    assert [t.type for t in alone if t.type.startswith("gitbook")] == [TAG]


def test_blocks_pair_only_inside_the_same_container() -> None:
    env: dict = {}
    MD.parse("* {% hint %}\n  texte\n\n{% endhint %}\n", env)
    assert sorted(problem.kind for problem in env[PROBLEMS_KEY]) == ["stray", "unclosed"]


def test_tag_interrupts_a_paragraph_without_blank_line() -> None:
    tokens = MD.parse('Texte\n{% embed url="https://x.org" %}\n')
    assert [t.type for t in tokens][-1] == TAG


@pytest.mark.parametrize(
    "html",
    [
        '<figure><img src="a.png" alt=""><figcaption></figcaption></figure>',  # before `{% endstep %}`
        "</details>",  # before `{% endupdate %}`
        '<div data-x="1">\n<p>deux lignes</p>',
    ],
)
def test_a_tag_line_ends_the_html_block_above_it(html: str) -> None:
    tokens = MD.parse(f"{{% hint %}}\n{html}\n{{% endhint %}}\nAprès.\n")
    assert [t.type for t in tokens][:3] == [OPEN, "html_block", CLOSE]
    assert tokens[1].content == html + "\n"
    assert tokens[-2].content == "Après."


@pytest.mark.parametrize(
    "source",
    [
        "<pre>\n{% endhint %}\n</pre>\n",  # type 1: ends at `</pre>`, tag-like lines are its text
        "<!--\n{% endhint %}\n-->\n",
        "<div>\n    {% endhint %}\n</div>\n",  # indented like code: not a tag line for GitBook either
        "<div>\n{% endhint\n</div>\n",  # not a whole tag line
    ],
)
def test_html_block_keeps_lines_that_are_not_tag_lines_to_read(source: str) -> None:
    env: dict = {}
    assert [t.type for t in MD.parse(source, env)] == ["html_block"]
    assert env[PROBLEMS_KEY] == []


# -- the plugin changes nothing outside tag lines -----------------------------------------------

_PIECES = st.sampled_from(
    [
        "# Titre", "## Sous-titre <a href=\"#x\" id=\"x\"></a>", "Texte **gras** et _italique_.", "* élément",
        "  * imbriqué", "1. premier", "> citation", "```", "```python", "~~~", "    code indenté", "---", "***",
        "| a | b |", "|---|---|", "| 1 | 2 |", "<details>", "<summary>Plus</summary>", "</details>",
        "[lien](page.md#ancre)", "![image](<../.gitbook/assets/image (1).png>)", "<https://example.org>",
        "~~barré~~", "Titre\n===", "[ref]: https://example.org", "[ref]", "<!-- commentaire -->", "",
        "- [ ] tâche", "\\* échappé", "&#x20;", "a  ", "a\\", "<figure><img src=\"a.png\"></figure>", "%}", "{",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, max_size=25), st.sampled_from(["\n", "\n\n"]))
def test_plugin_changes_nothing_on_markdown_built_from_real_pieces(pieces: list[str], joiner: str) -> None:
    source = joiner.join(pieces)
    assert MD.render(source) == PLAIN.render(source)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=300))
def test_plugin_changes_nothing_on_any_text_without_tags(source: str) -> None:
    source = source.replace("{%", "{ %")
    assert MD.render(source) == PLAIN.render(source)


# The spec's examples as JSON (commonmark.org's spec.json), next to the repository or named by the variable.
_SPEC_BESIDE_REPOSITORY = Path(__file__).resolve().parents[2] / "shared" / "data" / "commonmark-spec.json"


def _spec_examples() -> list[dict]:
    """The CommonMark spec examples, when a copy is available."""
    location = Path(os.environ.get("COMMONMARK_SPEC_JSON") or _SPEC_BESIDE_REPOSITORY)
    if not location.is_file():
        return []
    return json.loads(location.read_text(encoding="utf-8"))


@pytest.mark.skipif(not _spec_examples(), reason="no copy of the CommonMark spec examples (COMMONMARK_SPEC_JSON)")
def test_commonmark_spec_examples_render_the_same() -> None:
    different = [e["example"] for e in _spec_examples() if MD.render(e["markdown"]) != PLAIN.render(e["markdown"])]
    assert different == []


def test_an_unclosed_yaml_list_is_reported_where_it_opens_not_past_the_end() -> None:
    matter = load_front_matter("title: Guide\ndescription: [un, deux\n", 2)
    assert matter.problem is not None
    assert (matter.problem.position.line, matter.problem.position.column) == (3, 14)
    assert "never closed" in matter.problem.message
