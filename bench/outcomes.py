"""The figures issue #13 asks for, over every outcome of the built-in trees in both languages.

    python bench/outcomes.py              # every tree
    python bench/outcomes.py transaction  # one tree (or several)

- steps per outcome: its own steps as validation counts them (a shared block counts its items, a
  conditional group counts as one); and every step a reader may meet, the steps inside groups counted;
- outcomes with a text said twice, or a block used twice (validation's outcome-shape findings);
- the lines a diagnosis takes in the wizard at 80 columns: the first screen (severity, title, summary, the
  steps) and the whole diagnosis with every section, in zh-CN and en;
- the five longest outcomes by whole lines.
"""

from __future__ import annotations

import statistics
import sys

from rich.console import Group

from wallet_doctor.model import Conditional
from wallet_doctor.outcome_rules import outcome_shape, steps_to_read
from wallet_doctor.render.data import outcome_data
from wallet_doctor.render.terminal import make_console, outcome_head, outcome_rest
from wallet_doctor.sources import open_catalog


def lines(renderable: object, width: int) -> int:
    console = make_console(False, width)
    with console.capture() as captured:
        console.print(renderable)
    return len(captured.get().splitlines())


def main(trees: list[str]) -> None:
    catalog = open_catalog()
    outcomes = [o for t in catalog.trees.values() if not trees or t.id in trees for o in t.outcomes]
    steps = {
        o.id: sum(1 if isinstance(s, Conditional) else len(catalog.expand([s])) for s in o.steps) for o in outcomes
    }
    every = {o.id: steps_to_read(catalog, o) for o in outcomes}
    ids = {o.id for o in outcomes}
    repeated = sorted({p.node for p in outcome_shape(catalog) if "twice" in p.message and p.node in ids})
    head: dict[tuple[str, str], int] = {}
    whole: dict[tuple[str, str], int] = {}
    for outcome in outcomes:
        for lang in ("zh-CN", "en"):
            data = outcome_data(catalog, outcome, lang)
            head[outcome.id, lang] = lines(outcome_head(data, lang), 80)
            whole[outcome.id, lang] = head[outcome.id, lang] + lines(Group(*outcome_rest(data["sections"], lang)), 80)
    print(f"outcomes: {len(outcomes)}")
    print(
        f"steps per outcome: median {statistics.median(steps.values())}, max {max(steps.values())} "
        f"({max(steps, key=steps.__getitem__)}), over 8: {sum(n > 8 for n in steps.values())}"
    )
    print(
        f"steps counting those in groups: median {statistics.median(every.values())}, max {max(every.values())} "
        f"({max(every, key=every.__getitem__)}), over 12: {sum(n > 12 for n in every.values())}"
    )
    print(f"outcomes with a repeated text or block: {len(repeated)} {' '.join(repeated)}")
    for name, figures in (("first screen", head), ("whole diagnosis", whole)):
        for lang in ("zh-CN", "en"):
            values = [n for (_, code), n in figures.items() if code == lang]
            print(f"{name} at 80 columns, {lang}: median {statistics.median(values)}, max {max(values)} lines")
    longest = sorted(whole.items(), key=lambda item: -item[1])[:5]
    print("longest: " + ", ".join(f"{oid} ({lang}) {n}" for (oid, lang), n in longest))


if __name__ == "__main__":
    main(sys.argv[1:])
