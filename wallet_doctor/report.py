"""Case reports: what a user sends to support. A walk's questions, answers and diagnosis, the tree
versions that produced it, and never a secret: typed text is redacted and a reminder is always included."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from typing import Any

from wallet_doctor.engine import Walk
from wallet_doctor.files import write_atomic
from wallet_doctor.messages import msg
from wallet_doctor.redact import redact
from wallet_doctor.render.data import SCHEMA_VERSION, walk_data
from wallet_doctor.render.markdown import escape, outcome_lines


def report_data(walk: Walk, lang: str, created: datetime, description: str | None = None) -> dict[str, Any]:
    """The report as data; `description` (free text the user typed) is stored redacted."""
    data = walk_data(walk, lang)
    return {
        "schema_version": SCHEMA_VERSION,
        "kind": "case_report",
        "created": created.isoformat(timespec="seconds"),
        "lang": lang,
        "trees": [
            {"id": t, "version": walk.catalog.trees[t].version, "digest": walk.catalog.trees[t].digest[:12]}
            for t in dict.fromkeys(walk.trees)
        ],
        "description": redact(description) if description else None,
        "path": data["path"],
        "outcome": data.get("outcome"),
        "reminder": msg("never_share", lang),
    }


def report_markdown(report: dict[str, Any]) -> str:
    lang = report["lang"]
    lines = [
        f"# {msg('report.title', lang)}",
        "",
        f"- **{msg('report.date', lang)}:** {report['created']}",
        f"- **{msg('report.trees', lang)}:** "
        + ", ".join(f"{t['id']} v{t['version']} ({t['digest']})" for t in report["trees"]),
        "",
        f"> **{msg('warning', lang)}:** {escape(report['reminder'])}",
        "",
    ]
    if report["description"]:
        lines += [f"## {msg('report.description', lang)}", "", escape(report["description"]), ""]
    lines += [f"## {msg('answers_so_far', lang)}", ""]
    lines += [f"{n}. {escape(s['text'])} → **{escape(s['label'])}**" for n, s in enumerate(report["path"], 1)]
    if report["outcome"]:
        lines += ["", *outcome_lines(report["outcome"], lang, level=2)]
    return "\n".join(lines) + "\n"


def save_report(report: dict[str, Any], path: Path, *, overwrite: bool = False) -> None:
    """Write the report atomically: JSON for a .json file, Markdown otherwise."""
    if path.suffix.lower() == ".json":
        content = json.dumps(report, ensure_ascii=False, indent=2) + "\n"
    else:
        content = report_markdown(report)
    write_atomic(path, content, overwrite=overwrite)
