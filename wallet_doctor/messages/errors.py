"""The errors' words (errors.py), the hints the command line adds to them (error_handler.py), and the
errors of `init` and `test`, the authors' commands."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
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
