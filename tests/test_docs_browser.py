"""The offline HTML troubleshooter in a real headless Chromium: a person picks a tree, clicks choices, goes
back across a jump, starts over and reaches an outcome, exactly as the engine walks. Skips where there is
no Chromium (`apt-get install chromium`)."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path
from typing import Any

import pytest

from tests.browser import Page, find_chromium, open_page
from wallet_doctor.docs import generate
from wallet_doctor.engine import Walk
from wallet_doctor.model import Catalog
from wallet_doctor.paths import all_paths
from wallet_doctor.render.data import outcome_data
from wallet_doctor.sources import open_catalog

pytestmark = pytest.mark.e2e

# What the page shows, read from the DOM: the same whole-view assertion for every step of a walk.
VIEW = """(() => {
  const texts = (selector) => [...document.querySelectorAll(selector)].map((e) => e.textContent);
  const card = document.querySelector("main .card");
  return {
    node: card.dataset.node || null,
    eyebrow: texts("main .card > .eyebrow")[0] || null,
    heading: card.querySelector("h2").textContent,
    help: texts("main details.help p")[0] || null,
    choices: texts("main .choices button"),
    severity: texts("main .severity")[0] || null,
    summary: texts("main .summary")[0] || null,
    steps: [...document.querySelectorAll("main ol.steps > li")].map((li) => li.classList.contains("conditional")
      ? [
        li.querySelector(".condition").textContent,
        [...li.querySelectorAll(".substeps > li")].map((s) => s.textContent),
      ]
      : [li.textContent, li.className]),
    sections: [...document.querySelectorAll("main .card section")]
      .map((s) => [s.querySelector("h3").textContent, [...s.querySelectorAll("li")].map((li) => li.textContent)]),
    related: texts("main .related button"),
    controls: [...document.querySelectorAll("main .controls button")]
      .map((b) => (b.disabled ? `(${b.textContent})` : b.textContent)),
    path: texts("main .path li"),
  };
})()"""


def chromium() -> str:
    found = find_chromium()
    if found is None:
        pytest.skip("no Chromium on PATH: `apt-get install chromium` to run the browser tests")
    return found


def keep(page: Page, tmp_path: Path, name: str) -> Path:
    """A screenshot in tmp_path, copied to $WALLET_DOCTOR_SCREENSHOTS too when set, for a person to look at."""
    shot = page.screenshot(tmp_path / name)
    if folder := os.environ.get("WALLET_DOCTOR_SCREENSHOTS"):
        Path(folder).mkdir(parents=True, exist_ok=True)
        shutil.copy(shot, Path(folder) / name)
    return shot


def question(
    tree: str, node: str, heading: str, why: str, choices: list[str], path: list[str], back: bool
) -> dict[str, Any]:
    """The whole view of a question: `tree` is the title of the tree it belongs to."""
    return {
        "node": node,
        "eyebrow": tree,
        "heading": heading,
        "help": why,
        "choices": choices,
        "severity": None,
        "summary": None,
        "steps": [],
        "sections": [],
        "related": [],
        "controls": [
            "Go back one question" if back else "(Go back one question)",
            "Start over",
            "Copy link",
            "All problems",
        ],
        "path": path,
    }


@pytest.fixture
def page_url(catalog: Catalog, tmp_path: Path) -> str:
    generate(catalog, tmp_path / "site", ["en", "zh-CN"], ["html"])
    return (tmp_path / "site" / "en" / "troubleshooter.html").as_uri()


def test_a_person_walks_a_tree_through_a_jump_to_an_outcome_and_back(page_url: str, tmp_path: Path) -> None:
    with open_page(chromium()) as page:
        page.open(page_url)
        assert page.evaluate("[...document.querySelectorAll('.trees button')].map(b => b.innerText)") == [
            "What is wrong?\nFind the right diagnosis.",
            "Cannot log in\nWhy logging in fails.",
            "Network or account?\nTell a network problem from an account problem.",
        ]

        page.click('.trees button[data-tree="network"]')
        assert page.evaluate(VIEW) == question(
            "Network or account?",
            "net_other_apps",
            "Do other apps work?",
            "If they fail too, it is the network.",
            ["They work", "They fail too"],
            [],
            back=False,
        )

        page.click(".choices button", "They work")
        page.click(".choices button", "Yes")  # a jump: the walk continues at the start of tree login
        assert page.evaluate(VIEW) == question(
            "Cannot log in",
            "login_symptom",
            "What happens when you log in?",
            "Read the message.",
            ["Wrong password", "No SMS code"],
            ["Do other apps work? → They work", 'Does the wallet say "account abnormal"? → Yes'],
            back=True,
        )

        page.click(".choices button", "Wrong password")
        assert page.evaluate(VIEW) == {
            "node": "login_reset",
            "eyebrow": "Diagnosis",
            "heading": "Reset the password",
            "help": None,
            "choices": [],
            "severity": "Severity: low",
            "summary": "The password is wrong.",
            "steps": [
                ['Tap "Forgot password".', ""],
                ["Contact support only through the help section inside the wallet app.", ""],
                ["⚠ Warning Real support never asks for your codes.", "warning"],
            ],
            "sections": [],
            "related": [],
            "controls": ["Go back one question", "Start over", "Print", "Copy link", "All problems"],
            "path": [
                "Do other apps work? → They work",
                'Does the wallet say "account abnormal"? → Yes',
                "What happens when you log in? → Wrong password",
            ],
        }
        assert page.evaluate("location.hash") == (
            "#tree=network&a=net_other_apps.pass&a=net_notice.shown&a=login_symptom.wrong_password"
        )
        keep(page, tmp_path, "outcome.png")

        page.click(".controls button", "Go back one question")
        assert page.evaluate(VIEW)["node"] == "login_symptom"
        page.click(".controls button", "Go back one question")  # back across the jump
        assert page.evaluate(VIEW)["node"] == "net_notice"
        page.click(".choices button", "No")
        assert page.evaluate(VIEW)["related"] == ["Cannot log in"]
        page.click(".related button", "Cannot log in")  # a related tree starts afresh
        assert (page.evaluate(VIEW)["node"], page.evaluate(VIEW)["path"]) == ("login_symptom", [])

        page.click(".controls button", "Start over")
        assert page.evaluate(VIEW)["node"] == "login_symptom"
        page.click(".controls button", "All problems")
        assert page.evaluate("document.querySelectorAll('.trees button').length") == 3


def test_the_outcome_nests_conditional_steps_and_shows_each_section_once(page_url: str, tmp_path: Path) -> None:
    with open_page(chromium(), 900, 900) as page:
        page.open(page_url + "#tree=network")
        page.click(".choices button", "They fail too")
        view = page.evaluate(VIEW)

        assert (view["steps"], view["sections"]) == (
            [
                ["Switch to mobile data.", ""],
                ["⚠ Warning Do not move money over public Wi-Fi.", "warning"],
                ["If a transfer was already sent:", ["Check its status in the transaction history."]],
            ],
            [
                [
                    "Contacting support safely",
                    [
                        "Contact support only through the help section inside the wallet app.",
                        "⚠ Warning Real support never asks for your codes.",
                    ],
                ],
                [
                    "Have these ready before you contact support",
                    ["The transaction number", "A screenshot of the error"],
                ],
                ["If that does not work", ["If it is still down in a week, complain."]],
                ["Later, to keep it from happening again", ["Note your carrier's support number."]],
            ],
        )
        assert page.evaluate("document.querySelectorAll('.checklist input[type=checkbox]').length") == 2
        keep(page, tmp_path, "outcome-network.png")
        page.resize(360, 740)
        keep(page, tmp_path, "outcome-narrow.png")
        assert page.evaluate("document.documentElement.scrollWidth <= 360"), "the page scrolls sideways on a phone"
        page.resize(900, 900)
        page.media("print")
        keep(page, tmp_path, "outcome-print.png")
        assert page.evaluate("getComputedStyle(document.querySelector('.controls')).display") == "none"


def test_the_address_keeps_the_walk_and_the_other_language_follows_it(page_url: str) -> None:
    with open_page(chromium()) as page:
        page.open(page_url + "#tree=triage&a=triage_problem.login")
        assert page.evaluate(VIEW)["node"] == "login_symptom"
        link = page.evaluate("document.querySelector('a[hreflang=zh-CN]').href")
        assert link.endswith("/zh-CN/troubleshooter.html#tree=triage&a=triage_problem.login")

        page.open(link)
        assert (page.evaluate(VIEW)["heading"], page.evaluate(VIEW)["choices"]) == (
            "登录时看到什么？",
            ["密码错误", "收不到短信"],
        )

        # An address with an answer the walk does not ask stops at the last real step and says so in the address.
        page.open(page_url + "#tree=triage&a=triage_problem.login&a=nonsense.x")
        assert page.evaluate(VIEW)["node"] == "login_symptom"
        assert page.evaluate("location.hash") == "#tree=triage&a=triage_problem.login"


def covering_walks(catalog: Catalog) -> list[Walk]:
    """Walks that together start every tree and take every choice, follow every jump and reach every
    outcome at least once."""
    picked: list[Walk] = []
    seen: set[tuple[str, str] | str] = set()
    for tree_id in sorted(catalog.trees):
        for index, walk in enumerate(all_paths(catalog, tree_id)):
            assert walk.outcome is not None
            steps = {(a.question.id, a.choice.id) for a in walk.answers} | {walk.outcome.id}
            if index == 0 or not steps <= seen:
                seen |= steps
                picked.append(walk)
    return picked


# Go to each address in turn and read where the page's own walk ended, what the address says after, and
# every step, thing to prepare and escalation shown (text, and whether it is set apart as a warning).
FOLLOW = """(async (hashes) => {
  const reached = [];
  for (const hash of hashes) {
    await new Promise((done) => { window.addEventListener("hashchange", done, { once: true }); location.hash = hash; });
    const shown = "main .card.outcome :is(ol.steps, .substeps, section > ul) > li:not(.conditional)";
    const items = [...document.querySelectorAll(shown)].map((li) => [
      li.querySelector("span.text").textContent, li.classList.contains("warning"),
    ]);
    reached.push([document.querySelector("main .card").dataset.node, location.hash.slice(1), items]);
  }
  return reached;
})"""


def test_the_page_walks_as_the_engine_does_through_every_choice_of_the_built_in_trees(tmp_path: Path) -> None:
    catalog = open_catalog()
    walks = covering_walks(catalog)
    hashes = ["&".join([f"tree={w.tree}", *(f"a={a.question.id}.{a.choice.id}" for a in w.answers)]) for w in walks]
    generate(catalog, tmp_path, ["zh-CN"], ["html"])

    with open_page(chromium()) as page:
        page.open((tmp_path / "zh-CN" / "troubleshooter.html").as_uri())
        reached = page.evaluate(f"{FOLLOW}({json.dumps(hashes)})")

    assert len(walks) > 100
    assert reached == [[w.outcome.id, h, shown_items(catalog, w)] for w, h in zip(walks, hashes, strict=True)]


def test_none_of_these_describe_it_opens_the_box_for_words_with_the_cursor_in_it(tmp_path: Path) -> None:
    catalog = open_catalog()
    generate(catalog, tmp_path, ["en"], ["html"])
    page_url = (tmp_path / "en" / "troubleshooter.html").as_uri()

    with open_page(chromium()) as page:
        page.open(page_url + "#tree=triage&a=triage_problem.other&a=triage_other.not_sure")
        page.click("main .choices button", catalog.node("triage_other_what").choice("describe").label.get("en"))  # type: ignore[union-attr]

        assert page.evaluate("document.activeElement.id") == "query"
        assert page.evaluate("document.querySelector('main .card').dataset.node") == "triage_describe"
        assert page.evaluate(f"{TYPE_PAGES}('Apple Pay charged me twice')")[0] == "tx_charged_twice"
        page.evaluate("history.back()")
        page.wait_for("document.querySelector('main .card').dataset.node === 'triage_other_what'")
        # The page's own Back button does the same.
        page.evaluate("history.forward()")
        page.wait_for("document.querySelector('main .card').dataset.node === 'triage_describe'")
        page.click("main .controls .back")

        assert page.evaluate("document.querySelector('main .card').dataset.node") == "triage_other_what"


def shown_items(catalog: Catalog, walk: Walk) -> list[list[Any]]:
    """What the engine's JSON says the outcome lists: steps (a conditional group's in its place), then each
    section's items; nothing for a page shown as the box for typed words (`opens: describe`)."""
    assert walk.outcome is not None
    if walk.outcome.opens == "describe":
        return []
    outcome = outcome_data(catalog, walk.outcome, "zh-CN")
    steps = [inner for step in outcome["steps"] for inner in step.get("steps", [step])]
    items = steps + [item for section in outcome["sections"] for item in section["items"]]
    return [[item["text"], item["warning"]] for item in items]


