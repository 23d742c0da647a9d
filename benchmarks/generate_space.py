#!/usr/bin/env python3
"""Generate a synthetic GitBook (Git Sync) space for benchmarking gitbook-lint.

Usage: python benchmarks/generate_space.py N OUTDIR [--seed S] [--manifest FILE]

Writes N pages (README.md + N-1 others in nested folders), SUMMARY.md, .gitbook.yaml,
.gitbook/assets/ and .gitbook/includes/. Output is deterministic for a given (N, seed).
About 1% of pages carry one deliberate defect (missing link target, wrong fragment,
unclosed hint); they are listed in the manifest (JSON) when --manifest is given.
Stdlib only.
"""
from __future__ import annotations

import argparse
import functools
import json
import os
import posixpath
import random
import re
import sys
import time
import unicodedata
from dataclasses import dataclass, field

MAX_FOLDER_DEPTH = 4
DEFECT_KINDS = ("missing-link-target", "wrong-fragment", "unclosed-hint")

# --------------------------------------------------------------------------- vocabulary

NOUN_PHRASES = (
    "le produit", "l’équipe", "les usagers", "la mission", "un incubateur", "des développeurs",
    "l’hébergement", "la sécurité", "les données personnelles", "le financement", "la conformité",
    "l’accessibilité", "les démarches", "le déploiement", "la communauté", "les coachs",
    "le comité d’investissement", "la phase d’accélération", "l’impact", "la réunion hebdomadaire",
    "les outils numériques", "le budget prévisionnel", "la première année", "les intrapreneurs",
    "le recrutement", "la fin de mission", "les indicateurs", "la stratégie", "le design",
    "la recherche utilisateur", "les marchés publics", "le contrat", "la facturation", "l’équipe cœur",
    "les bénévoles", "le référentiel", "la documentation", "le tableau de bord", "les statistiques",
    "l’administration", "le service public", "la mise en production", "les tests", "le code source",
    "la qualité", "l’hygiène numérique", "les réseaux sociaux", "la newsletter", "le forum",
    "la charte", "les événements", "le séminaire", "la formation", "l’onboarding", "les congés",
)
VERBS = (
    "préparer", "organiser", "réussir", "démarrer", "suivre", "mesurer", "améliorer", "financer",
    "documenter", "déployer", "sécuriser", "présenter", "recruter", "accompagner", "évaluer",
    "publier", "gérer", "créer", "choisir", "comprendre", "partager", "clôturer", "prioriser",
)
ADJECTIVES = (
    "numérique", "agile", "ouvert", "simple", "efficace", "collectif", "régulier", "public",
    "pérenne", "sécurisé", "accessible", "transparent", "léger", "rapide", "complet", "clair",
)
WORDS = (
    "nous", "vous", "l’équipe", "accompagne", "les", "agents", "pendant", "toute", "la", "durée",
    "du", "projet", "afin", "de", "garantir", "une", "démarche", "centrée", "sur", "usagers",
    "chaque", "semaine", "on", "fait", "le", "point", "avec", "coach", "et", "sponsor", "résultats",
    "sont", "publiés", "dans", "tableau", "bord", "il", "est", "important", "d’anticiper",
    "besoins", "budget", "être", "très", "souvent", "aussi", "déjà", "à", "où", "ça", "qu’il",
    "qu’elle", "c’est", "n’est", "pas", "plus", "entre", "après", "été", "service", "public",
    "startup", "d’État", "incubateur", "intrapreneur", "développeuse", "designer", "données",
    "réunion", "hebdomadaire", "rétrospective", "démo", "itération", "mise", "en", "production",
    "hébergement", "sécurité", "accessibilité", "RGPD", "conformité", "forfait", "facture",
    "contrat", "marché", "bénéficiaires", "impact", "mesure", "indicateur", "objectif", "priorité",
    "feuille", "route", "financement", "comité", "investissement", "phase", "construction",
    "accélération", "pérennisation", "réseau", "communauté", "mission", "fin", "début",
)
EMOJIS = ("🚀", "💡", "✅", "📌", "🧭", "🔐", "📣", "🎯", "🛠️", "⚠️", "👋", "📚")
HINT_STYLES = ("info", "info", "info", "success", "warning", "danger")
ICONS = ("sparkles", "face-glasses", "rocket", "book", "users", "gear", "🚀", "📚")
DOMAINS = (
    "https://www.numerique.gouv.fr/", "https://beta.gouv.fr/startups/", "https://github.com/betagouv/",
    "https://www.legifrance.gouv.fr/", "https://www.cnil.fr/fr/", "https://design.numerique.gouv.fr/",
    "https://accessibilite.numerique.gouv.fr/", "https://www.youtube.com/watch?v=",
)
EMAILS = ("contact@beta.gouv.fr", "support@incubateur.net", "prenom.nom@beta.gouv.fr",
          "equipe_communaute@beta.gouv.fr", "rh@incubateur.net")
