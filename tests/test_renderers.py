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


# Whole outputs of one outcome with every part of the format: steps, a warning, a conditional group and all
# four sections (tests/trees/valid/network.yaml, net_is_network), and the head of a converted built-in one.


def test_markdown_nests_a_conditional_group_and_gives_each_section_once(cli) -> None:
    from tests.conftest import FIXTURE_FLAGS

    result = cli("run", "network", *FIXTURE_FLAGS, "-a", "net_other_apps=fail", "--format", "markdown")

    assert result.stdout == (
        "# Diagnosis: A network problem\n\n**Severity:** low\n\nThe network is down.\n\n"
        "## What to do, in this order\n\n"
        "1. Switch to mobile data.\n"
        "2. **Warning:** Do not move money over public Wi-Fi.\n"
        "3. *If a transfer was already sent:*\n"
        "   - Check its status in the transaction history.\n\n"
        "## Contacting support safely\n\n"
        "- Contact support only through the help section inside the wallet app.\n"
        "- **Warning:** Real support never asks for your codes.\n\n"
        "## Have these ready before you contact support\n\n"
        "- [ ] The transaction number\n- [ ] A screenshot of the error\n\n"
        "## If that does not work\n\n- If it is still down in a week, complain.\n\n"
        "## Later, to keep it from happening again\n\n- Note your carrier's support number.\n\n"
        "## Answered so far\n\n- Do other apps work? → They fail too\n"
    )


def test_a_case_report_carries_the_steps_and_sections_in_chinese(catalog) -> None:
    from datetime import UTC, datetime

    from wallet_doctor.engine import drive
    from wallet_doctor.report import report_data, report_markdown

    walk = drive(catalog, "network", {"net_other_apps": "fail"})
    report = report_data(walk, "zh-CN", datetime(2026, 11, 27, 10, 0, tzinfo=UTC))

    assert report["schema_version"] == 2
    assert [s["id"] for s in report["outcome"]["sections"]] == ["contact", "prepare", "escalate", "later"]
    assert report_markdown(report).split("## 已回答\n", 1)[1] == (
        "\n1. 其他应用能联网吗？ → **不能**\n\n"
        "## 诊断: 网络问题\n\n**严重程度:** 低\n\n网络不通。\n\n"
        "### 处理步骤\n\n"
        "1. 切换到移动数据。\n"
        "2. **注意:** 不要在公共 Wi-Fi 下转账。\n"
        "3. *如果转账已经发出：*\n"
        "   - 在交易记录里查看它的状态。\n\n"
        "### 安全地联系客服\n\n- 只通过钱包应用内的客服入口联系客服。\n- **注意:** 客服不会索要验证码。\n\n"
        "### 联系客服前请准备\n\n- [ ] 交易单号\n- [ ] 错误提示的截图\n\n"
        "### 如果还是没有解决\n\n- 一周后仍不通，投诉。\n\n"
        "### 以后如何防范\n\n- 记下运营商的客服电话。\n"
    )


def test_the_terminal_head_of_a_converted_outcome_at_50_columns_in_chinese() -> None:
    from wallet_doctor.render.data import outcome_data
    from wallet_doctor.render.terminal import make_console, outcome_head
    from wallet_doctor.sources import open_catalog

    catalog = open_catalog()
    outcome = catalog.node("tx_charged_twice")
    console = make_console(False, 50)
    with console.capture() as captured:
        console.print(outcome_head(outcome_data(catalog, outcome, "zh-CN"), "zh-CN"))  # type: ignore[arg-type]

    assert captured.get() == (
        "╭─  !!  严重程度：高  ───────────────────────────╮\n"
        "│ 同一次购买被扣了两次或多扣了一笔               │\n"
        "│ 第一次付款其实已经成功，却因为看起来失败而重   │\n"
        "│ 试，就可能被扣两次。多扣的那笔有时只是冻结占用 │\n"
        "│ （预授权），会自动消失；否则可以请商家退款，直 │\n"
        "│ 接用银行卡付的，商家不退，还可以找发卡银行发起 │\n"
        "│ 争议。                                         │\n"
        "╰────────────────────────────────────────────────╯\n"
        "处理步骤\n"
        "1. ⚠ 注意：不要再付第三次。\n"
        "2. 在钱包交易记录和银行账单里对比这两笔：状态（已\n"
        "   完成、处理中、冻结占用，还是“交易关闭”“失\n"
        "   败”）、金额、时间和订单号。显示“交易关闭”“已关\n"
        "   闭”或“失败”的那笔，一般是没付成功、没扣钱（扣过\n"
        "   的会原路退回），不用为它申请退款。\n"
        "3. 如果其中一笔只是冻结占用、商家没有扣走：\n"
        "   a. 等它自动消失，时间由发卡银行决定，以银行写明\n"
        "      的为准：例如英国 Monzo 银行说明通常约 8 天、\n"
        "      最长约 30 天。到时仍在，问发卡银行。\n"
        "4. 如果两笔都已完成：\n"
        "   a. 带上两笔交易的订单号联系商家，请他们退还多扣\n"
        "      的一笔；如果是钱包里的转账，改为联系钱包客\n"
        "      服。\n"
        "   b. 退回钱包余额一般很快；退回银行卡可能要几个工\n"
        "      作日，3 个工作日后再查一次账单。\n"
        "5. 如果这次付款开通了订阅、会员或试用，结果开了两\n"
        "   份：\n"
        "   a. 在商家的网站或应用的账户设置里取消多出来的那\n"
        "      份订阅，并保存取消成功的确认，免得下个周期再\n"
        "      扣两次。\n"
        "6. 如果多扣的那笔金额不同，或经另一个支付通道扣走\n"
        "   （商户名不一样），而你没有再付过款：\n"
        "   a. 点开这笔看是不是“免密支付”“代扣”“自动续费”：\n"
        "      是你没打算开通的，先在钱包的支付设置里关掉这\n"
        "      项授权。\n"
        "   b. 书面联系商家（邮件或官网工单），附上两笔的订\n"
        "      单号和截图，请他们说明并退还多扣的钱。\n"
        "   c. 商家不退或不回复，在钱包账单里点开多扣的那\n"
        "      笔，用它的“对此订单有疑问”“投诉”之类的入口提\n"
        "      出申诉（叫法因钱包而异）。\n"
        "7. 如果是在网站上直接用银行卡付的（中间没有钱\n"
        "   包），商家拒绝退款，或过了答应的时间还没退：\n"
        "   a. 打银行卡背面的电话（或在发卡银行的官方应用\n"
        "      里）对多扣的那笔提出交易争议（拒付，\n"
        "      chargeback），提供两笔交易的时间、金额、订单\n"
        "      号和你与商家的沟通记录；银行受理有时限，别拖\n"
        "      太久。\n"
    )