# Type a query as a person does (the input event), and read the trees the page offers, closest first.
TYPE = """((query) => {
  const input = document.querySelector("#query");
  input.value = query;
  input.dispatchEvent(new Event("input", { bubbles: true }));
  return [...document.querySelectorAll(".trees.matches button")].map((b) => b.dataset.tree);
})"""
TYPE_PAGES = """((query) => {
  const input = document.querySelector("#query");
  input.value = query;
  input.dispatchEvent(new Event("input", { bubbles: true }));
  return [...document.querySelectorAll(".pages.matches button")].map((b) => b.dataset.page);
})"""

QUERIES = [
    "转账失败",
    "扣钱",
    "扣钱了但是对方没收到",
    "人脸识别失败",
    "提现手续费",
    "登录不了，提示账户异常",
    "冻结",
    "session expired",
    "cannot withdraw",
    "Transfer failed: the payee's account is restricted.",
    "my account was frozen after a refund call",
    "face verification failed",
    "seed phrase",
    "错误码 E1002：网络连接超时，请稍后再试",
    "password",
    "x",
    "[错误] (code: 0x1F) \\d+ .* $? ^提现|手续费 {2} a/b 转账+失败",  # what a regular expression would read
    "Withdrawal withdrawal WITHDRAW 提现 提现",  # repeats count once; case does not matter
    "STRASSE Straße ΟΔΟΣ",  # letters that casefold() folds further than lower case
    "send ETH, not something else",  # a Latin keyword counts only as a whole word
    "提现eth失败",  # beside Chinese it needs no space
    "my wallet app account money",  # common words count for nothing
    "我登陆不了，帐户被锁了，刷脸也过不了",  # variants folded: 登陆 → 登录, 帐户 → 账号, 刷脸 → 人脸识别
    "I withdrew it and the e-mail never came",  # withdrew → withdraw, e-mail → email, as whole words
    "3D Secure failed",  # "failed" is in most trees: only the trees near the best are offered
]


