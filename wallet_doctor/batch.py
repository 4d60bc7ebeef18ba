"""Batch triage: one case a line in (JSON), one result a line out, streaming, so memory stays flat.

Each result is the object `run --format json` prints, plus the case id; a bad line gives an error object
for that line and the batch goes on."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, BinaryIO, TextIO

from wallet_doctor.answers import choices_of
from wallet_doctor.engine import drive
from wallet_doctor.error_handler import describe
from wallet_doctor.errors import EXIT_INVALID, EXIT_NEEDS_ANSWER, EXIT_OK, UnknownLanguage, WalletDoctorError
from wallet_doctor.files import stop_on_termination
from wallet_doctor.lang import normalise
from wallet_doctor.model import LANGUAGES, TRIAGE, Catalog
from wallet_doctor.render.data import case_error_data, walk_data

_CASE_KEYS = ("id", "tree", "answers", "lang")
MAX_LINE_BYTES = 64 * 1024  # a case is a few answers; a line costs about 40 times its size once parsed


@dataclass
class BatchSummary:
    """What a batch did: cases read, lines in error, walks waiting for an answer, outcomes by id."""

    cases: int = 0
    errors: int = 0
    needs_answer: int = 0
    outcomes: Counter[str] = field(default_factory=Counter)

    @property
    def exit_code(self) -> int:
        """0 when every case reached an outcome; 4 when any line was bad; else 3 (answers needed)."""
        if self.errors:
            return EXIT_INVALID
        return EXIT_NEEDS_ANSWER if self.needs_answer else EXIT_OK

    def lines(self) -> list[str]:
        """The summary for standard error: one line of counts, then each outcome reached, most frequent first."""
        reached = sum(self.outcomes.values())
        head = (
            f"{self.cases} case(s): {reached} reached an outcome, "
            f"{self.needs_answer} need an answer, {self.errors} error(s)."
        )
        return [head, *(f"  {count:>7}  {outcome}" for outcome, count in self.outcomes.most_common())]


class CaseError(WalletDoctorError):
    """A line that is not a case."""


def run_batch(stream: BinaryIO, catalog: Catalog, lang: str, out: TextIO) -> BatchSummary:
    """Read cases from `stream`, write one result line to `out` per case, and count what happened."""
    summary = BatchSummary()
    with stop_on_termination():  # killed with SIGTERM/SIGHUP: stop between cases, every line written whole
        _run(stream, catalog, lang, out, summary)
    return summary


def _run(stream: BinaryIO, catalog: Catalog, lang: str, out: TextIO, summary: BatchSummary) -> None:
    encode = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
    # Many cases share few outcomes: each outcome is built and encoded once per language, then spliced in.
    outcomes: dict[tuple[str, str], Any] = {}
    encoded_outcomes: dict[tuple[str, str], str] = {}
    for number, raw in enumerate(_lines(stream), 1):
        if raw is not None and not raw.strip():
            continue
        summary.cases += 1
        result = _one_case(raw, number, catalog, lang, outcomes)
        status = result["status"]
        if status == "outcome":
            outcome = result.pop("outcome")
            summary.outcomes[outcome["id"]] += 1
            key = (outcome["id"], result["lang"])
            if key not in encoded_outcomes:
                encoded_outcomes[key] = encode(outcome)
            line = f'{encode(result)[:-1]},"outcome":{encoded_outcomes[key]}}}'
        else:
            summary.needs_answer += status == "needs_answer"
            summary.errors += status == "error"
            line = encode(result)
        out.write(line + "\n")  # one write: a line is in the buffer whole or not at all


def _lines(stream: BinaryIO) -> Iterable[bytes | None]:
    """The lines of `stream`; None for a line longer than MAX_LINE_BYTES, read past without keeping it."""
    while True:
        line = stream.readline(MAX_LINE_BYTES + 1)
        if not line:
            return
        if len(line) > MAX_LINE_BYTES and not line.endswith(b"\n"):
            while line and not line.endswith(b"\n"):
                line = stream.readline(MAX_LINE_BYTES)
            yield None
        else:
            yield line


def _one_case(
    raw: bytes | None, number: int, catalog: Catalog, default_lang: str, outcomes: dict[tuple[str, str], Any]
) -> dict[str, Any]:
    case_id: Any = number
    try:
        if raw is None:
            raise CaseError(f"The line is longer than {MAX_LINE_BYTES // 1024} KB. A case holds a few answers only.")
        case = _parse(raw)
        case_id = case.get("id", number)
        lang = _lang(case.get("lang"), default_lang)
        tree = case.get("tree") or TRIAGE
        if not isinstance(tree, str):
            raise CaseError(f"'tree' should be a tree id, not {json.dumps(tree)}.")
        walk = drive(catalog, tree, choices_of(case.get("answers"), "In this case"))
        return {"id": case_id, **walk_data(walk, lang, outcomes)}
    except WalletDoctorError as exc:
        # English: for logs. A plain dict, as the walk's: the loop below splices the outcome in.
        return dict(case_error_data(case_id, number, exc.exit_code, describe(exc, "en")))


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a JSON number")


def _finite(text: str) -> float:
    number = float(text)
    if number in (float("inf"), float("-inf")):
        raise ValueError(f"{text} is too large a number")
    return number


def _parse(raw: bytes) -> dict[str, Any]:
    try:
        # utf-8-sig: a byte order mark (Windows editors write one) is not part of the first case.
        case = json.loads(raw.decode("utf-8-sig"), parse_constant=_no_constant, parse_float=_finite)
    except UnicodeDecodeError:
        raise CaseError("The line is not UTF-8 text.") from None
    except RecursionError:
        raise CaseError("The line is nested too deeply to be a case.") from None
    except ValueError as exc:
        raise CaseError(
            f'The line is not JSON ({exc}). Write one object a line: {{"id": ..., "answers": {{...}}}}.'
        ) from None
    if b"\\u" in raw and _has_lone_surrogate(case):
        raise CaseError(
            "The line holds a lone surrogate escape (such as \\ud800), which is not text. Write each character whole."
        )
    if not isinstance(case, dict):
        raise CaseError('The line is not a JSON object. Write one object a line: {"id": ..., "answers": {...}}.')
    unknown = [k for k in case if k not in _CASE_KEYS]
    if unknown:
        raise CaseError(f"Unknown key(s) {', '.join(map(str, unknown))}. Use only: {', '.join(_CASE_KEYS)}.")
    return case


def _has_lone_surrogate(value: Any) -> bool:
    try:
        json.dumps(value, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def _lang(value: Any, default: str) -> str:
    if value is None:
        return default
    chosen = normalise(value) if isinstance(value, str) else None
    if chosen is None:
        raise UnknownLanguage(value if isinstance(value, str) else json.dumps(value), LANGUAGES)
    return chosen
