"""The offline HTML troubleshooter: one self-contained page per language in which a person walks any tree.

No network: the CSS and JavaScript are inlined and the catalog is embedded as JSON. Tree text reaches the
page only inside that JSON, with `<`, `>` and `&` written as \\u escapes so that no text (not even
`</script>`) can end the block; the script then inserts it with textContent, never as HTML.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Sequence
from importlib import resources
from typing import Any

from wallet_doctor.docs.order import tree_order
from wallet_doctor.locales import locale
from wallet_doctor.messages import msg
from wallet_doctor.model import (
    LANGUAGES,
    SECTIONS,
    SEVERITIES,
    TRIAGE,
    Catalog,
    Conditional,
    Item,
    Jump,
    Outcome,
    Question,
)
from wallet_doctor.page_search import ENDINGS, PREFIX_MIN, PREFIX_WEIGHT, STEM_MIN, TITLE_WEIGHT, TREE_WEIGHT, pages
from wallet_doctor.search import COMMON_WORDS, MIN_WORD, SHOWN_SHARE, TEXT_FOLDS, WORD_FOLDS, fold

PAGE = "troubleshooter.html"
INDEX = "index.html"
_PLACEHOLDER = re.compile(r"\{\{(\w+)\}\}")
_JSON_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}


def troubleshooter(catalog: Catalog, lang: str, langs: Sequence[str]) -> str:
    """The whole page for `lang`, linking the pages of the other languages in `langs`."""
    title = msg("html.title", lang)
    links = [
        f'<a href="../{html.escape(code)}/{PAGE}" data-lang-page="../{html.escape(code)}/{PAGE}" '
        f'hreflang="{html.escape(code)}" lang="{html.escape(code)}">{html.escape(locale(code).name)}</a>'
        for code in langs
        if code != lang
    ]
    values = {
        "lang": html.escape(lang),
        "title": html.escape(title),
        "languages": " ".join(links),
        "never_share": html.escape(msg("never_share", lang)),
        "noscript": html.escape(msg("html.noscript", lang)),
        "style": _asset("troubleshooter.css"),
        "script": _asset("troubleshooter.js"),
        "catalog": embed_json(page_data(catalog, lang)),
    }
    # One pass, so that a value (the catalog above all) is never searched for placeholders itself.
    return _PLACEHOLDER.sub(lambda m: values[m.group(1)], _asset(PAGE))


def language_index(langs: Sequence[str]) -> str:
    """The root index.html: it opens the troubleshooter in the browser's language (a walk in its address
    carried along), and lists every language's troubleshooter, in its own words, for anyone else."""

    def each(key: str) -> str:
        return "".join(f'<span lang="{html.escape(code)}">{html.escape(msg(key, code))}</span>' for code in langs)

    links = [
        f'<li><a href="{html.escape(code)}/{PAGE}" hreflang="{html.escape(code)}" lang="{html.escape(code)}">'
        f"<strong>{html.escape(locale(code).name)}</strong>{html.escape(msg('html.title', code))}</a></li>"
        for code in langs
    ]
    served = [
        {
            "code": code,
            "page": f"{code}/{PAGE}",
            "serves": list(locale(code).serves),
            "serves_exactly": list(locale(code).serves_exactly),
        }
        for code in langs
    ]
    values = {
        "lang": html.escape(langs[0]),
        "title": html.escape(" · ".join(dict.fromkeys(msg("html.title", code) for code in langs))),
        "headings": f"<h1>{each('html.title')}</h1>\n<p>{each('html.choose_language')}</p>",
        "links": "\n".join(links),
        "languages": embed_json(served),
        "script": _asset("language.js"),
    }
    return _PLACEHOLDER.sub(lambda m: values[m.group(1)], _asset("language.html"))


def embed_json(data: Any) -> str:
    """`data` as JSON that is safe inside <script type="application/json">: nothing in it can close the
    element or be read as markup, and JSON.parse still returns exactly `data`."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return re.sub("[<>&\u2028\u2029]", lambda m: _JSON_ESCAPES[m.group()], text)


def page_data(catalog: Catalog, lang: str) -> dict[str, Any]:
    """What the page's script walks: the trees, every node by id, the shared blocks (written once, however
    many outcomes use them), and the page's own words, in `lang`."""
    nodes: dict[str, Any] = {}
    for tree in catalog.trees.values():
        for node in tree.nodes.values():
            nodes[node.id] = _node(catalog, node, lang)
    return {
        "lang": lang,
        "order": tree_order(catalog),
        "trees": {
            tree_id: {
                "title": catalog.trees[tree_id].title.get(lang),
                "summary": catalog.trees[tree_id].summary.get(lang),
                "start": catalog.trees[tree_id].start,
            }
            for tree_id in tree_order(catalog)
        },
        "nodes": dict(sorted(nodes.items())),
        "search": search_data(catalog),
        "pages": pages_data(catalog, lang),
        "page_weights": {
            "tree": TREE_WEIGHT,
            "title": TITLE_WEIGHT,
            "prefix": PREFIX_WEIGHT,
            "prefix_min": PREFIX_MIN,
            "endings": list(ENDINGS),
            "stem_min": STEM_MIN,
        },
        "search_common": sorted(COMMON_WORDS),
        "search_text_folds": [list(pair) for pair in TEXT_FOLDS],
        "search_word_folds": [list(pair) for pair in WORD_FOLDS],
        "search_min_word": MIN_WORD,
        "search_shown_share": SHOWN_SHARE,
        "shared": _shared(catalog, lang),
        "ui": _ui(lang),
    }