CODE_LANGS = ("bash", "python", "json", "yaml", "javascript", "markdown")
TAB_TITLES = ("Windows", "macOS", "Linux", "Agent public", "Freelance", "Coach", "Première fois",
              "Cas général", "Cas particulier")


# --------------------------------------------------------------------------- slugs


_LIGATURES = str.maketrans({"œ": "oe", "Œ": "OE", "æ": "ae", "Æ": "AE"})
_NON_SLUG = re.compile(r"[^a-z0-9.]+")


@functools.lru_cache(maxsize=None)
def slug_base(text: str) -> str:
    """GitBook slug without the `id-` prefix (also used for file names)."""
    folded = unicodedata.normalize("NFKD", text.translate(_LIGATURES))
    folded = "".join(c for c in folded if not unicodedata.combining(c)).lower()
    folded = folded.replace("'", "").replace("’", "")
    return _NON_SLUG.sub("-", folded).strip("-")[:100]


def gitbook_slug(text: str) -> str:
    """Anchor id GitBook computes for a heading text (2024+ generation)."""
    base = slug_base(text)
    return "id-" + base if base[:1].isdigit() else base


# --------------------------------------------------------------------------- model


@dataclass
class Heading:
    level: int
    text: str
    anchor: str          # the id a fragment must use
    explicit: bool       # written as <a href="#id" id="id"></a>


@dataclass
class Page:
    index: int
    path: str            # relative to space root, posix
    title: str
    parent: int          # -1 for the root README
    is_folder: bool
    children: list[int] = field(default_factory=list)
    headings: list[Heading] = field(default_factory=list)

    @property
    def dir(self) -> str:
        return posixpath.dirname(self.path)


# --------------------------------------------------------------------------- text


class Text:
    """Cheap French-like text: a fixed pool of sentences sampled with random.choices."""

    def __init__(self, rng: random.Random, pool_size: int = 3000) -> None:
        self.rng = rng
        self.sentences = [self._sentence() for _ in range(pool_size)]

    def _sentence(self) -> str:
        words = self.rng.choices(WORDS, k=self.rng.randint(6, 18))
        if len(words) > 9:
            words[self.rng.randint(3, len(words) - 3)] += ","
        words[0] = words[0][:1].upper() + words[0][1:]
        return " ".join(words) + self.rng.choice((".", ".", ".", " !", " ?"))

    def prose(self, k: int) -> str:
        return " ".join(self.rng.choices(self.sentences, k=k))

    def np(self) -> str:
        return self.rng.choice(NOUN_PHRASES)

    def short(self) -> str:
        return f"{self.rng.choice(VERBS)} {self.np()}"

    def heading(self) -> str:
        r = self.rng
        n = r.randint(1, 12)
        templates = (
            lambda: f"{cap(self.np())} et {self.np()}",
            lambda: f"Qu’est-ce que {self.np()} ?",
            lambda: f"{n}. {cap(self.short())}",
            lambda: f"{r.choice(EMOJIS)} {cap(self.np())} : {self.short()}",
            lambda: f"Pourquoi {self.short()} ?",
            lambda: f"{cap(self.np())} en {r.randint(2019, 2026)}",
            lambda: f"Comment {self.short()} sur beta.gouv.fr",
            lambda: f"Étape {n} – {self.short()}",
            lambda: f"{cap(self.np())} {r.choice(ADJECTIVES)} ({n} semaines)",
            lambda: f"L’essentiel sur {self.np()}",
        )
        return r.choice(templates)()

    def title(self) -> str:
        r = self.rng
        templates = (
            lambda: cap(self.short()),
            lambda: cap(self.np()),
            lambda: f"{r.choice(EMOJIS)} {cap(self.np())}",
            lambda: f"{cap(self.np())} {r.choice(ADJECTIVES)}",
            lambda: f"Guide : {self.short()}",
        )
        return r.choice(templates)()


