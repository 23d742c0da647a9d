"""Whatever a space holds, every rule runs to the end: no rule may crash (GB000) on any input."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from linter.engine import INTERNAL_ERROR_ID, lint_site
from linter.model.site import Site
from linter.settings import Settings

_PIECES = [
    "# Titre", "## Section <a href=\"#s\" id=\"s\"></a>", "### <a id=\"vide\"></a>", "#### &#x20;",
    '{% hint style="info" %}', '{% hint style="tip" %}', "{% hint %}", "{% endhint %}",
    "{% tabs %}", '{% tab title="A" %}', "{% tab %}", "{% endtab %}", "{% endtabs %}",
    '{% content-ref url="autre.md" %}', '{% content-ref url="dossier/" %}', "{% content-ref %}",
    "[autre.md](autre.md)", "[Broken link](broken-reference)", "{% endcontent-ref %}",
    '{% embed url="https://example.org/v" %}', '{% embed url="" %}', '{% embed url="javascript:x" %}',
    "{% endembed %}", '{% file src="../.gitbook/assets/a b.pdf" %}', '{% file src="" %}',
    '{% include "../.gitbook/includes/x.md" %}', '{% include "" %}', "{% include %}",
    '{% page-ref page="autre.md" %}', "{% stepper %}", "{% step %}", "{% endstep %}", "{% endstepper %}",
    '{% columns %}', '{% column width="50%" %}', '{% column width="abc" %}', "{% endcolumn %}", "{% endcolumns %}",
    '{% update date="2024-13-45" %}', "{% endupdate %}", "{% if visitor.claims.x %}", "{% endif %}",
    "{% inconnu a=b c='d' \"e\" %}", "{%%}", "{% end %}",
    "[lien](autre.md#section)", "[lien](#)", "[lien](<>)", "[lien](../../../../etc/passwd)",
    "[lien](%E9%ZZ)", "[lien](/broken/pages/abc#x)", "[x](mailto:)", "[a@b.fr](mailto:c@d.fr)",
    "[x](mailto:a\\_b@c.fr;d@e.fr)", "<https://github.com/o/r/blob/main/x.md>", "<a href=\"mailto:x@\">x</a>",
    "![](<../.gitbook/assets/image (1).png>)", "![](https://example.org/x.png)", "<img src=\"\">",
    "<figure><img src=\"../.gitbook/assets/x.png\"><figcaption></figcaption></figure>",
    "<table data-view=\"cards\"><tr><td><a href=\"autre.md\">a</a></td></tr></table>",
    "~~**1er titulaire : Société**~~", "**2e titulaire : Autre**", "* ~~barré~~", "Contact : a@b.fr ; c@d..fr",
    "<!-- gitbook-lint-disable GB999 -->", "<!-- gitbook-lint-disable-next-line -->", "<!-- gitbook-lint-enable",
    "```", "    code", "> citation", "* élément", "  * imbriqué", "| a | b |", "|---|---|", "[^1]", "[^1]: note",
    "[ref]: autre.md", "[ref]", "http://example.org", "\\", "&#xZZ;", "\u0000", "\ufeff", "é\u0301", "🚀",
]
_FRONT = ["", "---\ndescription: x\n---\n", "---\n- a\n---\n", "---\ncover: ../nope.png\nlayout: {width: x}\n---\n",
          "---\n: : :\n---\n", "---\ntitle: 3\n", "---\nicon: [a, {b: c}]\nhidden: maybe\n---\n"]


def _page() -> st.SearchStrategy[str]:
    return st.tuples(st.sampled_from(_FRONT), st.lists(st.sampled_from(_PIECES), max_size=30)).map(
        lambda parts: parts[0] + "\n".join(parts[1])
    )


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(readme=_page(), other=_page(), include=_page(), summary=st.sampled_from(
    ["# Table of contents\n\n* [A](README.md)\n* [B](autre.md)\n", "* [A](README.md)\n  * [A](README.md)\n", "", "# T\n- [x]()\n"]
), config=st.sampled_from(["", "root: ./\n", "redirects:\n  /a: /autre.md\n  b: nope.md\n", "root: ../..\n", "- x\n", ":"]))
def test_no_rule_crashes(readme: str, other: str, include: str, summary: str, config: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        files = {"README.md": readme, "autre.md": other, ".gitbook/includes/x.md": include, "SUMMARY.md": summary}
        if config:
            files[".gitbook.yaml"] = config
        for name, text in files.items():
            (root / name).parent.mkdir(parents=True, exist_ok=True)
            (root / name).write_text(text, encoding="utf-8", errors="surrogatepass")
        settings_ = Settings(select=["all"], site_url="https://docs.example.org/espace", github_repository="o/r")
        findings = lint_site(Site.load(root), settings_)
        crashes = [finding.message for finding in findings if finding.rule_id == INTERNAL_ERROR_ID]
        assert crashes == []


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=st.sampled_from(list("{%}[]()<>!#*~_-:;@./\\\"'`= \nabcé0|&^")), max_size=400))
def test_no_rule_crashes_on_arbitrary_text(text: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        (root / "README.md").write_text(text, encoding="utf-8")
        (root / "SUMMARY.md").write_text(text, encoding="utf-8")
        findings = lint_site(Site.load(root), Settings(select=["all"], site_url="https://d.example.org"))
        assert [f.message for f in findings if f.rule_id == INTERNAL_ERROR_ID] == []
