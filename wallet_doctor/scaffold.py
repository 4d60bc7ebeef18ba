"""What `wallet-doctor init DIR` writes: a trees folder an author can start from. Its tree is valid in the
context of the built-in trees (it uses their `contact_support` block and offers their fraud check), its walk
passes, and its pre-commit config runs both checks on every commit."""

from __future__ import annotations

TREE_ID = "my_problem"

TREE = """\
# yaml-language-server: $schema=../tree.schema.json
# A tree: one problem area, asked as questions, ending at outcomes. The format: docs/tree-format.md in
# wallet-doctor. Node ids are unique across all trees in force (the built-in ones too): keep the my_ prefix.
tree: my_problem
version: 1
title: {zh-CN: 应用打不开, en: The app won't open}
summary: {zh-CN: 找出钱包应用打不开的原因。, en: Finds out why the wallet app won't open.}
keywords: {zh-CN: [打不开, 闪退], en: [won't open, crashes]}
start: my_symptom
nodes:
  my_symptom:
    kind: question
    text: {zh-CN: 重启手机后，应用能打开吗？, en: Does the app open after you restart the phone?}
    help:
      zh-CN: 长按电源键重启手机，再打开应用。
      en: Hold the power button to restart the phone, then open the app.
    choices:
      - {id: opens, label: {zh-CN: 能打开了, en: "Yes, it opens now"}, next: my_fixed}
      - {id: still_closed, label: {zh-CN: 还是打不开, en: "No, it still won't open"}, next: my_support}
  my_fixed:
    kind: outcome
    title: {zh-CN: 重启解决了, en: A restart fixed it}
    severity: info
    summary: {zh-CN: 手机重启后应用恢复正常。, en: The app works again after a restart.}
    steps:
      - text:
          zh-CN: 如果再次出现，先把应用更新到最新版本。
          en: If it happens again, first update the app to its latest version.
  my_support:
    kind: outcome
    title: {zh-CN: 联系客服, en: Contact support}
    severity: medium
    summary: {zh-CN: 应用仍然打不开，需要客服帮助。, en: The app still won't open; support can help.}
    steps:
      - text: {zh-CN: 在应用商店里把应用更新到最新版本。, en: Update the app to its latest version in the app store.}
    contact:
      - use: contact_support
    related: [fraud_check]
"""

WALK = """\
# A golden walk: the answers to give, and what the walk must reach. `wallet-doctor test` replays it.
tree: my_problem
answers:
  my_symptom: still_closed
expect:
  outcome: my_support
  steps_include:
    - latest version
  sections: [contact]
"""

PRE_COMMIT_CONFIG = """\
# pre-commit (https://pre-commit.com) runs these before each commit: `pre-commit install` once.
# They use the wallet-doctor you have installed. To pin a version instead, use the hook wallet-doctor ships:
#   - repo: https://github.com/OWNER/wallet-doctor
#     rev: vX.Y.Z
#     hooks: [{id: wallet-doctor-validate, args: [--trees, trees]}]
repos:
  - repo: local
    hooks:
      - id: wallet-doctor-validate
        name: wallet-doctor validate
        entry: wallet-doctor validate --trees trees
        language: system
        files: ^trees/[^/]+\\.ya?ml$
      - id: wallet-doctor-test
        name: wallet-doctor test
        entry: wallet-doctor test walks --trees trees
        language: system
        files: ^(trees|walks)/
        pass_filenames: false
"""

README = """\
# Our wallet-doctor trees

`trees/` holds our decision trees, `walks/` a golden walk for each outcome. The trees are used beside
wallet-doctor's built-in ones: `wallet-doctor --trees trees`, or `WALLET_DOCTOR_TREES=trees`.

Check the trees (every problem with its file, line, code and fix; exit 4 on an error):

    wallet-doctor validate trees --trees trees

Replay the walks (exit 4 when one fails; the last line says which outcomes have no walk yet):

    wallet-doctor test walks --trees trees

Walk a tree as a user would:

    wallet-doctor run my_problem --trees trees

Run both checks before each commit: `pip install pre-commit && pre-commit install` (see
.pre-commit-config.yaml). `tree.schema.json` lets an editor check a tree as you type (the first line of each
tree names it); it comes from the wallet-doctor that wrote this folder.

---

`trees/` 放我们的决策树，`walks/` 放每个结果的黄金路径。这些树与 wallet-doctor 内置的树一起使用：
`wallet-doctor --trees trees`，或设置 `WALLET_DOCTOR_TREES=trees`。

检查树（每个问题给出文件、行号、代码和改法；有错误时退出码为 4）：`wallet-doctor validate trees --trees trees`

重放黄金路径（有一条失败时退出码为 4；最后一行列出还没有路径的结果）：`wallet-doctor test walks --trees trees`

每次提交前自动检查：`pip install pre-commit && pre-commit install`。
"""


def files(schema: str) -> dict[str, str]:
    """The files to write, by their path inside the new folder; `schema` is the tree JSON Schema's text."""
    return {
        f"trees/{TREE_ID}.yaml": TREE,
        f"walks/{TREE_ID}/my_support.yaml": WALK,
        ".pre-commit-config.yaml": PRE_COMMIT_CONFIG,
        "README.md": README,
        "tree.schema.json": schema,
    }
