"""Case reports: what a user sends to support. A walk's questions, answers and diagnosis, the tree
versions that produced it, and never a secret: typed text is redacted and a reminder is always included."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

from wallet_doctor import __version__
from wallet_doctor.engine import Walk
from wallet_doctor.files import write_atomic
from wallet_doctor.locales import locale
from wallet_doctor.messages import msg
from wallet_doctor.redact import redact
from wallet_doctor.render.data import SCHEMA_VERSION, walk_data
from wallet_doctor.render.markdown import escape, outcome_lines

# A step tried in the step-by-step walk (wizard/steps.py): its text, and what came of it (fixed,
# still_broken, cannot: the messages walk.result.*).
Tried = tuple[str, str]


def report_data(
    walk: Walk,
    lang: str,
    created: datetime,
    description: str | None = None,
    solved: bool | None = None,
    tried: Sequence[Tried] = (),
) -> dict[str, Any]:
    """The report as data; `description` (free text the user typed) is stored redacted. `solved` is the
    person's answer to "did this solve it?" (None: not asked); `tried`, the steps they went through one at
    a time and what came of each."""
    data = walk_data(walk, lang)
    return {
        "schema_version": SCHEMA_VERSION,
        "kind": "case_report",
        "created": created.isoformat(timespec="seconds"),
        "tool_version": __version__,
        "lang": lang,
        "trees": [
            {
                "id": t,
                "title": walk.catalog.trees[t].title.get(lang),
                "version": walk.catalog.trees[t].version,
                "digest": walk.catalog.trees[t].digest[:12],
            }
            for t in dict.fromkeys(walk.trees)
        ],
        "description": redact(description) if description else None,
        "path": data["path"],
        "outcome": data.get("outcome"),
        "solved": solved,
        "tried": [{"step": step, "result": result} for step, result in tried],
        "reminder": msg("never_share", lang),
    }


def report_markdown(report: dict[str, Any]) -> str:
    lang = report["lang"]
    lines = [
        f"# {msg('report.title', lang)}",
        "",
        f"- **{msg('report.date', lang)}:** {report['created']}",
        f"- **{msg('report.trees', lang)}:** "
        + locale(lang).list_separator.join(f"{escape(t['title'])} v{t['version']}" for t in report["trees"]),
        f"- **{msg('report.tool', lang)}:** wallet-doctor {report['tool_version']}",
    ]
    if report["solved"] is not None:
        answer = msg("report.solved.yes" if report["solved"] else "report.solved.no", lang)
        lines.append(f"- **{msg('report.solved', lang)}:** {answer}")
    lines += [
        "",
        f"> **{msg('warning', lang)}:** {escape(report['reminder'])}",
        "",
    ]
    if report["description"]:
        lines += [f"## {msg('report.description', lang)}", "", escape(report["description"]), ""]
    lines += [f"## {msg('answers_so_far', lang)}", ""]
    lines += [f"{n}. {escape(s['text'])} → **{escape(s['label'])}**" for n, s in enumerate(report["path"], 1)]
    if report["outcome"]:
        lines += ["", *outcome_lines(report["outcome"], lang, level=2, ids=False)]
    if report["tried"]:
        lines += ["", f"## {msg('report.tried', lang)}", ""]
        lines += [
            f"{n}. {escape(t['step'])} → **{msg('walk.result.' + t['result'], lang)}**"
            for n, t in enumerate(report["tried"], 1)
        ]
    return "\n".join(lines) + "\n"


def save_report(report: dict[str, Any], path: Path, *, overwrite: bool = False) -> None:
    """Write the report atomically: JSON for a .json file, Markdown otherwise."""
    if path.suffix.lower() == ".json":
        content = json.dumps(report, ensure_ascii=False, indent=2) + "\n"
    else:
        content = report_markdown(report)
    write_atomic(path, content, overwrite=overwrite)