def test_the_page_finds_the_same_trees_and_pages_as_search_py_in_the_same_order(tmp_path: Path) -> None:
    from wallet_doctor.page_search import find_pages
    from wallet_doctor.search import search, shown

    catalog = open_catalog()
    generate(catalog, tmp_path, ["zh-CN", "en"], ["html"])
    expected = {query: [m.tree.id for m in shown(search(catalog, query))] for query in QUERIES}
    expected_pages = {
        query: [p.outcome.id for p in find_pages(catalog, query, search(catalog, query))] for query in QUERIES
    }

    for lang in ("zh-CN", "en"):
        with open_page(chromium()) as page:
            page.open((tmp_path / lang / "troubleshooter.html").as_uri())
            shown = {query: page.evaluate(f"{TYPE}({json.dumps(query)})") for query in QUERIES}
            shown_pages = {query: page.evaluate(f"{TYPE_PAGES}({json.dumps(query)})") for query in QUERIES}
        assert shown == expected
        assert shown_pages == expected_pages
    assert sum(len(pages) == 3 for pages in expected_pages.values()) >= 10  # pages found for most queries
    # The queries test something: most find several trees, in an order that is not the page's list order.
    assert sum(len(trees) > 1 for trees in expected.values()) >= 8
    assert expected["x"] == [] and expected["cannot withdraw"][0] == "withdrawal"
    assert len(expected["3D Secure failed"]) < len(search(catalog, "3D Secure failed"))  # weak matches left out