def search_data(catalog: Catalog) -> dict[str, list[str]]:
    """What the page's search matches, per tree: exactly what search.py matches (every language's keywords
    and titles, each distinct text once, triage left out), folded here (search.fold) so that the page folds only
    the query."""
    return {
        tree_id: [
            fold(text)
            for text in dict.fromkeys(
                text for lang in LANGUAGES for text in (*tree.keywords_in(lang), tree.title.get(lang))
            )
        ]
        for tree_id in tree_order(catalog)
        if (tree := catalog.trees[tree_id]).id != TRIAGE
    }


def pages_data(catalog: Catalog, lang: str) -> list[dict[str, Any]]:
    """What the page's search finds pages by, exactly as page_search.py does (its words already folded), and
    the way in the page pre-selects: from triage's first question, or from its tree's start where triage
    does not lead to it."""
    return [
        {
            "id": page.outcome.id,
            "tree": page.outcome.tree,
            "title": page.outcome.title.get(lang),
            "start": TRIAGE if page.from_triage else page.tree,
            "way": [list(answer) for answer in (page.from_triage or page.answers)],
            "terms": page.terms,
            "title_terms": page.title_terms,
        }
        for page in pages(catalog)
    ]


def _node(catalog: Catalog, node: Question | Outcome | Jump, lang: str) -> dict[str, Any]:
    if isinstance(node, Question):
        return {
            "kind": "question",
            "id": node.id,
            "tree": node.tree,
            "text": node.text.get(lang),
            "help": node.help.get(lang) if node.help else None,
            "choices": [{"id": c.id, "label": c.label.get(lang), "next": c.next} for c in node.choices],
        }
    if isinstance(node, Outcome):
        return {
            "kind": "outcome",
            "id": node.id,
            "tree": node.tree,
            "title": node.title.get(lang),
            "severity": node.severity,
            "summary": node.summary.get(lang),
            "steps": _steps(catalog, node, lang),
            "sections": [
                {"id": name, "items": _items(catalog, items, lang)}
                for name, items in node.sections
                if catalog.expand(items)
            ],
            "related": [t for t in node.related if t in catalog.trees],
            "opens": node.opens,
        }
    return {"kind": "jump", "id": node.id, "tree": node.tree, "target": node.target, "land": node.land}


def _steps(catalog: Catalog, outcome: Outcome, lang: str) -> list[dict[str, Any]]:
    """Like `_items`, with each conditional group as `{"if": condition, "steps": items}`."""
    out: list[dict[str, Any]] = []
    for step in outcome.steps:
        if isinstance(step, Conditional):
            out.append({"if": step.condition.get(lang), "steps": _items(catalog, step.steps, lang)})
        else:
            out += _items(catalog, (step,), lang)
    return out


def _items(catalog: Catalog, items: tuple[Item, ...], lang: str) -> list[dict[str, Any]]:
    """Text items as they are; a shared block as `{"use": id}`, written once in the page's `shared`."""
    out: list[dict[str, Any]] = []
    for item in items:
        if item.use is not None:
            if item.use in catalog.shared:
                out.append({"use": item.use})
        else:
            out += _expanded(catalog, (item,), lang)
    return out


def _shared(catalog: Catalog, lang: str) -> dict[str, list[dict[str, Any]]]:
    """Each shared block with its own `use`s expanded, exactly as `Catalog.expand` inserts it."""
    return {
        block_id: _expanded(catalog, (Item(block.loc, use=block_id),), lang)
        for block_id, block in sorted(catalog.shared.items())
    }


def _expanded(catalog: Catalog, items: tuple[Item, ...], lang: str) -> list[dict[str, Any]]:
    return [{"text": r.text.get(lang), "warning": r.warning} for r in catalog.expand(items)]


def _ui(lang: str) -> dict[str, Any]:
    keys = {
        "pick": "html.pick",
        "print": "html.print",
        "all_trees": "docs.all_trees",
        "back": "menu.back",
        "restart": "menu.restart",
        "why": "menu.help",
        "answers_so_far": "answers_so_far",
        "diagnosis": "diagnosis",
        "severity": "severity",
        "steps": "steps",
        "related": "related",
        "warning": "warning",
        "search_label": "html.search_label",
        "search_hint": "html.search_hint",
        "search_found": "html.search_found",
        "search_none": "html.search_none",
        "search_all": "html.search_all",
        "search_pages": "html.search_pages",
        "search_trees": "html.search_trees",
        "page_way": "html.page_way",
        "suggested": "html.suggested",
        "copy_link": "html.copy_link",
        "copied": "html.copied",
        "copied_file": "html.copied_file",
        "copy_manual": "html.copy_manual",
    }
    words: dict[str, Any] = {name: msg(key, lang) for name, key in keys.items()}
    words["sections"] = {name: msg(f"section.{name}", lang) for name in SECTIONS}
    words["colon"] = locale(lang).colon
    words["severities"] = {s: msg(f"severity.{s}", lang) for s in SEVERITIES}
    return words


def _asset(name: str) -> str:
    return resources.files("wallet_doctor.docs").joinpath(name).read_text(encoding="utf-8")
