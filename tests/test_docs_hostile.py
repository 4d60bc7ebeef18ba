"""Hostile tree text (tags, `</script>`, quotes, backticks, brackets, pipes, entities, placeholders, newlines
that would start a heading) breaks neither the Markdown, nor the Mermaid, nor the HTML: each shows the text
as written and nothing else."""

from __future__ import annotations

import json
import re
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

import pytest

from tests.browser import find_chromium, open_page
from tests.hostile_tree import HOSTILE, write_hostile_tree
from tests.mermaid_check import charts, check, mermaid_parse
from wallet_doctor.docs import generate, pages
from wallet_doctor.docs.html import page_data
from wallet_doctor.model import Catalog
from wallet_doctor.sources import open_catalog


@pytest.fixture
def hostile(tmp_path: Path) -> Catalog:
    return open_catalog([write_hostile_tree(tmp_path / "trees")], builtin=False)


def folded(text: str) -> str:
    """A text as a one-line rendering shows it: every run of whitespace one space."""
    return " ".join(text.split())


class Elements(HTMLParser):
    """The start tags of an HTML text, counted, with the text of each <script> and all visible text."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: Counter[str] = Counter()
        self.scripts: list[str] = []
        self.text: list[str] = []
        self._in_script = False
        self.feed(html)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags[tag] += 1
        self._in_script = tag == "script"
        if self._in_script:
            self.scripts.append("")

    def handle_endtag(self, tag: str) -> None:
        self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script:
            self.scripts[-1] += data
        else:
            self.text.append(data)


def test_the_markdown_shows_every_hostile_text_as_written_and_makes_no_markup_of_it(hostile: Catalog) -> None:
    from markdown_it import MarkdownIt

    page = pages(hostile, ["en"], ["markdown"])["en/hostile.md"]
    rendered = Elements(MarkdownIt("commonmark").enable(["table", "strikethrough"]).render(page))

    # Only the page's own structure: no script, img, style, textarea, b, hr, del or extra link from tree text.
    assert dict(rendered.tags) == {
        "h1": 1, "h2": 3, "h3": 2, "h4": 4,  # title; chart, questions, diagnoses; question, outcome; its parts
        "p": 8, "a": 6, "code": 2, "pre": 1, "em": 1, "strong": 2, "ul": 4, "ol": 1, "li": 7,
    }  # fmt: skip
    text = folded("".join(rendered.text))
    assert [name for name, value in HOSTILE.items() if folded(value) not in text] == []


def test_the_mermaid_of_hostile_text_stays_valid(hostile: Catalog) -> None:
    found = charts(hostile)

    assert {name: check(source) for name, source in found.items()} == {name: [] for name in found}
    assert mermaid_parse(list(found.values())) == [None] * len(found)


def test_the_html_keeps_hostile_text_inside_its_json_and_the_json_exact(hostile: Catalog) -> None:
    html = pages(hostile, ["en", "zh-CN"], ["html"])["en/troubleshooter.html"]
    parsed = Elements(html)

    assert parsed.tags["script"] == 2 and parsed.tags["img"] == 0 and parsed.tags["style"] == 1
    catalog_json, code = parsed.scripts
    assert json.loads(catalog_json) == page_data(hostile, "en")
    assert re.search(r"[<>&]", catalog_json) is None
    assert "innerHTML" not in code and "insertAdjacentHTML" not in code and "document.write" not in code
    assert "{{" not in html.replace(catalog_json, "")  # every placeholder filled, none filled twice


def test_a_person_walking_the_hostile_tree_sees_the_text_as_written(hostile: Catalog, tmp_path: Path) -> None:
    browser = find_chromium()
    if browser is None:
        pytest.skip("no Chromium on PATH: `apt-get install chromium` to run the browser tests")
    generate(hostile, tmp_path / "site", ["en"], ["html"])

    with open_page(browser) as page:
        page.open((tmp_path / "site" / "en" / "troubleshooter.html").as_uri())
        assert page.evaluate("document.querySelector('[data-tree=hostile] strong').textContent") == HOSTILE["title"]
        page.click("[data-tree=hostile]")
        assert page.evaluate(
            "[...document.querySelectorAll('main h2, main .choices button')].map(e => e.textContent)"
        ) == [
            HOSTILE["text"],
            HOSTILE["label_a"],
            HOSTILE["label_b"],
        ]
        page.click("[data-choice=a]")
        shown = page.evaluate(
            "[...document.querySelectorAll('main h2, main .summary, main .card li span.text')].map(e => e.textContent)"
        )
        assert shown == [
            HOSTILE["outcome"],
            HOSTILE["summary"],
            HOSTILE["step"],
            HOSTILE["warning"],
            HOSTILE["prepare"],
            HOSTILE["escalate"],
        ]
        assert page.evaluate(
            "[window.pwned, document.scripts.length, document.querySelectorAll('img, style, textarea, b').length]"
        ) == [None, 2, 1]  # the one <style> is the page's own
