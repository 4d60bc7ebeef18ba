"""The commands' own lines (list, search, recorded walks) and the `show` outline."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    "list.size": {
        "zh-CN": "（{questions} 个问题，{outcomes} 个诊断结果）",
        "en": "({questions} questions, {outcomes} outcomes)",
    },
    "search.none": {
        "zh-CN": "没有匹配的诊断树。请换几个词，或运行 `wallet-doctor` 从菜单中选择。",
        "en": "No tree matches. Try other words, or run `wallet-doctor` and pick from the menu.",
    },
    "search.pages": {
        "zh-CN": "可能对应的诊断页，以及通向它的回答（请确认每个回答都符合你的情况）：",
        "en": "Pages that may fit, with the answers that lead there (check that each answer is true for you):",
    },
    "record.saved": {"zh-CN": "答案已记录：", "en": "Answers recorded:"},
    "report.not_yet": {
        "zh-CN": "没有保存报告：还没有得出诊断。",
        "en": "no report saved: the walk has not reached a diagnosis yet.",
    },
    "record.tree_changed": {
        "zh-CN": "诊断树“{tree}”在记录之后有改动。",
        "en": "Tree '{tree}' has changed since this walk was recorded.",
    },
    "record.tree_gone": {"zh-CN": "诊断树“{tree}”已不存在。", "en": "Tree '{tree}' no longer exists."},
    "record.more_skipped": {
        "zh-CN": "另有 {count} 个答案已不适用，跳过。",
        "en": "{count} more answer(s) no longer fit and are skipped.",
    },
    "record.answer_skipped": {
        "zh-CN": "答案 {question}={choice} 已不适用，跳过：{problem}",
        "en": "The answer {question}={choice} no longer fits and is skipped: {problem}",
    },
    "warning.prefix": {"zh-CN": "警告", "en": "warning"},
    # The `show` outline.
    "outline.heading": {"zh-CN": "{tree}（第 {version} 版）", "en": "{tree} (version {version})"},
    "outline.see_above": {"zh-CN": "（见上文）", "en": " (see above)"},
    "outline.continues": {"zh-CN": "转到诊断树“{tree}”", "en": "continues in tree '{tree}'"},
    "outline.lands": {"zh-CN": "的“{node}”", "en": " at '{node}'"},
    "outline.probe": {"zh-CN": "自动检查 {probe}", "en": "probe {probe}"},
    "kind.question": {"zh-CN": "问题", "en": "question"},
    "kind.check": {"zh-CN": "检查", "en": "check"},
    "kind.outcome": {"zh-CN": "诊断结果", "en": "outcome"},
    "kind.jump": {"zh-CN": "跳转", "en": "jump"},
}