def test_a_person_types_words_picks_a_match_and_finds_the_words_still_there(page_url: str, tmp_path: Path) -> None:
    with open_page(chromium()) as page:
        page.open(page_url)
        assert page.evaluate("document.querySelector('label[for=query]').textContent") == (
            "Describe the problem in your own words, or paste the error message"
        )
        assert page.evaluate("[...document.querySelectorAll('.search-status, .matches')].map(e => e.hidden)") == [
            True,
            True,
            True,
        ]
        assert page.evaluate(f"{TYPE}('Error: network offline. I cannot login')") == ["network", "login"]
        assert page.evaluate("document.querySelector('.search-status').textContent") == "Closest first:"
        keep(page, tmp_path, "search.png")

        page.click(".matches button", "Network or account?Tell a network problem from an account problem.")
        assert page.evaluate(VIEW)["node"] == "net_other_apps"
        page.click(".controls button", "All problems")
        assert page.evaluate("document.querySelector('#query').value") == "Error: network offline. I cannot login"
        assert page.evaluate("location.hash") == ""  # what was typed never goes into the address

        assert page.evaluate(f"{TYPE}('nothing like it')") == []
        assert page.evaluate("document.querySelector('.search-status').textContent") == (
            "Nothing matched those words; please pick from the list below."
        )
        page.evaluate(f"{TYPE}('登不上')")
        page.evaluate("document.querySelector('#query').focus(); document.body.dataset.ready = '0'")
        enter = {"key": "Enter", "code": "Enter", "windowsVirtualKeyCode": 13}
        page.send("Input.dispatchKeyEvent", type="keyDown", text="\r", **enter)
        page.send("Input.dispatchKeyEvent", type="keyUp", **enter)
        page.wait_for("document.body.dataset.ready === '1'")
        assert page.evaluate(VIEW)["node"] == "login_symptom"  # Enter opens the closest match


