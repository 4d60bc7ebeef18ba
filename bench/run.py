"""wallet-doctor's benchmark: start-up, first prompt, batch throughput, validate/docs scaling, memory.

The scaling runs use two sets of trees: "real" (the built-in trees copied with renamed ids, long bilingual
texts) and "synthetic" (generated chains of short questions, in flow style).

Run from the repository with the package installed (`pip install -e ".[test]"`):

    python bench/run.py            # full run, about 3 minutes on 2 cores
    python bench/run.py --quick    # fewer runs and sizes, for a smoke test

Each timing is the median of --runs runs, the contenders of one comparison interleaved run by run so
that a busy machine slows both alike. Prints a table and writes bench/results/latest.json.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import pty
import random
import re
import select
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
PYTHON = sys.executable
COMMAND = shutil.which("wallet-doctor") or str(Path(PYTHON).parent / "wallet-doctor")
WALK = ["run", "--format", "json", "-a", "triage_problem=money", "-a", "triage_money=payment_failed",
        "-a", "tx_status=charged_twice"]  # fmt: skip


def timed(argv: list[str], env: dict[str, str] | None = None, stdin: bytes | None = None) -> float:
    started = time.perf_counter()
    subprocess.run(argv, input=stdin, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, check=False)
    return time.perf_counter() - started


def interleaved(contenders: dict[str, Callable[[], float]], runs: int) -> dict[str, float]:
    """Median seconds of each contender, run in turn `runs` times after one warm-up each."""
    for run in contenders.values():
        run()
    samples: dict[str, list[float]] = {name: [] for name in contenders}
    for _ in range(runs):
        for name, run in contenders.items():
            samples[name].append(run())
    return {name: statistics.median(values) for name, values in samples.items()}


def time_to_first_prompt(env: dict[str, str]) -> float:
    """Seconds from starting the wizard in a pseudo-terminal until its first question is drawn."""
    pid, fd = pty.fork()
    if pid == 0:
        os.execvpe(COMMAND, [COMMAND], env)
    started = time.perf_counter()
    seen = b""
    try:
        while b"Enter to" not in seen and "回车".encode() not in seen:
            ready, _, _ = select.select([fd], [], [], 10)
            if not ready:
                raise TimeoutError("the wizard drew no prompt within 10 s")
            seen += os.read(fd, 65536)
        return time.perf_counter() - started
    finally:
        os.kill(pid, 9)
        os.waitpid(pid, 0)
        os.close(fd)


def peak_memory_mib(argv: list[str]) -> float:
    """Peak resident memory of one run of `argv`, measured from a fresh parent."""
    probe = (
        "import resource, subprocess, sys; "
        "subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL); "
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
    )
    out = subprocess.run([PYTHON, "-c", probe, *argv], capture_output=True, text=True, check=True).stdout
    return int(out.strip()) / 1024


def batch_cases(count: int, path: Path) -> None:
    """`count` cases drawn from every path of the built-in trees, half in each language."""
    from wallet_doctor.paths import all_paths
    from wallet_doctor.sources import open_catalog

    catalog = open_catalog()
    walks = [(t, w.as_answers()) for t in sorted(catalog.trees) for w in all_paths(catalog, t)]
    rng = random.Random(7)
    with path.open("w", encoding="utf-8") as out:
        for number in range(count):
            tree, answers = rng.choice(walks)
            case = {"id": number, "tree": tree, "answers": answers, "lang": "en" if number % 2 else "zh-CN"}
            out.write(json.dumps(case, ensure_ascii=False) + "\n")


def generated_trees(nodes: int, folder: Path, per_file: int = 500) -> None:
    """About `nodes` nodes in trees of `per_file` nodes: a chain of questions, each with an outcome beside it."""
    folder.mkdir(parents=True)
    (folder / "shared.yaml").write_text(
        "shared:\n  contact_support:\n    - text: {zh-CN: 联系官方客服。, en: Contact official support.}\n",
        encoding="utf-8",
    )
    trees = max(1, nodes // per_file)
    for t in range(trees):
        questions = per_file // 2
        lines = [f"tree: g{t}", "version: 1", "title: {zh-CN: 生成的树, en: A generated tree}",
                 "summary: {zh-CN: 用于基准测试。, en: For the benchmark.}", f"start: g{t}_q0", "nodes:"]  # fmt: skip
        for q in range(questions):
            after = f"g{t}_q{q + 1}" if q + 1 < questions else f"g{t}_o{q}"
            lines += [
                f"  g{t}_q{q}:",
                "    kind: question",
                f"    text: {{zh-CN: 第{q}个问题？, en: Question {q}?}}",
                "    help: {zh-CN: 帮助。, en: Help.}",
                "    choices:",
                f"      - {{id: more, label: {{zh-CN: 继续, en: Go on}}, next: {after}}}",
                f"      - {{id: stop, label: {{zh-CN: 停下, en: Stop here}}, next: g{t}_o{q}}}",
                f"  g{t}_o{q}:",
                "    kind: outcome",
                f"    title: {{zh-CN: 结果{q}, en: Outcome {q}}}",
                "    severity: low",
                "    summary: {zh-CN: 摘要。, en: A summary.}",
                "    steps:",
                "      - text: {zh-CN: 第一步。, en: The first step.}",
                "      - use: contact_support",
            ]
        (folder / f"g{t}.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")


# The lines of a tree file that carry an id of a tree, node or shared block (choice ids are local to their
# question and stay): `tree: ID`, `start: ID`, a node or block key (`  ID:`), a jump's `tree: ID`, `next: ID`,
# `use: ID`. The language keys (`  en:` in keywords) are not ids.
_ID_LINE = re.compile(
    r"^(tree: |start: |  |    tree: |    node: |\s*-?\s*next: |\s*-?\s*use: )((?!en\b)[a-z][a-z0-9_]*)(?=:?\s*$)", re.M
)
_RELATED = re.compile(r"^(\s*related: \[)([^\]]*)\]", re.M)


def real_trees(nodes: int, folder: Path) -> int:
    """The built-in trees copied until about `nodes` nodes, every tree, node and shared-block id of copy N
    suffixed with _cN, so the copies are valid together: real, text-heavy YAML at scale. Returns the count."""
    from wallet_doctor.sources import builtin_trees

    folder.mkdir(parents=True)
    texts = {p.stem: p.read_text(encoding="utf-8") for p in sorted(builtin_trees().glob("*.yaml"))}
    per_copy = sum(text.count("\n    kind: ") for text in texts.values())
    copies = max(1, round(nodes / per_copy))
    for copy in range(copies):
        suffix = f"_c{copy}"

        def renamed(match: re.Match[str], suffix: str = suffix) -> str:
            return match.group(1) + match.group(2) + suffix

        def related(match: re.Match[str], suffix: str = suffix) -> str:
            return match.group(1) + ", ".join(t.strip() + suffix for t in match.group(2).split(",")) + "]"

        for stem, text in texts.items():
            copied = _RELATED.sub(related, _ID_LINE.sub(renamed, text))
            (folder / f"{stem}{suffix}.yaml").write_text(copied, encoding="utf-8")
    return copies * per_copy


def cold(contenders: dict[str, Callable[[], float]], runs: int) -> dict[str, float]:
    """Median seconds of each contender over `runs` runs, interleaved, without a warm-up run."""
    samples: dict[str, list[float]] = {name: [] for name in contenders}
    for _ in range(runs):
        for name, run in contenders.items():
            samples[name].append(run())
    return {name: statistics.median(values) for name, values in samples.items()}


C_LOADER = (
    "import pathlib, sys, yaml\n"
    "for path in sorted(pathlib.Path(sys.argv[1]).glob('*.yaml')):\n"
    "    yaml.load(path.read_bytes(), Loader=yaml.CSafeLoader)\n"
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=9, help="runs per timing (median); default 9")
    parser.add_argument("--quick", action="store_true", help="3 runs, smaller batches and trees")
    parser.add_argument("--sections", default="abcde", help="which parts to run, by letter; default abcde")
    args = parser.parse_args()
    runs = 3 if args.quick else max(7, args.runs)
    env = {**os.environ, "WALLET_DOCTOR_LANG": "en", "NO_COLOR": "1", "TERM": "xterm", "COLUMNS": "100"}
    env.pop("CI", None)
    results: dict[str, object] = {}
    rows: list[tuple[str, str, str, str]] = []

    def row(what: str, figure: str, goal: str, ok: bool) -> None:
        rows.append((what, figure, goal, "met" if ok else "MISSED"))
        print(f"  {what}: {figure} ({goal}: {'met' if ok else 'MISSED'})", flush=True)

    if "a" in args.sections or "b" in args.sections:
        # As an installed copy runs: pip compiles a package's bytecode when it installs it, and the baselines'
        # typer, yaml and questionary have theirs. An editable checkout run with PYTHONDONTWRITEBYTECODE=1 (as
        # on this project's machine) would otherwise compile every module of ours from source on every call,
        # timing the compiler (about 25 ms of the walk) rather than the program.
        compiled = subprocess.run(
            [PYTHON, "-m", "compileall", "-q", str(HERE.parent / "wallet_doctor")], capture_output=True, check=False
        )
        results["bytecode_compiled"] = compiled.returncode == 0
        if compiled.returncode != 0:
            print("  (could not compile wallet_doctor's bytecode: these start-up figures include compiling it)")

    if "a" in args.sections:
        print("a) start-up against `python -c 'import typer, yaml'`", flush=True)
        subprocess.run([COMMAND, *WALK], env=env, capture_output=True, check=False)  # fill the catalog cache
        startup = interleaved(
            {
                "baseline": lambda: timed([PYTHON, "-c", "import typer, yaml"], env),
                "walk": lambda: timed([COMMAND, *WALK], env),
                "help": lambda: timed([COMMAND, "--help"], env),
            },
            runs,
        )
        results["startup_seconds"] = startup
        for name in ("walk", "help"):
            ratio = startup[name] / startup["baseline"]
            figure = f"{startup[name] * 1000:.0f} ms / {startup['baseline'] * 1000:.0f} ms = {ratio:.2f}"
            row(f"{name} / baseline", figure, "at most 1.3", ratio <= 1.3)

    if "b" in args.sections:
        print("b) first interactive prompt against `python -c 'import questionary, typer'`", flush=True)
        prompt = interleaved(
            {
                "baseline": lambda: timed([PYTHON, "-c", "import questionary, typer"], env),
                "prompt": lambda: time_to_first_prompt(env),
            },
            runs,
        )
        results["first_prompt_seconds"] = prompt
        ratio = prompt["prompt"] / prompt["baseline"]
        figure = f"{prompt['prompt'] * 1000:.0f} ms / {prompt['baseline'] * 1000:.0f} ms = {ratio:.2f}"
        row("first prompt / baseline", figure, "at most 1.3", ratio <= 1.3)

    with tempfile.TemporaryDirectory() as scratch:
        work = Path(scratch)
        if "c" in args.sections:
            print("c) batch throughput", flush=True)
            rates = {}
            per_case = {}
            one = work / "cases-1.jsonl"
            batch_cases(1, one)
            fixed = statistics.median(timed([COMMAND, "batch", str(one)], env) for _ in range(5))  # start-up
            for count in (2_000, 10_000) if args.quick else (10_000, 100_000):
                cases = work / f"cases-{count}.jsonl"
                batch_cases(count, cases)
                seconds = statistics.median(
                    timed([COMMAND, "batch", str(cases)], env) for _ in range(3 if count <= 10_000 else 1)
                )
                rates[count] = count / seconds
                per_case[count] = (seconds - fixed) / count
                row(
                    f"batch {count:,} cases",
                    f"{rates[count]:,.0f} cases/s",
                    "at least 5,000 cases/s",
                    rates[count] >= 5000,
                )
            sizes = sorted(rates)
            spread = per_case[sizes[0]] / per_case[sizes[-1]]
            figure = f"{per_case[sizes[0]] * 1e6:.0f} us / {per_case[sizes[-1]] * 1e6:.0f} us = {spread:.2f}"
            # Linear means a case costs no more in a large batch than in a small one (it may cost less, once the
            # per-outcome encodings are warm).
            row("batch cost per case beyond start-up, small / large", figure, "at least 0.8 (linear)", spread >= 0.8)
            results["batch_cases_per_second"] = rates
            results["batch_seconds_per_case_beyond_startup"] = per_case

        if "d" in args.sections:
            print("d) validate and docs, cold (no catalog cache), against PyYAML's C loader reading the same files",
                  flush=True)  # fmt: skip
            cold_env = {**env, "WALLET_DOCTOR_NO_CACHE": "1"}
            sets = [("real", 11_400), ("synthetic", 1_000), ("synthetic", 10_000)]
            if not args.quick:
                sets += [("real", 50_000), ("synthetic", 50_000)]
            scale: dict[str, dict[str, float]] = {}
            for kind, wanted in sets:
                folder = work / f"{kind}-{wanted}"
                if kind == "real":
                    nodes = real_trees(wanted, folder)
                else:
                    generated_trees(wanted, folder)
                    nodes = wanted
                megabytes = sum(p.stat().st_size for p in folder.glob("*.yaml")) / 1e6
                out = work / f"docs-{kind}-{wanted}"
                times = cold(
                    {
                        "validate": lambda f=folder: timed([COMMAND, "validate", str(f), "--no-builtin"], cold_env),
                        "docs": lambda f=folder, o=out: timed(
                            [COMMAND, "docs", "--trees", str(f), "--no-builtin", "--out", str(o)], cold_env
                        ),
                        "c_loader": lambda f=folder: timed([PYTHON, "-c", C_LOADER, str(f)], cold_env),
                    },
                    3 if nodes <= 12_000 else 1,
                )
                key = f"{kind} {nodes:,} nodes"
                scale[key] = {"nodes": nodes, "megabytes": megabytes, **times}
                label = f"{kind} {nodes:,} nodes, {megabytes:.0f} MB"
                real_goal = kind == "real" and nodes < 12_000
                for what in ("validate", "docs"):
                    seconds = times[what]
                    row(f"{what} {label}", f"{seconds:.2f} s", "at most 1 s" if real_goal else "-",
                        seconds <= 1.0 or not real_goal)  # fmt: skip
                ratio = times["validate"] / times["c_loader"]
                figure = f"{times['validate']:.2f} s / {times['c_loader']:.2f} s = {ratio:.2f}"
                row(f"validate / C loader, {label}", figure, "under 1" if kind == "real" else "-",
                    ratio < 1 or kind != "real")  # fmt: skip
            for kind in ("real", "synthetic"):
                runs_of_kind = [v for k, v in scale.items() if k.startswith(kind)]
                if len(runs_of_kind) < 2:
                    continue
                small, large = min(runs_of_kind, key=lambda v: v["nodes"]), max(runs_of_kind, key=lambda v: v["nodes"])
                if large["nodes"] < 40_000:
                    continue
                for what in ("validate", "docs"):
                    growth = (large[what] / large["nodes"]) / (small[what] / small["nodes"])
                    figure = f"{growth:.2f} ({large['nodes']:,} against {small['nodes']:,} nodes)"
                    row(f"{what} {kind}: time per node, large / small", figure, "at most 1.2 (linear)", growth <= 1.2)
            results["scaling_seconds"] = scale

    if "e" in args.sections:
        print("e) peak memory of a scripted walk", flush=True)
        memory = max(peak_memory_mib([COMMAND, *WALK]) for _ in range(3))
        results["peak_memory_mib"] = memory
        row("scripted walk peak memory", f"{memory:.1f} MiB", "at most 40 MiB", memory <= 40)

    results["machine"] = {
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "cores": os.cpu_count(),
        "runs": runs,
    }
    results["table"] = rows
    (HERE / "results").mkdir(exist_ok=True)
    (HERE / "results" / "latest.json").write_text(json.dumps(results, indent=2, default=str) + "\n", encoding="utf-8")
    width = max(len(r[0]) for r in rows)
    print(f"\n{'measure':<{width}}  figure | goal | verdict")
    for what, figure, goal, verdict in rows:
        print(f"{what:<{width}}  {figure} | {goal} | {verdict}")
    print(f"\nwritten: {HERE / 'results' / 'latest.json'}")


if __name__ == "__main__":
    main()
