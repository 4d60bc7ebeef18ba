"""Recorded walks: an answers file that replays a walk exactly, with the content hash of every tree it
crossed, so that a replay against changed trees can say which answer no longer fits."""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import datetime
from pathlib import Path

from wallet_doctor import __version__
from wallet_doctor.engine import Walk, unfit_answers
from wallet_doctor.errors import printable
from wallet_doctor.files import write_atomic
from wallet_doctor.messages import msg
from wallet_doctor.model import Catalog

DIGEST_LENGTH = 16
MAX_UNFIT_SHOWN = 10


def digest_of(catalog: Catalog, tree_id: str) -> str:
    """The short content hash of a tree, as recorded walks store it."""
    return catalog.trees[tree_id].digest[:DIGEST_LENGTH]


def recorded(walk: Walk, created: datetime) -> dict[str, object]:
    """The answers file of `walk`: its tree, the hash of each tree crossed, and every answer in order
    (probe results included, so a replay does not depend on the network)."""
    return {
        "tree": walk.tree,
        "recorded": f"{created.isoformat(timespec='seconds')} by wallet-doctor {__version__}",
        "digests": {tree_id: digest_of(walk.catalog, tree_id) for tree_id in dict.fromkeys(walk.trees)},
        "answers": walk.as_answers(),
    }


def save_record(walk: Walk, path: Path, created: datetime, *, overwrite: bool = False) -> None:
    """Write the answers file atomically: JSON for a .json file, YAML otherwise."""
    data = recorded(walk, created)
    if path.suffix.lower() == ".json":
        content = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    else:
        import yaml

        content = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, default_flow_style=False)
    write_atomic(path, content, overwrite=overwrite)


def replay_warnings(
    catalog: Catalog, tree_id: str, answers: Mapping[str, str], digests: Mapping[str, str], lang: str = "en"
) -> tuple[dict[str, str], list[str]]:
    """For a recorded walk: the answers that still fit, and a warning in `lang` for each tree that changed
    since the recording and each answer that no longer fits. Answers files without digests are not checked
    here (every answer must fit, or the run is refused)."""
    changed = [t for t, digest in digests.items() if t not in catalog.trees or digest_of(catalog, t) != digest]
    if not changed:
        return dict(answers), []
    warnings = [
        msg("record.tree_changed" if t in catalog.trees else "record.tree_gone", lang).format(tree=t) for t in changed
    ]
    if tree_id not in catalog.trees:
        return dict(answers), [printable(w) for w in warnings]
    askable = catalog.askable(tree_id)
    unfit = [q for q, c in answers.items() if (question := askable.get(q)) is None or question.choice(c) is None]
    # The reason (with its 'did you mean') only for the first few: a 1 MB file may hold 40,000 answers.
    shown = unfit_answers(catalog, tree_id, {q: answers[q] for q in unfit[:MAX_UNFIT_SHOWN]})
    warnings += [
        msg("record.answer_skipped", lang).format(question=q, choice=answers[q], problem=problem.message(lang))
        for q, problem in shown.items()
    ]
    if len(unfit) > len(shown):
        warnings.append(msg("record.more_skipped", lang).format(count=len(unfit) - len(shown)))
    # The tree ids and answers come from the file: shown with control characters escaped.
    skipped = set(unfit)
    return {q: c for q, c in answers.items() if q not in skipped}, [printable(w) for w in warnings]
