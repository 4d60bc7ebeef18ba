"""Renderers escape tree text: it is shown as written, never interpreted as markup or terminal control."""

from __future__ import annotations

from wallet_doctor.render.markdown import escape
from wallet_doctor.render.text import clean


def test_markdown_escape_neutralises_emphasis_links_html_and_tables() -> None:
    assert escape("a *b* _c_ [d](e) <script>x</script> | `f` ~g~ &amp;") == (
        "a \\*b\\* \\_c\\_ \\[d\\](e) \\<script\\>x\\</script\\> \\| \\`f\\` \\~g\\~ \\&amp;"
    )


def test_markdown_escape_folds_newlines_so_text_cannot_start_a_heading() -> None:
    assert escape("line one\n# not a heading") == "line one # not a heading"


def test_clean_removes_terminal_escapes_and_bidi_overrides() -> None:
    assert clean("ok\x1b[31mred\x1b[0m\u202eevil\x07") == "ok[31mred[0mevil"


def test_markdown_escape_stops_text_from_opening_a_block_at_the_start_of_a_list_item() -> None:
    assert [escape(t) for t in ["# x", "1. x", "- y", "+ z", "12) w", "a # b"]] == [
        "\\# x",
        "1\\. x",
        "\\- y",
        "\\+ z",
        "12\\) w",
        "a # b",
    ]
