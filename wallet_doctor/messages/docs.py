"""The generated documentation's words (`wallet-doctor docs`): the Markdown pages and the HTML
troubleshooter."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    "docs.index_title": {"zh-CN": "钱包问题排查指南", "en": "Wallet troubleshooting guides"},
    "docs.index_intro": {
        "zh-CN": "每一页都由决策树自动生成，与 `wallet-doctor` 给出的诊断完全一致。",
        "en": "Every page is generated from the decision trees, so it says exactly what `wallet-doctor` says.",
    },
    "docs.language": {"zh-CN": "语言", "en": "Language"},
    "docs.all_trees": {"zh-CN": "全部问题", "en": "All problems"},
    "docs.tree_version": {"zh-CN": "第 {version} 版", "en": "Version {version}"},
    "docs.run": {"zh-CN": "在终端里逐步排查", "en": "Walk it step by step in a terminal"},
    "docs.reached_from": {"zh-CN": "从这些问题进入", "en": "Reached from"},
    "docs.flowchart": {"zh-CN": "流程图", "en": "Flowchart"},
    "docs.chart_parts": {
        "zh-CN": "流程图分成几部分，以便看清：虚线框里的问题在后面单独成图继续。完整的文字见下文。",
        "en": "The chart comes in parts, so that each stays readable: a question in a dashed box continues in a "
        "chart of its own further down. Every text is given in full below.",
    },
    "docs.chart_from": {"zh-CN": "接着“{question}”", "en": "Continuing from “{question}”"},
    "docs.questions": {"zh-CN": "问题与选项", "en": "Questions and answers"},
    "docs.outcomes": {"zh-CN": "诊断结果", "en": "Diagnoses"},
    "docs.continues_in": {"zh-CN": "转到", "en": "continues in"},
    "docs.probe": {
        "zh-CN": "在终端里，wallet-doctor 可以自动检查这一项。",
        "en": "In a terminal, wallet-doctor can check this by itself.",
    },
    "docs.wrote": {"zh-CN": "已写入 {count} 个文件到 {out}。", "en": "Wrote {count} file(s) to {out}."},
    "docs.open_html": {"zh-CN": "用浏览器打开：{uri}", "en": "Open in a browser: {uri}"},
    "docs.open_markdown": {"zh-CN": "从这里开始阅读：{path}", "en": "Start reading at: {path}"},
    "docs.troubleshooter": {"zh-CN": "在浏览器里逐步排查", "en": "Walk the trees in your browser"},
    "html.title": {"zh-CN": "钱包问题排查", "en": "Wallet troubleshooter"},
    "html.pick": {"zh-CN": "遇到了什么问题？选一项开始。", "en": "What's wrong? Pick a problem to start."},
    "html.print": {"zh-CN": "打印", "en": "Print"},
    "html.search_label": {
        "zh-CN": "用自己的话描述问题，或粘贴错误提示",
        "en": "Describe the problem in your own words, or paste the error message",
    },
    "html.search_hint": {"zh-CN": "例如：转账失败、人脸识别失败", "en": "For example: cannot withdraw"},
    "html.search_found": {"zh-CN": "最接近的排在前面：", "en": "Closest first:"},
    "html.search_none": {
        "zh-CN": "没有找到匹配的问题，请从下面的列表中选择。",
        "en": "Nothing matched those words; please pick from the list below.",
    },
    "html.search_all": {"zh-CN": "全部问题", "en": "Every problem"},
    "html.search_pages": {"zh-CN": "可能对应的诊断页", "en": "Pages that may fit"},
    "html.search_trees": {"zh-CN": "相关的问题", "en": "Problems that match"},
    "html.page_way": {
        "zh-CN": "通向你选的诊断页的回答已标出：符合你的情况就选它，不符合就选别的。",
        "en": "The answer that leads to the page you picked is marked: choose it if it is true for you, or pick"
        " another.",
    },
    "html.suggested": {"zh-CN": "通向你选的诊断页", "en": "leads to the page you picked"},
    "html.choose_language": {"zh-CN": "请选择语言", "en": "Choose your language"},
    "html.copy_link": {"zh-CN": "复制链接", "en": "Copy link"},
    "html.copied": {
        "zh-CN": "链接已复制。发给别人，对方打开就能看到这一步；你也可以用它回到这里。",
        "en": "Link copied. Whoever opens it sees this very step; you can use it to come back here too.",
    },
    "html.copied_file": {
        "zh-CN": "链接已复制。它能在这台电脑上打开这一步；要发给别人，需要先把这个页面放到网站上。",
        "en": "Link copied. It opens this very step on this computer; to send it to someone, put this page on a "
        "website first.",
    },
    "html.copy_manual": {"zh-CN": "请复制这个链接：", "en": "Copy this link:"},
    "html.noscript": {
        "zh-CN": "这个页面需要开启 JavaScript 才能逐步排查。",
        "en": "This page needs JavaScript to walk the trees.",
    },
}
