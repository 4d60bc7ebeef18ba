"""The program's own words (headings, prompts, errors), in every language of locales.py."""

from __future__ import annotations

from wallet_doctor.locales import fallback_chain

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
    "restart.confirm": {
        "zh-CN": "从头开始会丢掉已经回答的 {count} 个问题，确定吗？",
        "en": "Starting over discards the {count} answers given so far. Start over?",
    },
    "menu.describe": {
        "zh-CN": "用自己的话描述问题（或粘贴错误提示）",
        "en": "Describe it in my own words (or paste the error)",
    },
    "menu.where": {"zh-CN": "第 {number} 题，约共 {total} 题", "en": "Question {number} of about {total} "},
    "menu.instruction": {
        "zh-CN": "（↑↓ 或数字键移动，回车确认）",
        "en": "(↑↓ or a number to move, Enter to choose)",
    },
    "menu.instruction.yes_no": {
        "zh-CN": "（↑↓、数字键或 y/n 选择，回车确认）",
        "en": "(↑↓, a number or y/n to choose, Enter to confirm)",
    },
    "plain.choose": {"zh-CN": "请输入编号（1–{last}）后按回车", "en": "Type a number (1–{last}) and press Enter"},
    "plain.again": {
        "zh-CN": "请输入 1 到 {last} 之间的编号。",
        "en": "Please type a number from 1 to {last}.",
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
    "describe.why": {"zh-CN": "{title}（匹配：{words}）", "en": "{title} (matched {words})"},
    "describe.quote": {"zh-CN": "“{word}”", "en": "“{word}”"},
    "describe.menu": {"zh-CN": "都不是，回到菜单", "en": "None of these: back to the menu"},
    "solved.ask": {"zh-CN": "这个方法解决问题了吗？", "en": "Did this solve the problem?"},
    "solved.yes": {"zh-CN": "解决了", "en": "Yes, it is solved"},
    "solved.no": {"zh-CN": "没有解决", "en": "No, not yet"},
    "solved.thanks": {"zh-CN": "很高兴问题解决了。", "en": "Glad it is sorted."},
    "solved.thanks.critical": {
        "zh-CN": "好的。接下来几天请多留意账户和交易记录，再有人以任何理由要钱或要验证码，都不要理会。",
        "en": "Good. Keep an eye on your account and transactions for the next few days, and ignore anyone "
        "who asks for money or codes, whatever the reason.",
    },
    "walk.offer": {
        "zh-CN": "陪我一步一步做（共 {count} 步）",
        "en": "Go through the {count} steps with me, one at a time",
    },
    "walk.where": {"zh-CN": "第 {number} 步，共 {total} 步", "en": "Step {number} of {total}"},
    "walk.ask": {"zh-CN": "做完这一步后怎么样？", "en": "How did this step go?"},
    "walk.fixed": {"zh-CN": "做了，问题解决了", "en": "Done, and it is fixed"},
    "walk.still_broken": {"zh-CN": "做了，还是不行", "en": "Done, but it is still not working"},
    "walk.cannot": {"zh-CN": "这一步我做不了", "en": "I cannot do this step"},
    "walk.not_apply": {"zh-CN": "这不符合我的情况", "en": "This does not apply to me"},
    "walk.cannot.warning": {
        "zh-CN": "这一步是为了保护你的钱。做不了的话，请先通过官方渠道联系客服，再做后面的步骤。",
        "en": "This step protects your money. If you cannot do it, contact support through official "
        "channels before the next steps.",
    },
    "walk.cannot.other": {
        "zh-CN": "没关系，先做下一步；联系客服时说明这一步做不了。",
        "en": "That is all right: go on to the next step, and tell support you could not do this one.",
    },
    "walk.none_fixed": {
        "zh-CN": "这些步骤都没有解决问题。下面是你已经试过的，以及接下来如何求助。",
        "en": "None of the steps fixed it. Here is what you tried, and how to get help next.",
    },
    "walk.checked_again": {"zh-CN": "本机重新检查", "en": "Checked again on this computer"},
    "steps.more.ask": {"zh-CN": "后面还有步骤。", "en": "There are more steps."},
    "steps.more": {"zh-CN": "继续看第 {first}–{last} 步", "en": "Show steps {first}–{last}"},
    "steps.more.one": {"zh-CN": "继续看第 {first} 步", "en": "Show step {first}"},
    "solved.rest": {"zh-CN": "先看其余内容（还有 {count} 部分）", "en": "Show the rest first ({count} more)"},
    "summary.title": {"zh-CN": "小结", "en": "Summary"},
    "summary.first": {"zh-CN": "最要紧的是：", "en": "Most important:"},
    "summary.diagnosis": {"zh-CN": "{title}（{severity}）", "en": "{title} ({severity})"},
    "next.ask": {"zh-CN": "接下来想做什么？", "en": "What would you like to do next?"},
    "next.related": {"zh-CN": "检查相关问题：", "en": "Check a related problem:"},
    "next.done": {"zh-CN": "结束", "en": "Finish"},
    "report.ask": {"zh-CN": "要保存一份问题报告，方便发给客服吗？", "en": "Save a case report to send to support?"},
    "report.path": {"zh-CN": "保存到哪个文件？", "en": "Save it to which file?"},
    "report.exists": {"zh-CN": "文件已存在，要覆盖吗？", "en": "That file exists. Overwrite it?"},
    "report.saved": {"zh-CN": "报告已保存：", "en": "Report saved:"},
    "report.not_saved": {"zh-CN": "报告没有保存。", "en": "The report was not saved."},
    "report.again": {"zh-CN": "换个位置保存吗？", "en": "Save it somewhere else?"},
    "report.make_folder": {
        "zh-CN": "文件夹 {folder} 不存在，要新建吗？",
        "en": "The folder {folder} does not exist. Create it?",
    },
    "resume": {
        "zh-CN": "已退出。要从这里继续，请运行：",
        "en": "Stopped. To carry on from here, run:",
    },
    "error.options_after_command": {
        "zh-CN": "这些选项请放在命令之后，例如：wallet-doctor {command} --lang zh-CN",
        "en": "give these options after the command, as in: wallet-doctor {command} --lang en",
    },
    "resume.saved": {
        "zh-CN": "回答已保存，下次运行 wallet-doctor 时可以接着做。",
        "en": "Your answers are kept for the next time you run wallet-doctor.",
    },
    "resume.found": {
        "zh-CN": "你上次（{when}）在“{tree}”中途退出了，当时的回答：",
        "en": 'Last time ({when}) you stopped part-way through "{tree}". Your answers then:',
    },
    "resume.ask": {"zh-CN": "要从上次停下的地方继续吗？", "en": "Carry on from where you stopped?"},
    "yes": {"zh-CN": "是", "en": "Yes"},
    "probe.running": {"zh-CN": "正在本机自动检查", "en": "Checking automatically on this computer"},
    "probe.name.internet": {"zh-CN": "能否连上互联网", "en": "whether it reaches the internet"},
    "probe.name.clock": {"zh-CN": "时钟是否准确", "en": "whether its clock is right"},
    "probe.name.proxy": {"zh-CN": "是否设置了代理", "en": "whether a proxy is set"},
    "probe.failed": {"zh-CN": "检查本身出了问题。", "en": "The check itself went wrong."},
    "probe.internet.no_hosts": {"zh-CN": "没有设置要检查的网站。", "en": "No sites are set to check."},
    "probe.internet.not_allowed": {
        "zh-CN": "这台电脑不允许本程序联网。",
        "en": "This computer does not let the program connect.",
    },
    "probe.internet.pass": {
        "zh-CN": "这台电脑在 {ms} 毫秒内连上了 {host}。",
        "en": "This computer reached {host} in {ms} ms.",
    },
    "probe.internet.fail.name": {
        "zh-CN": "这台电脑查不到任何网站的地址（试了 {hosts}：{reason}）。",
        "en": "This computer could not look up any site's address (tried {hosts}: {reason}).",
    },
    "probe.internet.fail.connect": {
        "zh-CN": "这台电脑连不上任何网站（试了 {hosts}：{reason}）。",
        "en": "This computer could not connect to any site (tried {hosts}: {reason}).",
    },
    "probe.reason.timeout": {"zh-CN": "等待超时", "en": "no answer in time"},
    "probe.reason.name": {"zh-CN": "找不到这个网址", "en": "the name was not found"},
    "probe.reason.certificate": {
        "zh-CN": "网站证书不被信任，可能有代理或需要登录的 Wi-Fi",
        "en": "the site's certificate was not trusted, as behind a proxy or a Wi-Fi sign-in page",
    },
    "probe.reason.secure": {"zh-CN": "安全连接没有建立", "en": "the secure connection failed"},
    "probe.reason.refused": {"zh-CN": "连接被拒绝", "en": "the connection was refused"},
    "probe.reason.blocked": {"zh-CN": "连接被系统阻止", "en": "the system blocked the connection"},
    "probe.reason.connection": {"zh-CN": "连接失败", "en": "the connection failed"},
    "probe.clock.pass": {
        "zh-CN": "这台电脑的时钟准确（与 {host} 相差 {seconds} 秒）。",
        "en": "This computer's clock is right (off from {host} by {seconds} s).",
    },
    "probe.clock.ahead": {
        "zh-CN": "这台电脑的时钟比 {host} 快了 {amount} {unit}。",
        "en": "This computer's clock is {amount} {unit} ahead of {host}.",
    },
    "probe.clock.behind": {
        "zh-CN": "这台电脑的时钟比 {host} 慢了 {amount} {unit}。",
        "en": "This computer's clock is {amount} {unit} behind {host}.",
    },
    "probe.clock.not_run": {"zh-CN": "没有网站能告诉我们时间。", "en": "No site could tell the time."},
    "probe.unit.days": {"zh-CN": "天", "en": "days"},
    "probe.unit.hours": {"zh-CN": "小时", "en": "hours"},
    "probe.unit.minutes": {"zh-CN": "分钟", "en": "minutes"},
    "probe.proxy.pass": {"zh-CN": "这台电脑没有设置代理。", "en": "No proxy is set on this computer."},
    "probe.proxy.fail": {
        "zh-CN": "这台电脑通过代理 {host} 上网（{variable}）。",
        "en": "This computer sends its traffic through the proxy {host} ({variable}).",
    },
    "device.ask": {
        "zh-CN": "出问题的钱包在哪台设备上？",
        "en": "Which device has the problem?",
    },
    "device.other": {"zh-CN": "手机或平板", "en": "A phone or tablet"},
    "device.here": {"zh-CN": "就是这台电脑", "en": "This computer"},
    "device.why": {
        "zh-CN": "自动检查只能检查这台电脑，检查不了你的手机。",
        "en": "The automatic checks can test only this computer, not your phone.",
    },
    "probe.here": {"zh-CN": "本机检查结果：", "en": "On this computer:"},
    "probe.elsewhere": {
        "zh-CN": "仅供参考（检查的是这台电脑，不是你的手机）：",
        "en": "For your information (this tested this computer, not your phone):",
    },
    "probe.elsewhere.internet.pass": {
        "zh-CN": "如果手机连的是同一个 Wi-Fi，说明这个 Wi-Fi 本身是通的。",
        "en": "If your phone is on the same Wi-Fi, the Wi-Fi itself works.",
    },
    "probe.elsewhere.internet.fail": {
        "zh-CN": "如果手机连的是同一个 Wi-Fi，问题可能出在 Wi-Fi 或路由器上。",
        "en": "If your phone is on the same Wi-Fi, the Wi-Fi or the router may be at fault.",
    },
    "probe.elsewhere.clock.pass": {
        "zh-CN": "这不能说明手机的时钟是否准确，请看手机上的时间。",
        "en": "That says nothing about your phone's clock: look at the time on the phone.",
    },
    "probe.elsewhere.clock.fail": {
        "zh-CN": "这不能说明手机的时钟是否准确，请看手机上的时间。",
        "en": "That says nothing about your phone's clock: look at the time on the phone.",
    },
    "probe.elsewhere.proxy.pass": {
        "zh-CN": "这不能说明手机上是否开着 VPN 或代理，请在手机设置里看一看。",
        "en": "That says nothing about a VPN or proxy on your phone: look in the phone's settings.",
    },
    "probe.elsewhere.proxy.fail": {
        "zh-CN": "这不能说明手机上是否开着 VPN 或代理，请在手机设置里看一看。",
        "en": "That says nothing about a VPN or proxy on your phone: look in the phone's settings.",
    },
    "probe.not_run": {
        "zh-CN": "自动检查无法完成，请自己回答。",
        "en": "The automatic check could not finish; please answer yourself.",
    },
    "no": {"zh-CN": "否", "en": "No"},
    "report.tool": {"zh-CN": "工具版本", "en": "Tool version"},
    "report.solved": {"zh-CN": "问题解决了吗", "en": "Did this solve it"},
    "report.solved.yes": {"zh-CN": "解决了", "en": "yes"},
    "report.solved.no": {"zh-CN": "没有解决", "en": "no, not yet"},
    "report.tried": {"zh-CN": "已经逐步尝试过的步骤", "en": "Steps already tried, one at a time"},
    "walk.result.fixed": {"zh-CN": "做了，解决了", "en": "done, and that fixed it"},
    "walk.result.still_broken": {"zh-CN": "做了，还是不行", "en": "done, still not working"},
    "walk.result.cannot": {"zh-CN": "做不了", "en": "could not do this"},
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
    # The commands' own lines.
    "list.size": {
        "zh-CN": "（{questions} 个问题，{outcomes} 个诊断结果）",
        "en": "({questions} questions, {outcomes} outcomes)",
    },
    "search.none": {
        "zh-CN": "没有匹配的诊断树。请换几个词，或运行 `wallet-doctor` 从菜单中选择。",
        "en": "No tree matches. Try other words, or run `wallet-doctor` and pick from the menu.",
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
    # Errors (errors.py), and the hints the command line adds to them (error_handler.py).
    "error.did_you_mean": {"zh-CN": "（是不是“{close}”？）", "en": " (did you mean '{close}'?)"},
    "error.unknown_tree": {
        "zh-CN": "没有诊断树“{tree}”{close}。可用的诊断树：{known}。",
        "en": "There is no tree '{tree}'{close}. Valid trees: {known}.",
    },
    "error.unknown_question": {
        "zh-CN": "诊断树“{tree}”里没有问题“{question}”{close}。可回答的问题：{known}。",
        "en": "Tree '{tree}' asks no question '{question}'{close}. Valid questions: {known}.",
    },
    "error.unknown_choice": {
        "zh-CN": "问题“{question}”没有选项“{choice}”{close}。可用的选项：{known}。",
        "en": "Question '{question}' has no choice '{choice}'{close}. Valid choices: {known}.",
    },
    "error.unknown_language_env": {
        "zh-CN": "${variable} 中的语言“{given}”不受支持。请使用：{known}，或取消这个设置。",
        "en": "Unknown language '{given}' in ${variable}. Use one of: {known}, or unset it.",
    },
    "error.unknown_language": {
        "zh-CN": "不支持的语言“{given}”。请使用：{known}。",
        "en": "Unknown language '{given}'. Use one of: {known}.",
    },
    "error.invalid_trees": {
        "zh-CN": "诊断树中有 {count} 个错误。",
        "en": "{count} error(s) in the trees.",
    },
    "error.missing_node": {
        "zh-CN": "诊断走到了不存在的节点“{node}”。",
        "en": "The walk reached '{node}', which does not exist.",
    },
    "error.endless_jumps": {
        "zh-CN": "诊断在几棵诊断树之间无限跳转。",
        "en": "The walk jumps between trees without end.",
    },
    "error.file_exists": {
        "zh-CN": "“{path}”已存在。请换一个文件名，或允许覆盖。",
        "en": "'{path}' already exists. Choose another file name, or allow overwriting it.",
    },
    "error.file_folder": {"zh-CN": "“{path}”是文件夹。请给出文件名。", "en": "'{path}' is a folder. Give a file name."},
    "error.file_no_folder": {
        "zh-CN": "文件夹“{path}”不存在。请先创建它，或换一个位置。",
        "en": "The folder '{path}' does not exist. Create it first or choose another place.",
    },
    "error.file_not_regular": {
        "zh-CN": "“{path}”不是普通文件（是设备或管道）。请给出一个文件名。",
        "en": "'{path}' is not a regular file (a device or a pipe). Give the name of a file.",
    },
    "error.file_stdin_closed_answers": {
        "zh-CN": "标准输入已关闭，无法从中读取答案。请用文件名代替 -。",
        "en": "Standard input is closed, so the answers cannot be read from it. Give a file name instead of -.",
    },
    "error.file_stdin_closed_cases": {
        "zh-CN": "标准输入已关闭，无法从中读取案例。请用文件名代替 -。",
        "en": "Standard input is closed, so the cases cannot be read from it. Give a file name instead of -.",
    },
    "error.file_foreign_doc": {
        "zh-CN": "“{path}”已存在，而且不是 `wallet-doctor docs` 写的。"
        "请先移走它，换一个 --out，或加上 --overwrite 替换。",
        "en": "'{path}' already exists and was not written by `wallet-doctor docs`. "
        "Move it away, choose another --out, or add --overwrite to replace it.",
    },
    "error.file_foreign_docs": {
        "zh-CN": "“{path}”等 {detail} 个文件已存在，而且不是 `wallet-doctor docs` 写的。"
        "请先移走，换一个 --out，或加上 --overwrite 替换。",
        "en": "'{path}' and {detail} other file(s) already exist and were not written by `wallet-doctor docs`. "
        "Move them away, choose another --out, or add --overwrite to replace them.",
    },
    "error.file_cannot_write_file": {
        "zh-CN": "无法写入“{path}”：{detail}。",
        "en": "Cannot write '{path}': {detail}.",
    },
    "error.file_cannot_write": {
        "zh-CN": "无法在“{path}”中写入：{detail}。",
        "en": "Cannot write in '{path}': {detail}.",
    },
    "error.cases_missing": {
        "zh-CN": "案例文件“{path}”不存在。",
        "en": "The cases file '{path}' does not exist.",
    },
    "error.cases_unreadable": {
        "zh-CN": "无法读取案例文件“{path}”：{detail}。",
        "en": "Cannot read the cases file '{path}': {detail}.",
    },
    # `init` and `test`, the authors' commands.
    "error.init_not_empty": {
        "zh-CN": "文件夹“{path}”不是空的。请给 init 一个新的或空的文件夹，以免覆盖任何文件。",
        "en": "The folder '{path}' is not empty. Give init a new or empty folder, so nothing is overwritten.",
    },
    "error.init_is_file": {
        "zh-CN": "“{path}”是文件。请给 init 一个新的或空的文件夹。",
        "en": "'{path}' is a file. Give init a new or empty folder.",
    },
    "error.init_cannot_write": {
        "zh-CN": "无法写入“{path}”：{detail}。请检查路径和权限。",
        "en": "Cannot write into '{path}': {detail}. Check the path and its permissions.",
    },
    "error.walks_none": {
        "zh-CN": "没有给出黄金路径，当前目录下也没有 walks 文件夹。请给出路径文件或文件夹：wallet-doctor test walks/"
        "（wallet-doctor init DIR 会写一个可以起步的文件夹）。",
        "en": "No walks given, and there is no 'walks' folder here. Give walk files or folders: wallet-doctor test "
        "walks/ (wallet-doctor init DIR writes one to start from).",
    },
    "error.walks_empty_folder": {
        "zh-CN": "文件夹“{path}”里没有黄金路径文件（*.yaml）。请检查路径。",
        "en": "The folder '{path}' holds no walk files (*.yaml). Check the path.",
    },
    "error.walks_missing": {
        "zh-CN": "“{path}”不存在。请给出黄金路径文件或其所在的文件夹。",
        "en": "'{path}' does not exist. Give walk files or folders of them.",
    },
    "hint.list": {"zh-CN": "`wallet-doctor list` 会列出它们。", "en": "`wallet-doctor list` describes them."},
    "hint.show": {
        "zh-CN": "`wallet-doctor show {tree}` 会列出这些问题。",
        "en": "`wallet-doctor show {tree}` shows them.",
    },
    "hint.validate": {
        "zh-CN": "请修正后用 `wallet-doctor validate` 检查。",
        "en": "Fix them, then check with `wallet-doctor validate`.",
    },
    "hint.validate_walk": {"zh-CN": "请运行 `wallet-doctor validate`。", "en": "Run `wallet-doctor validate`."},
    "error.bug": {
        "zh-CN": "意外错误：{error}\n请把你运行的命令和这条消息报告到 wallet-doctor 的问题跟踪器。",
        "en": "unexpected error: {error}\nPlease report it with the command you ran and this message to the "
        "wallet-doctor issue tracker.",
    },
}


def msg(key: str, lang: str) -> str:
    """The message `key` in `lang`, else in `lang`'s fallback languages in order (locales.py)."""
    texts = _MESSAGES[key]
    for code in fallback_chain(lang):
        if code in texts:
            return texts[code]
    return next(iter(texts.values()))