def cap(s: str) -> str:
    return s[:1].upper() + s[1:]


# --------------------------------------------------------------------------- tree


def build_tree(n: int, text: Text, rng: random.Random) -> list[Page]:
    pages = [Page(0, "README.md", "Accueil", -1, True)]
    folders = [0]
    used: set[str] = set()
    for i in range(1, n):
        parent = pages[pick_parent(folders, rng)]
        depth = parent.path.count("/")
        make_folder = depth < MAX_FOLDER_DEPTH and rng.random() < FOLDER_RATE[depth]
        title = text.title()
        name = unique_name(parent.dir, slug_base(title)[:60].rstrip("-.") or "page", used)
        path = posixpath.join(parent.dir, name, "README.md") if make_folder else \
            posixpath.join(parent.dir, name + ".md")
        pages.append(Page(i, path, title, parent.index, make_folder))
        parent.children.append(i)
        if make_folder:
            folders.append(i)
    return pages


FOLDER_RATE = (0.5, 0.25, 0.15, 0.08)


def pick_parent(folders: list[int], rng: random.Random) -> int:
    """Root now and then, usually a recent folder (pages are written section by section)."""
    r = rng.random()
    if r < 0.03:
        return 0
    return rng.choice(folders[-4:]) if r < 0.6 else rng.choice(folders)


def unique_name(directory: str, name: str, used: set[str]) -> str:
    if name in ("readme", "summary"):
        name += "-page"
    candidate, k = name, 2
    while posixpath.join(directory, candidate) in used:
        candidate, k = f"{name}-{k}", k + 1
    used.add(posixpath.join(directory, candidate))
    return candidate


def make_headings(page: Page, text: Text, rng: random.Random) -> None:
    seen: set[str] = set()
    for _ in range(rng.randint(3, 10)):
        level = 2 if not page.headings or rng.random() < 0.65 else 3
        heading = new_heading(level, text, rng, seen)
        page.headings.append(heading)


def new_heading(level: int, text: Text, rng: random.Random, seen: set[str]) -> Heading:
    """A heading whose id is unique within the page (ids registered in `seen`)."""
    while True:
        label = text.heading()
        explicit = rng.random() < 0.8
        anchor = gitbook_slug(label)
        if explicit and rng.random() < 0.03:          # renamed heading keeps its old id
            anchor = gitbook_slug(text.heading())
        if anchor and anchor not in seen and gitbook_slug(label) not in seen:
            seen.update((anchor, gitbook_slug(label)))
            return Heading(level, label, anchor, explicit)


# --------------------------------------------------------------------------- assets & includes


