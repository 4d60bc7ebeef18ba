"""A one-off tree whose every text is hostile to Markdown, Mermaid and HTML: tags, `</script>`, quotes,
backticks, brackets, pipes, entities, template placeholders and newlines that would start a heading."""

from __future__ import annotations

import json
from pathlib import Path

# Each text differs, so a test can find every one of them in the output.
HOSTILE = {
    "title": 'Evil </script><script>window.pwned = 1</script> "title" #',
    "summary": "# not a heading\n- not a list | a|b `code` ```fence``` $x$ {{catalog}}",
    "text": 'Question <img src=x onerror="window.pwned = 1"> [link](http://example.com) -->|"x"| end',
    "help": "Help &amp; &lt;b&gt; #quot; #35; %% comment\n---",
    "label_a": '1. Choice "A" ]) }} ]] `|` \' <b>bold</b>',
    "label_b": "Choice B\n\nnew paragraph <!-- comment --> ~~strike~~ *em* _em_",
    "outcome": 'Outcome (["x"]) {{"y"}} [[z]] <script>alert(1)</script>',
    "step": "+ step </script> \\ backslash\ttab",
    "warning": "> quote <style>body{display:none}</style> \u2028line separator",
    "prepare": "[ ] not a box [x] </textarea> &#60;",
    "escalate": '= setext\n===\n<a href="javascript:alert(1)">click</a>',
}


def _bi(text: str) -> dict[str, str]:
    return {"zh-CN": "中文 " + text, "en": text}


def write_hostile_tree(folder: Path) -> Path:
    """A folder holding tree `hostile` (a question, a jump into `plain`, an outcome) and tree `plain`."""
    folder.mkdir(parents=True, exist_ok=True)
    hostile = {
        "tree": "hostile",
        "version": 1,
        "title": _bi(HOSTILE["title"]),
        "summary": _bi(HOSTILE["summary"]),
        "start": "hostile_question",
        "nodes": {
            "hostile_question": {
                "kind": "question",
                "text": _bi(HOSTILE["text"]),
                "help": _bi(HOSTILE["help"]),
                "choices": [
                    {"id": "a", "label": _bi(HOSTILE["label_a"]), "next": "hostile_outcome"},
                    {"id": "b", "label": _bi(HOSTILE["label_b"]), "next": "hostile_jump"},
                ],
            },
            "hostile_jump": {"kind": "jump", "tree": "plain"},
            "hostile_outcome": {
                "kind": "outcome",
                "title": _bi(HOSTILE["outcome"]),
                "severity": "critical",
                "summary": _bi(HOSTILE["summary"]),
                "steps": [{"text": _bi(HOSTILE["step"])}, {"text": _bi(HOSTILE["warning"]), "warning": True}],
                "prepare": [{"text": _bi(HOSTILE["prepare"])}],
                "escalate": [{"text": _bi(HOSTILE["escalate"])}],
                "related": ["plain"],
            },
        },
    }
    plain = {
        "tree": "plain",
        "version": 1,
        "title": _bi("Plain"),
        "summary": _bi("A plain tree."),
        "start": "plain_end",
        "nodes": {
            "plain_end": {
                "kind": "outcome",
                "title": _bi("Plain end"),
                "severity": "info",
                "summary": _bi("Nothing to do."),
                "steps": [{"text": _bi("Relax.")}],
            }
        },
    }
    # JSON is YAML: the escapes keep every character exactly as written.
    (folder / "hostile.yaml").write_text(json.dumps(hostile, indent=1), encoding="utf-8")
    (folder / "plain.yaml").write_text(json.dumps(plain, indent=1), encoding="utf-8")
    return folder
