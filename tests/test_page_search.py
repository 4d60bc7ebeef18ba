"""Typed words find the page (the outcome) that fits, with the answers that lead to it: the pages that live in
triage itself (a lost phone, identity misuse, complaints) too, which no tree's keywords reach."""

from __future__ import annotations

import heapq

import pytest

from wallet_doctor.engine import drive
from wallet_doctor.model import TRIAGE, Catalog, Jump, Outcome, Question
from wallet_doctor.page_search import find_pages, pages, ways_in
from wallet_doctor.search import search
from wallet_doctor.sources import open_catalog


@pytest.fixture(scope="module")
def builtin() -> Catalog:
    return open_catalog([], builtin=True)


def pages_for(catalog: Catalog, query: str) -> list[str]:
    return [page.outcome.id for page in find_pages(catalog, query, search(catalog, query))]


# A writer's words (from the real reports walked in tests/walks/reports/, shortened as a person types them), and
# the page among the three offered. The first ones live in triage, where no tree's keywords lead.
@pytest.mark.parametrize(
    ("query", "page"),
    [
        ("my phone was stolen", "triage_phone_lost"),
        ("手机丢了 支付宝怎么办", "triage_phone_lost"),
        ("有人用我的身份证办了手机卡", "fraud_identity_misuse"),
        ("someone opened a loan in my name", "fraud_identity_misuse"),
        ("I want to complain about the wallet company", "triage_complain"),
        ("投诉 支付机构", "triage_complain"),
        ("孩子用我的手机买了游戏装备", "triage_refund_mistake"),
        ("营业执照注销 商户号被限制", "pay_merchant_restricted"),
        ("公安冻结银行卡", "block_authority_freeze"),
        ("提现到银行卡显示成功但是没到账", "wd_completed_not_in_bank"),
        ("withdrawal completed but not in my bank", "wd_completed_not_in_bank"),
        ("转错账了 转给了陌生人", "tx_wrong_recipient"),
        ("sent USDT on the wrong network", "sc_wrong_network_platform"),
        ("charged twice", "tx_charged_twice"),
        # heldout30 E7, Z9 (c25o): a sender claiming misdirected money from the recipient; a paid service's account
        # the sign-in says doesn't exist.
        ("Zelle wrong person demand letter small claims", "tx_wrong_claim_recipient"),
        ("转错人 对方不退钱 起诉", "tx_wrong_claim_recipient"),
        ("无法找回账号 没有这个邮箱", "tx_merchant_login"),
        # heldout28-31 (rounds 25 and 26): the pages written for the writers' own situations.
        ("反诈中心 短信 预警", "fraud_official_warning"),
        ("直播 打赏 退款", "fraud_platform_tipping"),
        ("terminal declined", "tx_tap_declined"),
        ("需要身份验证 买币", "pay_kyc_required"),
        ("XRP reserve insufficient balance", "sc_reserve_held"),
        ("被骗后银行卡被冻结", "block_victim_frozen"),
        ("去广告规则 乘车码打不开", "net_proxy_rules"),
        ("交通联合 刷卡机 刷不了", "tx_reader_incompatible"),
        ("card removed from Apple Pay", "triage_card_gone"),
        ("小额免密", "triage_no_password"),
        # heldout36 E8, heldout37 E7 and Z11 (c29d): a drained wallet, coins still locked by stacking, a QR code that
        # won't scan.
        ("all my tokens gone", "sc_compromised"),
        ("wallet drained", "sc_compromised"),
        ("STX stacking locked unstack", "sc_staked_locked"),
        ("staked coins locked cannot send", "sc_staked_locked"),
        ("旧钱包 转出 失败 扫二维码", "sc_qr_address"),
        # heldout43 Z3, Z5, E2, E3 (c33a): money from a stranger, a PayPal refund with no reply, a parcel-postage
        # text, a look-alike exchange that "a third party keeps locking".
        ("突然收到 不认识的人 转账", "triage_unknown_received"),
        ("陌生人 转钱给我", "triage_unknown_received"),
        ("不明 入账", "triage_unknown_received"),
        ("别人转错钱给我", "triage_unknown_received"),
        ("stranger sent me money", "triage_unknown_received"),
        ("paypal 申请退款 无人回复", "triage_complain"),
        ("text from Post Office underpaid postage entered my debit card details", "fraud_secret_shared"),
        ("trading account withdraw fails third party locking", "fraud_invest_scam"),
        # heldout43 E5, E6, E11, E12 (c33b): a jailbreak update, a wallet broken by every system update, a selfie video
        # rejected as out of focus, a Binance withdrawal still "processing".
        ("jailbreak update wallet black screen Apple Pay", "dev_jailbreak_ios"),
        ("越狱后 Apple Pay 用不了", "dev_jailbreak_ios"),
        ("wallet stuck on splash screen after every system update", "upd_sc_after_system_update"),
        ("video identity check keeps failing", "open_verify_failed"),
        ("selfie video rejected out of focus", "open_verify_failed"),
        ("视频认证一直不通过", "login_verify_failed"),
        ("withdrawal from Binance still says processing", "wd_exchange_review"),
        ("Binance withdrawal processing", "wd_exchange_review"),
        ("币安提币一直处理中", "wd_exchange_review"),
        # heldout44 Z4, E4, E8, E11, E12 (c33c): a seller's dispute, a browser the site turns away, a closure over a
        # promotion, a phone-wallet card number that changes with the device.
        ("PayPal 买家投诉 争议 账号被禁用 卖家", "block_buyer_dispute"),
        ("PayPal dispute seller account limited", "block_buyer_dispute"),
        ("trouble verifying you", "net_browser_check"),
        ("security check spinner", "net_browser_check"),
        ("works in Chrome but not Firefox", "net_browser_check"),
        ("unable to log into paypal after browser update", "net_browser_check"),
        ("account closed balance", "block_terms_violation"),
        ("account closed gift claimed many times credit", "block_terms_violation"),
        ("Apple Pay subscription declined after upgrade", "triage_card_gone"),
        # heldout45 E6, E7, E8, Z5 and heldout46 E5, E7, E8, E11 (c34h): an advance-fee e-mail, chains named by the
        # writer (Ink, Smart Chain, BEP20), a token's contract address, a reinstall that shows 0, a refused
        # connection, SMS codes refused, a solo-mining reward.
        ("pay 68$ fee for the exchange from bitcoin to dollar to get a transfer", "fraud_overpayment"),
        ("emails say I have to pay a fee to receive a transfer", "fraud_overpayment"),
        ("paid exchange fee to receive money nothing happened", "fraud_paid"),
        ("sent ETH from MetaMask to Trust wallet never arrived", "sc_tx_confirmed"),
        ("ETH never made it to my trust account explorer inkonchain", "sc_wrong_network_own"),
        ("sent ETH on Ink instead of Ethereum", "sc_wrong_network_own"),
        ("sent on Arbitrum wallet doesn't show", "sc_wrong_network_own"),
        ("mistakenly sent Smart Chain BNB at Trust to Ethereum ETH at Coinbase", "sc_wrong_network_platform"),
        ("sent BSC BNB to Coinbase Ethereum address", "sc_wrong_network_platform"),
        ("USDT sent to token contract address", "sc_wrong_address"),
        ("copied the token ID instead of wallet address USDT sent to incorrect smart contract", "sc_wrong_address"),
        ("reinstalled Trust Wallet recovered shows 0 balance", "sc_check_old_address"),
        ("connection refused server address", "sc_node_unreachable"),
        ("got 2 different 2FA SMS and none of them working", "login_code_expired"),
        ("SOLO 爆块 奖励 没到账", "sc_reward_missing"),
        ("mining pool payout not received", "sc_reward_missing"),
        ("Chia farming reward not in wallet", "sc_reward_missing"),
        # heldout47 E15, E13, E18 and heldout48 Z4, E5 (c35j): coins stolen from Electrum, a cash-out the bank didn't
        # accept, an Apple Cash seller who vanished, a BTC transfer pending for weeks, "network error" with no history.
        ("All BTC coins were stolen from my Electrum wallet", "sc_compromised"),
        ("my bank didnt accept the transfers i dont have my coins back TransFi", "sc_cashout_stuck"),
        ("sent money Apple Cash, seller disappeared", "fraud_deposit_vanished"),
        ("Apple Cash seller vanished", "fraud_deposit_vanished"),
        ("订单pending多久会自动取消", "sc_tx_unconfirmed"),
        ("BTC 一直未确认", "sc_tx_unconfirmed"),
        ("UniSat 比特币 交易 pending", "sc_tx_unconfirmed"),
        ("network error wallets not loading transaction history", "sc_node_unreachable"),
        # heldout47 Z1, E3, E4, E5 and heldout48 E4 (c35l): a framework the bank app names (太极), a permanent
        # restriction, a genuine cheque (not the fake-cheque page alone), money a scammed relative sent in, a wallet
        # that crashes since a custom-system build.
        ("太极", "dev_modified"),
        ("工商银行APP打开提示检测到太极包名然后自动关闭", "dev_modified"),
        ("Apple Cash permanently restricted", "block_permanent_limit"),
        ("froze my accounts over a genuine cheque", "block_large_payment_review"),
        (
            "Santander froze all my accounts over a genuine cheque from HMRC tax rebate, left me with no money",
            "block_large_payment_review",
        ),
        ("unexpected money deposited family member safe account frozen", "block_received_innocent"),
        ("relative scammed sent money to my account safe account", "block_received_innocent"),
        ("家人被骗 钱转到我的账户 安全账户 冻结", "block_received_innocent"),
        ("GrapheneOS update Google Wallet keeps crashing on startup", "upd_custom_os_regression"),
    ],
)
def test_a_writers_words_offer_the_page_that_fits(builtin: Catalog, query: str, page: str) -> None:
    assert page in pages_for(builtin, query)


