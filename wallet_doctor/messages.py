"""The program's own words (headings, prompts), in every language the trees are written in."""

from __future__ import annotations

_MESSAGES: dict[str, dict[str, str]] = {
    "diagnosis": {"zh-CN": "诊断", "en": "Diagnosis"},
    "severity": {"zh-CN": "严重程度", "en": "Severity"},
    "steps": {"zh-CN": "处理步骤", "en": "What to do, in this order"},
    "prepare": {"zh-CN": "联系客服前请准备", "en": "Have these ready before you contact support"},
    "escalate": {"zh-CN": "如果以上步骤没有解决问题", "en": "If these steps did not help"},
    "related": {"zh-CN": "相关问题", "en": "Related problems"},
    # An outcome's sections, shown once after its steps (model.SECTIONS).
    "section.contact": {"zh-CN": "安全地联系客服", "en": "Contacting support safely"},
    "section.prepare": {"zh-CN": "联系客服前请准备", "en": "Have these ready before you contact support"},
    "section.escalate": {"zh-CN": "如果还是没有解决", "en": "If that does not work"},
    "section.later": {"zh-CN": "以后如何防范", "en": "Later, to keep it from happening again"},
    "warning": {"zh-CN": "注意", "en": "Warning"},
    "question": {"zh-CN": "问题", "en": "Question"},
    "why": {"zh-CN": "为什么问这个", "en": "Why we ask"},
    "choices": {"zh-CN": "可选答案", "en": "Choices"},
    "answers_so_far": {"zh-CN": "已回答", "en": "Answered so far"},
    "answer_with": {"zh-CN": "回答方式", "en": "Answer with"},
    "never_share": {
        "zh-CN": "任何人（包括客服）都不会向你索要密码、验证码或助记词，请勿透露。",
        "en": "Nobody, support included, will ever ask for your password, verification codes or recovery phrase. "
        "Never share them.",
    },
    "menu.help": {"zh-CN": "为什么问这个？", "en": "Why are we asking?"},
    "menu.back": {"zh-CN": "返回上一题", "en": "Go back one question"},
    "menu.restart": {"zh-CN": "从头开始", "en": "Start over"},
    "menu.quit": {"zh-CN": "退出", "en": "Quit"},
    "menu.describe": {
        "zh-CN": "用自己的话描述问题（或粘贴错误提示）",
        "en": "Describe it in my own words (or paste the error)",
    },
    "menu.instruction": {
        "zh-CN": "（↑↓ 或数字键移动，回车确认）",
        "en": "(↑↓ or a number to move, Enter to choose)",
    },
    "describe.prompt": {
        "zh-CN": "请描述你的问题或粘贴错误提示：",
        "en": "Describe the problem or paste the error message:",
    },
    "describe.pick": {"zh-CN": "最接近的是哪一个？", "en": "Which of these is closest?"},
    "describe.none": {
        "zh-CN": "没有找到匹配的问题，请从菜单中选择。",
        "en": "Nothing matched those words; please pick from the menu.",
    },
    "describe.menu": {"zh-CN": "都不是，回到菜单", "en": "None of these: back to the menu"},
    "no_help": {"zh-CN": "这个问题没有补充说明。", "en": "There is no more to say about this question."},
    "solved.ask": {"zh-CN": "这个方法解决问题了吗？", "en": "Did this solve the problem?"},
    "solved.yes": {"zh-CN": "解决了", "en": "Yes, it is solved"},
    "solved.no": {"zh-CN": "没有解决", "en": "No, not yet"},
    "solved.thanks": {"zh-CN": "很高兴问题解决了。", "en": "Glad it is sorted."},
    "steps.more.ask": {"zh-CN": "后面还有步骤。", "en": "There are more steps."},
    "steps.more": {"zh-CN": "继续看第 {first}–{last} 步", "en": "Show steps {first}–{last}"},
    "steps.more.one": {"zh-CN": "继续看第 {first} 步", "en": "Show step {first}"},
    "solved.rest": {"zh-CN": "先看其余内容（还有 {count} 部分）", "en": "Show the rest first ({count} more parts)"},
    "summary.title": {"zh-CN": "小结", "en": "Summary"},
    "summary.first": {"zh-CN": "最要紧的是：", "en": "Most important:"},
    "next.ask": {"zh-CN": "接下来想做什么？", "en": "What would you like to do next?"},
    "next.related": {"zh-CN": "检查相关问题：", "en": "Check a related problem:"},
    "next.done": {"zh-CN": "结束", "en": "Finish"},
    "report.ask": {"zh-CN": "要保存一份问题报告，方便发给客服吗？", "en": "Save a case report to send to support?"},
    "report.path": {"zh-CN": "保存到哪个文件？", "en": "Save it to which file?"},
    "report.exists": {"zh-CN": "文件已存在，要覆盖吗？", "en": "That file exists. Overwrite it?"},
    "report.saved": {"zh-CN": "报告已保存：", "en": "Report saved:"},
    "report.not_saved": {"zh-CN": "报告没有保存。", "en": "The report was not saved."},
    "resume": {
        "zh-CN": "已退出。要从这里继续，请运行：",
        "en": "Stopped. To carry on from here, run:",
    },
    "yes": {"zh-CN": "是", "en": "Yes"},
    "probe.running": {"zh-CN": "正在本机自动检查：", "en": "Checking automatically on this computer:"},
    "probe.not_run": {
        "zh-CN": "自动检查无法完成，请自己回答。",
        "en": "The automatic check could not finish; please answer yourself.",
    },
    "no": {"zh-CN": "否", "en": "No"},
    "report.title": {"zh-CN": "钱包问题报告", "en": "Wallet case report"},
    "report.date": {"zh-CN": "日期", "en": "Date"},
    "report.trees": {"zh-CN": "使用的诊断树", "en": "Trees used"},
    "report.description": {"zh-CN": "用户描述（已隐去号码）", "en": "The user's description (numbers hidden)"},
    "severity.info": {"zh-CN": "提示", "en": "info"},
    "severity.low": {"zh-CN": "低", "en": "low"},
    "severity.medium": {"zh-CN": "中", "en": "medium"},
    "severity.high": {"zh-CN": "高", "en": "high"},
    "severity.critical": {"zh-CN": "紧急", "en": "critical"},
    # Generated documentation (`wallet-doctor docs`): the Markdown pages and the HTML troubleshooter.
    "docs.index_title": {"zh-CN": "钱包问题排查指南", "en": "Wallet troubleshooting guides"},
    "docs.index_intro": {
        "zh-CN": "每一页都由决策树自动生成，与 `wallet-doctor` 给出的诊断完全一致。",
        "en": "Every page is generated from the decision trees, so it says exactly what `wallet-doctor` says.",
    },
    "docs.language": {"zh-CN": "语言", "en": "Language"},
    "docs.all_trees": {"zh-CN": "全部问题", "en": "All problems"},
    "docs.tree_version": {"zh-CN": "诊断树 {tree}，第 {version} 版", "en": "Tree {tree}, version {version}"},
    "docs.run": {"zh-CN": "在终端里逐步排查", "en": "Walk it step by step in a terminal"},
    "docs.reached_from": {"zh-CN": "从这些问题进入", "en": "Reached from"},
    "docs.flowchart": {"zh-CN": "流程图", "en": "Flowchart"},
    "docs.questions": {"zh-CN": "问题与选项", "en": "Questions and answers"},
    "docs.outcomes": {"zh-CN": "诊断结果", "en": "Diagnoses"},
    "docs.continues_in": {"zh-CN": "转到", "en": "continues in"},
    "docs.probe": {
        "zh-CN": "在终端里，wallet-doctor 可以自动检查这一项（{probe}）。",
        "en": "In a terminal, wallet-doctor can check this by itself ({probe}).",
    },
    "docs.troubleshooter": {"zh-CN": "在浏览器里逐步排查", "en": "Walk the trees in your browser"},
    "html.title": {"zh-CN": "钱包问题排查", "en": "Wallet troubleshooter"},
    "html.pick": {"zh-CN": "遇到了什么问题？选一项开始。", "en": "What's wrong? Pick a problem to start."},
    "html.print": {"zh-CN": "打印", "en": "Print"},
    "html.noscript": {
        "zh-CN": "这个页面需要开启 JavaScript 才能逐步排查。",
        "en": "This page needs JavaScript to walk the trees.",
    },
}


def msg(key: str, lang: str) -> str:
    """The message `key` in `lang` (English when a language lacks it)."""
    texts = _MESSAGES[key]
    return texts.get(lang) or texts["en"]