class Assets:
    """Asset names are handed out on demand; only names actually referenced get written."""

    def __init__(self, n: int, rng: random.Random) -> None:
        self.rng = rng
        self.images = image_names(max(8, n // 6), rng)
        self.files = file_names(max(3, n // 40))
        self.used: dict[str, None] = {}

    def image(self) -> str:
        return self._take(self.rng.choice(self.images))

    def file(self) -> str:
        return self._take(self.rng.choice(self.files))

    def _take(self, name: str) -> str:
        self.used[name] = None
        return name


def image_names(count: int, rng: random.Random) -> list[str]:
    names = ["image.png", "capture d’écran.png", "schéma de l’équipe.svg", "logo beta.gouv.fr.png"]
    for i in range(1, count):
        kind = i % 4
        if kind == 0:
            names.append(f"Capture d’écran 202{i % 6}-0{1 + i % 9}-1{i % 10} à 10.{i % 60:02d}.33.png")
        elif kind == 1:
            names.append(f"capture d’écran ({i}).png")
        else:
            names.append(f"image ({i}).png" if i % 7 else f"image ({i}) (1).png")
    return names


def file_names(count: int) -> list[str]:
    base = ["guide d’utilisation.pdf", "Présentation équipe.pdf", "modèle de convention.docx",
            "budget prévisionnel.xlsx"]
    return base + [f"compte rendu ({i}).pdf" for i in range(1, max(1, count - len(base)) + 1)]


INCLUDE_TITLES = ("Contacter l’équipe communauté", "Avertissement RGPD", "Autres services",
                  "Une expérience agent intuitive et rapide", "Rappel sur les congés")


def include_names(n: int) -> list[str]:
    count = min(len(INCLUDE_TITLES), max(2, n // 150))
    names = []
    for title in INCLUDE_TITLES[:count]:
        slug = slug_base(title)
        names.append(slug[:28] + "...." if len(slug) > 32 else slug)
    if n >= 500:
        names.append("untitled (1)")
    return [f"{name}.md" for name in names]


def include_body(name: str, index: int, text: Text, assets: Assets) -> str:
    title = INCLUDE_TITLES[index % len(INCLUDE_TITLES)]
    image = assets.image()
    return (f"---\ntitle: {title}\n---\n\n{{% hint style=\"info\" %}}\n{text.prose(2)}\n\n"
            f"* {cap(text.short())}\n* {cap(text.short())}\n{{% endhint %}}\n\n"
            f"<figure><img src=\"../assets/{image}\" alt=\"\"><figcaption></figcaption></figure>\n")


# --------------------------------------------------------------------------- page rendering


class Renderer:
    def __init__(self, pages: list[Page], text: Text, assets: Assets, includes: list[str],
                 rng: random.Random) -> None:
        self.pages, self.text, self.assets, self.includes, self.rng = pages, text, assets, includes, rng
        self.page = pages[0]
        self.ids: set[str] = set()
        self.blocks = (
            (self.paragraph, 30), (self.link_paragraph, 18), (self.hint, 12), (self.bullets, 8),
            (self.code, 7), (self.table, 5), (self.figure, 6), (self.md_image, 4), (self.tabs, 4),
            (self.content_ref, 5), (self.embed, 3), (self.file, 2), (self.include, 1),
            (self.stepper, 2), (self.details, 2),
        )
        self.block_fns = [b for b, _ in self.blocks]
        self.block_weights = [w for _, w in self.blocks]

    # ---- helpers
    def rel(self, target: Page, fragment: str = "") -> str:
        """Body-style link from the current page: `dir/` for folder pages."""
        start = self.page.dir or "."
        if target.is_folder and target.index != 0:
            rel = posixpath.relpath(target.dir, start)
            href = "README.md" if rel == "." else rel + "/"
        else:
            href = posixpath.relpath(target.path, start)
        return href + ("#" + fragment if fragment else "")

    def up(self) -> str:
        return "../" * self.page.path.count("/")

    def other_page(self) -> Page:
        while True:
            target = self.pages[self.rng.randrange(len(self.pages))]
            if target.index != self.page.index or len(self.pages) == 1:
                return target

    def page_link(self) -> str:
        target = self.other_page()
        fragment = ""
        if target.headings and self.rng.random() < 0.5:
            fragment = self.rng.choice(target.headings).anchor
        label = target.title if self.rng.random() < 0.6 else self.text.short()
        return f"[{label}]({self.rel(target, fragment)})"

    # ---- blocks
    def paragraph(self) -> str:
        return self.text.prose(self.rng.randint(2, 6))

    def link_paragraph(self) -> str:
        r = self.rng
        kind = r.random()
        if kind < 0.55:
            link = self.page_link()
        elif kind < 0.7 and self.page.headings:
            link = f"[cette section](#{r.choice(self.page.headings).anchor})"
        elif kind < 0.85:
            link = f"[{self.text.np()}]({r.choice(DOMAINS)}{slug_base(self.text.np())})"
        else:
            email = r.choice(EMAILS)
            link = f"[{email.replace('_', chr(92) + '_')}](mailto:{email})"
        return f"{self.text.prose(r.randint(1, 3))} Pour en savoir plus : {link}. {self.text.prose(1)}"

    def items(self, k: int) -> list[str]:
        out = []
        for _ in range(k):
            item = cap(self.text.short())
            if self.rng.random() < 0.3:
                item += f" ({self.page_link()})"
            elif self.rng.random() < 0.3:
                item = f"**{item}** : {self.text.prose(1)}"
            out.append(f"* {item}")
        return out

    def bullets(self) -> str:
        if self.rng.random() < 0.3:
            return "\n".join(f"{i}. {cap(self.text.short())}" for i in range(1, self.rng.randint(3, 6)))
        return "\n".join(self.items(self.rng.randint(2, 6)))

    def hint(self) -> str:
        body = [self.text.prose(self.rng.randint(1, 3))]
        if self.rng.random() < 0.7:          # GitBook glues {% endhint %} to the last list item
            body += [""] + self.items(self.rng.randint(2, 4))
        return f"{{% hint style=\"{self.rng.choice(HINT_STYLES)}\" %}}\n" + "\n".join(body) + "\n{% endhint %}"

    def code(self) -> str:
        lang = self.rng.choice(CODE_LANGS)
        body = code_sample(lang, self.text, self.rng)
        block = f"```{lang}\n{body}\n```"
        if self.rng.random() < 0.25:
            block = f"{{% code title=\"exemple.{lang[:2]}\" overflow=\"wrap\" %}}\n{block}\n{{% endcode %}}"
        return block

    def table(self) -> str:
        cols = self.rng.randint(2, 4)
        header = "| " + " | ".join(cap(self.text.np()) for _ in range(cols)) + " |"
        sep = "| " + " | ".join("-" * 10 for _ in range(cols)) + " |"
        rows = ["| " + " | ".join(cap(self.text.short()) for _ in range(cols)) + " |"
                for _ in range(self.rng.randint(2, 6))]
        return "\n".join([header, sep] + rows)

    def figure(self) -> str:
        caption = f"<p>{cap(self.text.np())}</p>" if self.rng.random() < 0.6 else ""
        return (f"<figure><img src=\"{self.up()}.gitbook/assets/{self.assets.image()}\" alt=\"\">"
                f"<figcaption>{caption}</figcaption></figure>")

    def md_image(self) -> str:
        name = self.assets.image()
        path = f"{self.up()}.gitbook/assets/{name}"
        return f"![](<{path}>)" if " " in path else f"![]({path})"

    def tabs(self) -> str:
        titles = self.rng.sample(TAB_TITLES, self.rng.randint(2, 3))
        parts = ["{% tabs %}"]
        for i, title in enumerate(titles):
            body = self.bullets() if i % 2 else self.paragraph()
            if self.rng.random() < 0.2:
                body += "\n\n" + self.code()
            parts.append(f"{{% tab title=\"{title}\" %}}\n{body}\n{{% endtab %}}" + ("\n" if i < len(titles) - 1 else ""))
        parts.append("{% endtabs %}")
        return "\n".join(parts)

    def content_ref(self, target: Page | None = None) -> str:
        target = target or self.other_page()
        url = self.rel(target)
        if url.endswith("/"):
            text = posixpath.basename(url.rstrip("/"))
            if text in ("..", "."):
                url, text = posixpath.relpath(target.path, self.page.dir or "."), "README.md"
        else:
            text = posixpath.basename(url)
        return f"{{% content-ref url=\"{url}\" %}}\n[{text}]({url})\n{{% endcontent-ref %}}"

    def embed(self) -> str:
        url = f"https://www.youtube.com/watch?v={slug_base(self.text.np())[:11]}"
        if self.rng.random() < 0.4:
            return f"{{% embed url=\"{url}\" %}}\n{cap(self.text.np())}\n{{% endembed %}}"
        return f"{{% embed url=\"{url}\" %}}"

    def file(self) -> str:
        src = f"{self.up()}.gitbook/assets/{self.assets.file()}"
        if self.rng.random() < 0.5:
            return f"{{% file src=\"{src}\" %}}\n{cap(self.text.np())}\n{{% endfile %}}"
        return f"{{% file src=\"{src}\" %}}"

    def include(self, name: str | None = None) -> str:
        name = name or self.rng.choice(self.includes)
        return f"{{% include \"{self.up()}.gitbook/includes/{name}\" %}}"

    def stepper(self) -> str:
        parts = ["{% stepper %}"]
        for _ in range(self.rng.randint(2, 4)):
            heading = new_heading(3, self.text, self.rng, self.ids)
            body = self.paragraph() if self.rng.random() < 0.7 else self.hint()
            parts.append(f"{{% step %}}\n{heading_line(heading)}\n\n{body}\n{{% endstep %}}")
        parts.append("{% endstepper %}")
        return "\n".join(parts)

    def details(self) -> str:
        question = cap(self.text.short()) + " ?"
        return f"<details>\n\n<summary>{question}</summary>\n\n{self.paragraph()}\n\n</details>"

    # ---- page
    def render(self, page: Page, defect: str | None) -> tuple[str, str]:
        self.page = page
        self.ids = set()
        for h in page.headings:
            self.ids.update((h.anchor, gitbook_slug(h.text)))
        target = int(self.rng.triangular(2000, 12000, 4000))
        out = [front_matter(self.text, self.rng), f"# {page.title}", self.paragraph()]
        out += self.intro_blocks(page)
        per_section = max(100, (target - 800) // len(page.headings) - 350)
        for heading in page.headings:
            out.append(heading_line(heading))
            out += self.section(per_section)
        detail = ""
        if defect:
            block, detail = self.defect(defect)
            out.append(block)
        return "\n\n".join(part for part in out if part) + "\n", detail

    def intro_blocks(self, page: Page) -> list[str]:
        blocks = [self.content_ref(self.pages[c]) for c in page.children[:8]]
        if 1 <= page.index <= len(self.includes):   # every include is used at least once
            blocks.append(self.include(self.includes[page.index - 1]))
        return blocks

    def section(self, budget: int) -> list[str]:
        out: list[str] = []
        size = 0
        while size < budget:
            fn = self.rng.choices(self.block_fns, self.block_weights)[0]
            block = fn()
            out.append(block)
            size += len(block) + 2
        return out

    def defect(self, kind: str) -> tuple[str, str]:
        if kind == "missing-link-target":
            href = posixpath.relpath(posixpath.join(self.page.dir, "page-supprimee.md"), self.page.dir or ".")
            return f"Voir aussi [l’ancienne page]({href}).", href
        if kind == "wrong-fragment":
            target = self.other_page()
            href = self.rel(target, "ancre-qui-n-existe-pas")
            return f"Voir aussi [{target.title}]({href}).", href
        return f"{{% hint style=\"warning\" %}}\n{self.text.prose(2)}", "{% hint %} without {% endhint %}"


def heading_line(h: Heading) -> str:
    line = "#" * h.level + " " + h.text
    return line + f" <a href=\"#{h.anchor}\" id=\"{h.anchor}\"></a>" if h.explicit else line


def front_matter(text: Text, rng: random.Random) -> str:
    lines: list[str] = []
    if rng.random() < 0.6:
        desc = text.prose(rng.randint(1, 3)).replace(":", "").replace("#", "")
        if len(desc) > 80:
            lines += ["description: >-"] + ["  " + chunk for chunk in wrap(desc, 78)]
        else:
            lines.append(f"description: {desc}")
    if rng.random() < 0.03:
        lines.append("hidden: true")
    if rng.random() < 0.15:
        icon = rng.choice(ICONS)
        lines.append(f"icon: {icon}" if icon.isascii() else f"icon: \"{icon}\"")
    if rng.random() < 0.05:
        lines += ["layout:"] + [f"  {k}:\n    visible: {v}" for k, v in LAYOUT]
    return "---\n" + "\n".join(lines) + "\n---" if lines else ""


LAYOUT = (("title", "true"), ("description", "true"), ("tableOfContents", "true"),
          ("outline", "true"), ("pagination", "false"))


def wrap(s: str, width: int) -> list[str]:
    lines, cur = [], ""
    for word in s.split(" "):
        if cur and len(cur) + 1 + len(word) > width:
            lines.append(cur)
            cur = word
        else:
            cur = f"{cur} {word}" if cur else word
    return lines + [cur] if cur else lines


def code_sample(lang: str, text: Text, rng: random.Random) -> str:
    word = slug_base(text.np())
    samples = {
        "bash": f"git clone https://github.com/betagouv/{word}.git\ncd {word}\nmake install && make test",
        "python": f"def {word.replace('-', '_')}(x: int) -> int:\n    # {{% hint %}} n’est pas interprété ici\n    return x * {rng.randint(2, 9)}",
        "json": f"{{\n  \"nom\": \"{word}\",\n  \"actif\": true,\n  \"version\": {rng.randint(1, 9)}\n}}",
        "yaml": f"nom: {word}\nservices:\n  - web\n  - worker\nreplicas: {rng.randint(1, 5)}",
        "javascript": f"const {word.replace('-', '')[:12]} = await fetch('/api/{word}');\nconsole.log('ok');",
        "markdown": (f"{{% hint style=\"{rng.choice(HINT_STYLES)}\" %}}\nExemple de bloc GitBook : "
                     f"{text.short()}\n\n{{% content-ref url=\"absent/{word}.md\" %}}"),
    }
    return samples[lang]


# --------------------------------------------------------------------------- space-level files


def summary_md(pages: list[Page], text: Text, rng: random.Random) -> str:
    lines = ["# Table of contents", "", "* [Accueil](README.md)"]
    top = pages[0].children
    groups = group_bounds(len(top), rng)
    for start, end in groups:
        if len(groups) > 1:
            lines += ["", f"## {rng.choice(EMOJIS)} {cap(text.np())}", ""]
        for i in top[start:end]:
            summary_items(pages, i, 0, lines)
    return "\n".join(lines) + "\n"


def group_bounds(count: int, rng: random.Random) -> list[tuple[int, int]]:
    if count < 4:
        return [(0, count)]
    cuts = sorted(rng.sample(range(1, count), min(3, count - 1)))
    edges = [0] + cuts + [count]
    return [(a, b) for a, b in zip(edges, edges[1:], strict=False)]


def summary_items(pages: list[Page], index: int, level: int, lines: list[str]) -> None:
    stack = [(index, level)]
    while stack:
        i, lvl = stack.pop()
        page = pages[i]
        lines.append(f"{'  ' * lvl}* [{page.title}]({page.path})")
        stack.extend((c, lvl + 1) for c in reversed(page.children))


def gitbook_yaml(pages: list[Page], rng: random.Random) -> str:
    lines = ["root: ./", "", "structure:", "  readme: README.md", "  summary: SUMMARY.md", ""]
    count = len(pages) // 20
    if count:
        lines.append("redirects:")
    for k in range(count):
        target = pages[rng.randrange(len(pages))]
        stem = posixpath.basename(target.dir if target.is_folder and target.index else target.path[:-3])
        lines.append(f"  anciennes-pages/{k}-{stem}: {target.path}")
    return "\n".join(lines) + "\n"


# --------------------------------------------------------------------------- driver


def pick_defects(n: int, rng: random.Random) -> dict[int, str]:
    count = min(n - 1, max(3, round(n * 0.01)))
    chosen = sorted(rng.sample(range(1, n), count)) if n > 1 else []
    return {idx: DEFECT_KINDS[k % len(DEFECT_KINDS)] for k, idx in enumerate(chosen)}


def write(root: str, rel: str, content: str | bytes) -> None:
    path = os.path.join(root, *rel.split("/"))
    os.makedirs(os.path.dirname(path), exist_ok=True)
    mode = "wb" if isinstance(content, bytes) else "w"
    with open(path, mode, **({} if isinstance(content, bytes) else {"encoding": "utf-8", "newline": "\n"})) as f:
        f.write(content)


PNG_STUB = bytes.fromhex("89504e470d0a1a0a0000000d4948445200000001000000010806000000"
                         "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082")


def generate(n: int, outdir: str, seed: int = 1) -> dict:
    """Write the space; return a manifest (page count, defects)."""
    if n < 1:
        raise ValueError("N must be >= 1")
    rng = random.Random(seed)
    text = Text(rng)
    pages = build_tree(n, text, rng)
    for page in pages:
        make_headings(page, text, rng)
    assets = Assets(n, rng)
    includes = include_names(n)
    renderer = Renderer(pages, text, assets, includes, rng)
    defects = pick_defects(n, rng)
    manifest_defects = []
    for page in pages:
        body, detail = renderer.render(page, defects.get(page.index))
        write(outdir, page.path, body)
        if page.index in defects:
            manifest_defects.append({"page": page.path, "kind": defects[page.index], "detail": detail})
    for k, name in enumerate(includes):
        write(outdir, f".gitbook/includes/{name}", include_body(name, k, text, assets))
    for name in assets.used:
        write(outdir, f".gitbook/assets/{name}", PNG_STUB if name.endswith(".png") else b"placeholder\n")
    write(outdir, "SUMMARY.md", summary_md(pages, text, rng))
    write(outdir, ".gitbook.yaml", gitbook_yaml(pages, rng))
    return {"pages": n, "seed": seed, "defects": manifest_defects}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("n", type=int, help="number of pages")
    ap.add_argument("outdir", help="output directory (created; existing files are overwritten)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--manifest", help="write a JSON manifest (deliberate defects) to this file")
    args = ap.parse_args(argv)
    if args.n < 1:
        ap.error("N must be >= 1")
    start = time.perf_counter()
    manifest = generate(args.n, args.outdir, args.seed)
    if args.manifest:
        with open(args.manifest, "w", encoding="utf-8") as f:
            json.dump(manifest, f, ensure_ascii=False, indent=2)
    print(f"{args.n} pages, {len(manifest['defects'])} deliberate defects -> {args.outdir} "
          f"({time.perf_counter() - start:.2f}s)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