def test_a_page_picked_from_the_search_marks_the_answer_that_leads_there_at_each_question(
    page_url: str, tmp_path: Path
) -> None:
    with open_page(chromium()) as page:
        page.open(page_url)
        assert page.evaluate(f"{TYPE_PAGES}('SMS')") == ["login_sms"]
        page.click(".pages button", "The SMS is blockedCannot log in")

        view = page.evaluate(VIEW)
        marked = page.evaluate("[...document.querySelectorAll('.choices button.suggested')].map(b => b.dataset.choice)")
        assert (view["node"], marked) == ("triage_problem", ["no_code"])  # asked, not answered for the person
        assert page.evaluate("document.querySelector('.page-way').textContent").startswith("The answer that leads")
        keep(page, tmp_path, "page-way.png")

        page.click(".choices button.suggested", "The verification code never arrives leads to the page you picked")
        assert page.evaluate(VIEW)["heading"] == "The SMS is blocked"
        page.click(".controls button", "All problems")
        page.open(page_url + "#tree=triage")
        assert page.evaluate("document.querySelectorAll('.choices button.suggested').length") == 0  # not kept


def test_copy_link_puts_the_address_of_this_step_on_the_clipboard_or_shows_it_to_copy(
    page_url: str, tmp_path: Path
) -> None:
    walk = "#tree=network&a=net_other_apps.pass"
    with open_page(chromium()) as page:
        page.send(
            "Browser.grantPermissions", browser=True, permissions=["clipboardReadWrite", "clipboardSanitizedWrite"]
        )
        page.send("Emulation.setFocusEmulationEnabled", enabled=True)  # a headless tab is never focused
        page.open(page_url + walk)
        page.evaluate("navigator.clipboard.writeText('before')")
        page.click(".controls button", "Copy link", renders=False)
        page.wait_for("document.querySelector('.copied p')")
        assert page.evaluate("navigator.clipboard.readText()") == page_url + walk
        assert page.evaluate("document.querySelector('.copied').textContent") == (
            "Link copied. It opens this very step on this computer; to send it to someone, put this page on a "
            "website first."
        )
        keep(page, tmp_path, "copied.png")

        # Where the browser refuses the clipboard, the link is shown, selected, for the person to copy.
        page.evaluate("navigator.clipboard.writeText = () => Promise.reject(new Error('denied'))")
        page.click(".choices button", "No")
        page.click(".controls button", "Copy link", renders=False)
        page.wait_for("document.querySelector('.copied input')")
        assert page.evaluate(
            "(() => { const f = document.querySelector('.copied input'); return [document.querySelector('.copied p')"
            ".textContent, f.value, f.selectionStart, f.selectionEnd, document.activeElement === f]; })()"
        ) == ["Copy this link:", page_url + walk + "&a=net_notice.not_shown", 0, len(page_url + walk) + 23, True]