def test_a_phishing_e_mail_about_a_suspended_account_offers_the_scam_page_before_the_dormant_one(
    builtin: Catalog,
) -> None:
    # heldout43 E14 (c33a): "account suspended" e-mails from a fake PayPal ranked the re-activation page first.
    found = pages_for(builtin, "emails from PayPal account suspended verify your account scam")

    assert "fraud_scam_stop" in found
    assert "block_dormant" not in found[: found.index("fraud_scam_stop")]


def test_a_hacked_and_drained_account_is_offered_the_takeover_pages_before_the_crypto_one(builtin: Catalog) -> None:
    # c24p: a PayPal or wallet user's "hacked" and "drained" found only the crypto "keys compromised" page.
    offered = pages_for(builtin, "my account was hacked and drained")

    assert offered[:2] == ["login_account_takeover", "triage_unknown_activity"]


def test_each_page_offered_comes_with_answers_that_reach_it_from_its_tree_and_from_triage(builtin: Catalog) -> None:
    pages = find_pages(builtin, "my phone was stolen", search(builtin, "my phone was stolen"), limit=3)

    for page in pages:
        assert drive(builtin, page.tree, dict(page.answers)).outcome == page.outcome
        assert drive(builtin, TRIAGE, dict(page.from_triage)).outcome == page.outcome


