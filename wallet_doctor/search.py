"""Find the tree for a symptom from typed words or a pasted error message, in either language."""

from __future__ import annotations

import re
from dataclasses import dataclass

from wallet_doctor.model import LANGUAGES, TRIAGE, Catalog, Tree

MAX_WORDS = 1000


@dataclass(frozen=True, slots=True)
class Match:
    """A tree that matches a query: its score (higher is better) and the keywords matched."""

    tree: Tree
    score: int
    matched: tuple[str, ...]


# Words too common in wallet problems to tell one tree from another: they never count as a word that starts a
# keyword (a keyword written whole in the query still counts). Short Latin words (to, in, my) never do either:
# "in" starts "inscription" and "import". The query is split at apostrophes, so "don't" is "don" and "t".
COMMON_WORDS = frozenset(
    """
    the and for with from this that have has had was were are but not you your get got can cannot won
    don didn doesn isn wasn aren couldn haven its his her our they them their what when where which
    how why who all any some just still now then than there here into onto out about after before been
    being will would should could also very too wallet wallets app apps account accounts money help please
    problem issue error does did pay alipay paypal
    com www http https html org
    """.split()  # noqa: SIM905 (a list of words reads best as text)
)
MIN_WORD = 3  # a query word starts counting at three characters
# A tree is offered to a person (the text output, the wizard, the help centre) when it scores at least this share
# of the best tree's score: a word common to many keywords ("failed") otherwise listed nine trees after the one
# that fits. Measured on the 96 labeled real reports (README, "Finding a page"): a fifth drops the right tree for
# one report whose right tree was not first anyway, a quarter for two; the JSON keeps every match and its score.
SHOWN_SHARE = 0.2
# A keyword found whole in the query counts only where it stands as a word: "eth" in "something" does not.
# A Latin letter or digit at the keyword's edge must not touch another letter or digit in the query; Chinese
# (and Japanese, Korean) characters need no spaces, so they may touch anything.
_CJK = "\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef"
_WORDLIKE = re.compile(f"[^\\W{_CJK}]")


# Words people write for the same thing, folded to one form in the query and in the keywords alike, in this
# order: Chinese variants anywhere in the text (登陆 is a common slip for 登录; 付款 and 支付 are one act), English
# forms only as whole words ("withdrew" finds "withdraw"; "sent" inside "present" is left alone).
TEXT_FOLDS: tuple[tuple[str, str], ...] = (
    ("支付宝", "alipay"),  # first: the brand is no payment word ("支付" inside "支付宝" found the payment trees)
    ("登陆", "登录"),
    ("帐号", "账号"),
    ("帐户", "账号"),
    ("账户", "账号"),
    ("付款", "支付"),
    ("刷脸", "人脸识别"),
    ("人脸验证", "人脸识别"),
    ("面部识别", "人脸识别"),
    ("无法启动", "打不开"),
    ("启动不了", "打不开"),
    ("无法打开", "打不开"),
    ("接收不到", "收不到"),
    ("校验码", "验证码"),
)
WORD_FOLDS: tuple[tuple[str, str], ...] = (
    ("withdrew", "withdraw"),
    ("withdrawn", "withdraw"),
    ("logged", "log"),
    ("signed", "sign"),
    ("e-mail", "email"),
    ("crashing", "crash"),
    ("crashes", "crash"),
    ("crashed", "crash"),
)
_WORD_FOLD = re.compile(r"(?<!\w)(" + "|".join(re.escape(a) for a, _ in WORD_FOLDS) + r")(?!\w)")
_WORD_FOLD_TO = dict(WORD_FOLDS)


def fold(text: str) -> str:
    """`text` as search compares it: casefolded, and written the way the keywords are (TEXT_FOLDS, WORD_FOLDS)."""
    text = text.casefold()
    for variant, form in TEXT_FOLDS:
        if variant in text:
            text = text.replace(variant, form)
    return _WORD_FOLD.sub(lambda m: _WORD_FOLD_TO[m[1]], text)


def search(catalog: Catalog, query: str) -> list[Match]:
    """Trees whose keywords or titles match `query`, best first. A keyword or title found whole in the query
    (as a word, for Latin script) scores three times its length; each other query word that starts a word of
    one of a tree's keywords or title scores its length, once per tree (so a word repeated across many keywords
    does not outweigh a precise one). Chinese needs no spaces."""
    query_folded = fold(query)
    split = re.split(r"[\s,.;:!?，。；：！？、\"'“”()（）]+", query_folded)
    # A pasted message has a few dozen words; the first MAX_WORDS distinct ones are plenty (50,000 took 3 s).
    distinct = list(dict.fromkeys(w for w in split if len(w) >= MIN_WORD and w not in COMMON_WORDS))
    words = set(distinct[:MAX_WORDS])
    # One pattern for every word, compiled once (one a word and keyword cost 11 s for 1,000 words): at each
    # start of a word in a keyword, the longest query word found there.
    alternatives = "|".join(re.escape(w) for w in sorted(words, key=lambda w: (-len(w), w)))
    starts = re.compile(rf"(?:^|(?<=\W))(?=({alternatives}))") if words else None
    matches = []
    for tree in catalog.trees.values():
        if tree.id == TRIAGE:
            continue
        found: dict[str, int] = {}
        word_found: dict[str, str] = {}  # query word -> the first keyword it starts a word of
        for lang in LANGUAGES:
            for keyword in (*tree.keywords_in(lang), tree.title.get(lang)):
                folded = fold(keyword)
                if folded and _whole(folded, query_folded):
                    found[keyword] = 3 * len(folded)
                    continue
                if starts:
                    for match in starts.finditer(folded):
                        word_found.setdefault(match[1], keyword)
        for word, keyword in word_found.items():
            found[keyword] = found.get(keyword, 0) + len(word)
        if found:
            matches.append(Match(tree, sum(found.values()), tuple(sorted(found))))
    return sorted(matches, key=lambda m: (-m.score, m.tree.id))


def shown(matches: list[Match]) -> list[Match]:
    """The matches worth offering a person: those scoring at least SHOWN_SHARE of the best (`search`'s order)."""
    best = matches[0].score if matches else 0
    return [m for m in matches if m.score >= best * SHOWN_SHARE]


def _whole(keyword: str, query: str) -> bool:
    """Whether `keyword` stands in `query` as a word: no Latin letter or digit joined to its Latin edges."""
    at = query.find(keyword)
    if at < 0:
        return False
    first, last = _WORDLIKE.match(keyword[0]), _WORDLIKE.match(keyword[-1])
    while at >= 0:
        end = at + len(keyword)
        if (not first or at == 0 or not _WORDLIKE.match(query[at - 1])) and (
            not last or end == len(query) or not _WORDLIKE.match(query[end])
        ):
            return True
        at = query.find(keyword, at + 1)
    return False