@pytest.mark.parametrize(
    ("accept", "opens"),
    [
        ("zh-CN,zh;q=0.9,en;q=0.8", "zh-CN/troubleshooter.html#tree=login"),
        ("zh", "zh-CN/troubleshooter.html#tree=login"),
        ("zh-Hans-SG", "zh-CN/troubleshooter.html#tree=login"),
        ("en-GB,en", "en/troubleshooter.html#tree=login"),
        ("zh-TW,en-US", "en/troubleshooter.html#tree=login"),  # Traditional Chinese is not ours: the next one is
        ("fr-FR,de", "index.html#tree=login"),  # no language we speak: the person picks
    ],
)
def test_the_root_index_opens_the_troubleshooter_in_the_browsers_language(
    catalog: Catalog, tmp_path: Path, accept: str, opens: str
) -> None:
    generate(catalog, tmp_path, ["zh-CN", "en"], ["html"])
    with open_page(chromium()) as page:
        page.send("Emulation.setUserAgentOverride", userAgent="Mozilla/5.0", acceptLanguage=accept)
        page.open((tmp_path / "index.html").as_uri() + "#tree=login")
        assert page.evaluate("location.href") == (tmp_path.as_uri() + "/" + opens)


def test_the_root_index_lists_every_language_in_its_own_words(catalog: Catalog, tmp_path: Path) -> None:
    generate(catalog, tmp_path, ["zh-CN", "en"], ["html"])
    with open_page(chromium(), 390, 844) as page:
        page.send("Emulation.setUserAgentOverride", userAgent="Mozilla/5.0", acceptLanguage="fr")
        page.open((tmp_path / "index.html").as_uri())
        assert page.text() == (
            "钱包问题排查\nWallet troubleshooter\n\n请选择语言\nChoose your language\n\n"
            "简体中文\n钱包问题排查\nEnglish\nWallet troubleshooter"
        )
        keep(page, tmp_path, "index-phone.png")
        page.evaluate("document.body.dataset.ready = '0'")
        page.evaluate("document.querySelector('a[hreflang=zh-CN]').click()")
        page.wait_for("document.body && document.body.dataset.ready === '1' && location.href.includes('zh-CN')")
        assert page.evaluate("document.querySelector('main .card h2').textContent") == "遇到了什么问题？选一项开始。"


def test_copy_link_on_a_website_says_the_link_can_be_sent(catalog: Catalog, tmp_path: Path) -> None:
    import functools
    import http.server
    import threading

    generate(catalog, tmp_path, ["en"], ["html"])
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(tmp_path))
    handler.log_message = lambda *args: None  # type: ignore[attr-defined]
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}/en/troubleshooter.html#tree=login"
        with open_page(chromium()) as page:
            clipboard = ["clipboardReadWrite", "clipboardSanitizedWrite"]
            page.send("Browser.grantPermissions", browser=True, permissions=clipboard)
            page.send("Emulation.setFocusEmulationEnabled", enabled=True)
            page.open(url)
            page.click(".controls button", "Copy link", renders=False)
            page.wait_for("document.querySelector('.copied p')")
            assert page.evaluate("navigator.clipboard.readText()") == url
            assert page.evaluate("document.querySelector('.copied').textContent") == (
                "Link copied. Whoever opens it sees this very step; you can use it to come back here too."
            )
    finally:
        server.shutdown()
        server.server_close()