def test_every_outcome_has_a_shortest_way_in_that_replays_to_it(builtin: Catalog) -> None:
    outcomes = {n.id for t in builtin.trees.values() for n in t.nodes.values() if isinstance(n, Outcome)}
    from_triage = ways_in(builtin, TRIAGE)

    assert set(from_triage) == outcomes  # every page can be walked to from the first question
    for outcome_id, way in from_triage.items():
        assert drive(builtin, TRIAGE, dict(way)).outcome.id == outcome_id  # type: ignore[union-attr]


def fewest_answers(catalog: Catalog, tree_id: str) -> dict[str, int]:
    """The fewest answers from a tree's start to each node, by Dijkstra's algorithm: an answer costs one, a
    jump nothing."""
    start = catalog.trees[tree_id].start
    fewest, pending = {start: 0}, [(0, start)]
    while pending:
        taken, node_id = heapq.heappop(pending)
        if taken > fewest[node_id]:
            continue
        node = catalog.node(node_id)
        following: list[tuple[str, int]] = []
        if isinstance(node, Jump):
            following = [(node.landing(catalog.trees[node.target]), taken)]
        elif isinstance(node, Question):
            following = [(choice.next, taken + 1) for choice in node.choices]
        for next_id, cost in following:
            if cost < fewest.get(next_id, cost + 1):
                fewest[next_id] = cost
                heapq.heappush(pending, (cost, next_id))
    return fewest


def test_every_way_in_takes_the_fewest_answers_a_jump_costing_none(builtin: Catalog) -> None:
    # A breadth-first search that queued a jump's landing behind the next answers' nodes gave 15 pages a way
    # from triage one answer longer than they have.
    for tree_id in builtin.trees:
        fewest = fewest_answers(builtin, tree_id)
        longer = {o: len(way) for o, way in ways_in(builtin, tree_id).items() if len(way) != fewest[o]}

        assert longer == {}, tree_id


def test_the_way_in_takes_the_fewest_answers_and_follows_jumps(catalog: Catalog) -> None:
    # tests/trees/valid: network's check ends at once on "fail"; "account abnormal" jumps into login.
    assert ways_in(catalog, "network") == {
        "net_is_network": (("net_other_apps", "fail"),),
        "net_is_app": (("net_other_apps", "pass"), ("net_notice", "not_shown")),
        "login_reset": (("net_other_apps", "pass"), ("net_notice", "shown"), ("login_symptom", "wrong_password")),
        "login_sms": (("net_other_apps", "pass"), ("net_notice", "shown"), ("login_symptom", "no_sms")),
    }


def test_a_page_s_command_starts_at_its_own_tree(catalog: Catalog) -> None:
    (page,) = find_pages(catalog, "SMS", [], limit=1)

    assert (page.outcome.id, page.tree, page.answers) == ("login_sms", "login", (("login_symptom", "no_sms"),))


def test_an_inflected_english_word_finds_the_page_written_with_its_plain_form(builtin: Catalog) -> None:
    assert pages_for(builtin, "my withdrawals got returned")[0] == "wd_returned_account_refused"


def test_a_page_s_command_takes_no_answers_from_another_tree_s_subject(builtin: Catalog) -> None:
    # The router's proxy page is reached in fewer answers through app_update ("my crypto balance shows zero").
    (page,) = [p for p in pages(builtin) if p.outcome.id == "net_proxy_router"]

    assert page.tree == "network"
    assert drive(builtin, "network", dict(page.answers)).outcome == page.outcome


def test_words_no_page_uses_offer_nothing(builtin: Catalog) -> None:
    assert pages_for(builtin, "zzz qqq") == []


def test_a_word_on_every_page_offers_nothing_by_itself(catalog: Catalog) -> None:
    texts = {page.outcome.id for page in find_pages(catalog, "the", [])}

    assert texts == set()
