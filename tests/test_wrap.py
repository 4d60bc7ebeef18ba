"""Terminal line breaking (render/wrap.py) for Chinese, English and mixed text, checked on every text of the
built-in outcomes at the widths people use, and on the cases that went wrong with rich's own wrapping."""

from __future__ import annotations

import itertools
import re

import pytest
from rich.cells import cell_len

from wallet_doctor.model import Catalog, ResolvedConditional
from wallet_doctor.render.terminal import make_console, outcome_head
from wallet_doctor.render.wrap import NO_LINE_END, NO_LINE_START, wrap
from wallet_doctor.sources import open_catalog


def lines(text: str, width: int, keep: int = 0) -> list[str]:
    return [text[start:end] for start, end in wrap(text, width, keep, cell_len)]


@pytest.fixture(scope="module")
def texts() -> list[str]:
    catalog: Catalog = open_catalog()
    found: set[str] = set()
    for tree in catalog.trees.values():
        for outcome in tree.outcomes:
            for lang in ("zh-CN", "en"):
                found |= {outcome.title.get(lang), outcome.summary.get(lang)}
                for step in catalog.steps(outcome):
                    if isinstance(step, ResolvedConditional):
                        found.add(step.condition.get(lang))
                    found |= {r.text.get(lang) for r in catalog.expand(outcome.items())}
    return sorted(found)


@pytest.mark.parametrize("width", [30, 46, 50, 76, 80])
def test_every_outcome_text_breaks_by_the_rules(texts: list[str], width: int) -> None:
    broken: list[str] = []
    for text in texts:
        spans = wrap(text, width, 0, cell_len)
        got = [text[start:end] for start, end in spans]
        assert "".join(got).replace(" ", "") == text.replace(" ", ""), "nothing is lost or added"
        broken += [f"too wide: {line!r}" for line in got if cell_len(line) > width]
        for (_, end), (following, _) in itertools.pairwise(spans):
            before, after, at_space = text[end - 1], text[following], end < following
            where = f"{text[max(0, end - 12) : end]!r} / {text[following : following + 12]!r}"
            if after in NO_LINE_START or before in NO_LINE_END:
                broken.append(f"punctuation at the break: {where}")
            if before.isdigit() and (at_space or after.isdigit() or cell_len(after) == 2):
                broken.append(f"a number split from what follows: {where}")
            if not at_space and re.match(r"[A-Za-z0-9]{2}", before + after):
                broken.append(f"a word broken: {where}")
    assert broken == []


@pytest.mark.parametrize(
    ("text", "width", "expected"),
    [
        # rich put "，" at the start of a line
        ("现在重新付款，可能会付两次钱。", 6, ["现在重", "新付", "款，可", "能会付", "两次", "钱。"]),
        # rich split "2023 年" and "约 8 天" at the space
        ("在中国内地：自 2023 年起受理", 16, ["在中国内地：自", "2023 年起受理"]),
        ("通常约 8 天后自动消失", 8, ["通常约", "8 天后自", "动消失"]),
        # phone numbers stay whole, with or without a slash
        ("拨打反诈专线 96110 咨询", 14, ["拨打反诈专线", "96110 咨询"]),
        ("拨打 96/110 咨询", 8, ["拨打", "96/110", "咨询"]),
        # English breaks between words only
        ("Contact the merchant with both order numbers", 20, ["Contact the merchant", "with both order", "numbers"]),
        # an opening quote stays with what it opens
        ("例如“请稍后再试”", 5, ["例如", "“请稍", "后再", "试”"]),
    ],
)
def test_the_cases_rich_got_wrong(text: str, width: int, expected: list[str]) -> None:
    assert lines(text, width) == expected


@pytest.mark.parametrize(
    ("text", "keep"),
    [("⚠ 注意：在钱退回来、或商家确认没有收到之前，不要重新付款。", 5), ("⚠ Warning: Unbelievably-long-word-here", 11)],
)
def test_a_warning_label_is_never_alone_on_its_line(text: str, keep: int) -> None:
    first = lines(text, 14, keep)[0]

    assert len(first) > keep


def test_a_piece_wider_than_the_line_is_cut_and_nothing_is_lost() -> None:
    assert lines("abcdefghij", 4) == ["abcd", "efgh", "ij"]


@pytest.mark.parametrize("width", [50, 80])
@pytest.mark.parametrize("lang", ["zh-CN", "en"])
def test_a_long_title_never_clips_the_severity(width: int, lang: str) -> None:
    outcome = {
        "title": "扣了钱，但交易失败，而且商家说没有收到，银行也说不清楚什么时候退回" * 2
        if lang == "zh-CN"
        else "The money was taken, but the payment failed and the merchant says it never arrived " * 2,
        "severity": "critical",
        "summary": "摘要" if lang == "zh-CN" else "Summary",
        "steps": [{"text": "1", "warning": False}],
    }
    console = make_console(False, width)
    with console.capture() as captured:
        console.print(outcome_head(outcome, lang))
    first = captured.get().splitlines()[0]

    assert ("严重程度：紧急" if lang == "zh-CN" else "Severity: critical") in first
    assert all(cell_len(line) <= width for line in captured.get().splitlines())


def test_a_tree_heading_too_long_for_its_rules_is_folded_with_the_rule_under_it() -> None:
    from wallet_doctor.wizard.wrap import rule

    assert rule("有人说你的钱包异常，或要你先付钱？先辨别是不是诈骗", 30) == (
        "有人说你的钱包异常，或要你先付\n钱？先辨别是不是诈骗\n" + "─" * 30
    )
    assert rule("Short", 20) == "────── Short ───────"


def test_an_instruction_longer_than_a_line_is_broken_onto_indented_lines() -> None:
    from wallet_doctor.render.wrap import prompt_lines

    _, instruction, _ = prompt_lines(
        "What happens?", "Question 3 of about 12 (↑↓ or a number to move, Enter to choose)", 50
    )

    assert instruction == "\n  Question 3 of about 12 (↑↓ or a number to move,\n  Enter to choose)"
