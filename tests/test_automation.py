"""Support-staff automation: probes in scripted runs, recorded walks that replay, and batch triage."""

from __future__ import annotations

import io
import json
import re
import socket
from collections.abc import Iterable, Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import FIXTURE_FLAGS, VALID
from tests.prompting import DOWN, ENTER, make_wizard, run_wizard
from wallet_doctor.batch import run_batch
from wallet_doctor.engine import Walk
from wallet_doctor.model import Catalog
from wallet_doctor.probes import ProbeConfig


def cases_from(lines: Iterable[dict[str, Any]]) -> bytes:
    """JSON Lines bytes from case objects."""
    return b"".join(json.dumps(c, ensure_ascii=False).encode() + b"\n" for c in lines)


@pytest.fixture
def listener(monkeypatch: pytest.MonkeyPatch) -> Iterator[int]:
    """A loopback TCP listener that the internet probe is pointed at through $WALLET_DOCTOR_PROBE_HOSTS."""
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen()
        port = server.getsockname()[1]
        monkeypatch.setenv("WALLET_DOCTOR_PROBE_HOSTS", f"http://127.0.0.1:{port}/")
        yield port


# -- probes in scripted runs --------------------------------------------------------------------------


def test_scripted_runs_do_not_probe_unless_asked(cli, listener: int) -> None:
    code, data = cli.json("run", "network", *FIXTURE_FLAGS)

    assert code == 3
    assert data["question"]["id"] == "net_other_apps"


def test_with_probe_a_check_is_answered_by_its_probe(cli, listener: int) -> None:
    code, data = cli.json("run", "network", *FIXTURE_FLAGS, "--probe")

    assert code == 3
    assert data["question"]["id"] == "net_notice"
    step = data["path"][0]
    assert (step["question"], step["choice"], step["by"]) == ("net_other_apps", "pass", "probe")
    assert step["detail"].startswith("reached 127.0.0.1 in ")


def test_an_answer_given_for_a_check_wins_over_its_probe(cli, listener: int) -> None:
    code, data = cli.json("run", "network", *FIXTURE_FLAGS, "--probe", "-a", "net_other_apps=fail")

    assert (code, data["outcome"]["id"], data["path"][0]["by"]) == (0, "net_is_network", "user")


def test_the_wizard_runs_the_probe_and_shows_what_it_found(catalog: Catalog, listener: int) -> None:
    probes = ProbeConfig(urls=(f"http://127.0.0.1:{listener}/",), timeout=2)
    # the problem is on this computer; the check is answered by the probe; net_notice: "No"; solved: yes;
    # report: no.
    keys = [DOWN + ENTER, DOWN + ENTER, ENTER, ENTER]
    code, screen, prompter = run_wizard(Walk.start(catalog, "network"), keys, probes=probes)

    assert code == 0
    assert prompter.asked[:2] == ["Which device has the problem?", 'Does the wallet say "account abnormal"?']
    assert "Checking automatically on this computer: whether it reaches the internet\n" in screen
    assert "✓ They work\n  This computer reached 127.0.0.1 in " in screen


def test_for_a_phone_the_probe_is_information_and_the_question_is_still_asked(catalog: Catalog, listener: int) -> None:
    probes = ProbeConfig(urls=(f"http://127.0.0.1:{listener}/",), timeout=2)
    # the problem is on a phone (the first choice); the check is asked: "fail"; solved: yes; report: no.
    keys = [ENTER, DOWN + ENTER, ENTER, ENTER]
    code, screen, prompter = run_wizard(Walk.start(catalog, "network"), keys, probes=probes)

    assert code == 0
    assert prompter.asked[:2] == ["Which device has the problem?", "Do other apps work?"]
    assert "For your information (this tested this computer, not your phone):\n" in screen
    assert "If your phone is on the same Wi-Fi, the Wi-Fi itself works." in " ".join(screen.split())
    assert "A network problem" in screen  # the person's answer, not the probe's, decided


def test_the_device_question_and_the_probe_speak_the_users_language(catalog: Catalog) -> None:
    probes = ProbeConfig(urls=("https://nowhere.invalid/",), timeout=2, resolver=_no_names)
    keys = [ENTER, DOWN + ENTER, ENTER, ENTER]
    code, screen, prompter = run_wizard(Walk.start(catalog, "network"), keys, lang="zh-CN", probes=probes)

    assert code == 0
    assert prompter.asked[:2] == ["出问题的钱包在哪台设备上？", "其他应用能联网吗？"]
    flat = re.sub(r"\n *", "", screen)  # lines joined, continuation indents dropped
    assert "这台电脑查不到任何网站的地址（试了 nowhere.invalid：找不到这个网址）。" in flat
    assert "如果手机连的是同一个 Wi-Fi，问题可能出在 Wi-Fi 或路由器上。" in flat
    assert "gaierror" not in screen and "DNS" not in screen


def _no_names(host: str, port: int) -> list[tuple[str, int]]:
    import socket

    raise socket.gaierror(-2, "Name or service not known")


def test_after_going_back_to_a_probed_check_the_user_answers_it(catalog: Catalog, listener: int) -> None:
    probes = ProbeConfig(urls=(f"http://127.0.0.1:{listener}/",), timeout=2)
    # this computer; probe answers the check; at net_notice go back (index 3); now the check is asked: "fail".
    keys = [DOWN + ENTER, DOWN * 3 + ENTER, DOWN + ENTER, ENTER, ENTER]

    code, screen, prompter = run_wizard(Walk.start(catalog, "network"), keys, probes=probes)

    assert code == 0
    assert prompter.asked[1:3] == ['Does the wallet say "account abnormal"?', "Do other apps work?"]
    assert "A network problem" in screen


# -- recorded walks -----------------------------------------------------------------------------------


def test_a_recorded_scripted_walk_replays_to_the_same_outcome(cli, tmp_path: Path) -> None:
    record = tmp_path / "walk.yaml"
    flags = ["-a", "triage_problem=network", "-a", "net_other_apps=pass", "-a", "net_notice=shown"]
    first = cli(
        "run", *FIXTURE_FLAGS, *flags, "-a", "login_symptom=no_sms", "--format", "json", "--record", str(record)
    )

    code, replayed = cli.json("run", *FIXTURE_FLAGS, "--answers", str(record))

    assert first.exit_code == 0 and code == 0
    assert replayed["outcome"] == json.loads(first.stdout)["outcome"]
    text = record.read_text(encoding="utf-8")
    assert text.startswith("tree: triage\nrecorded: ")
    assert "digests:\n  triage: " in text and "\n  network: " in text and "\n  login: " in text
    assert text.endswith(
        "answers:\n  triage_problem: network\n  net_other_apps: pass\n  net_notice: shown\n  login_symptom: no_sms\n"
    )


def test_a_recorded_interactive_walk_replays_to_the_same_outcome(catalog: Catalog, cli, tmp_path: Path) -> None:
    from wallet_doctor.record import save_record

    # triage: "I cannot log in"; login: "No SMS code"; solved yes; no report.
    wizard, _ = make_wizard(Walk.start(catalog, "triage"), [DOWN + ENTER, DOWN + ENTER, ENTER, ENTER])
    assert wizard.run() == 0
    record = tmp_path / "walk.json"
    save_record(wizard.walk, record, datetime(2026, 11, 22, 9, 30))  # what `run --record` saves

    replayed_code, replayed = cli.json("run", *FIXTURE_FLAGS, "--answers", str(record))

    assert (replayed_code, replayed["outcome"]["id"]) == (0, "login_sms")


def test_the_installed_wizard_records_its_walk(tmp_path: Path) -> None:
    pexpect = pytest.importorskip("pexpect")
    import shutil

    command = shutil.which("wallet-doctor")
    if command is None:
        pytest.skip("wallet-doctor is not installed on PATH")
    record = tmp_path / "walk.yaml"
    child = pexpect.spawn(
        command,
        ["run", "--trees", str(VALID), "--no-builtin", "--no-probe", "--record", str(record)],
        env={"PATH": "/usr/bin:/bin", "TERM": "xterm", "PROMPT_TOOLKIT_NO_CPR": "1", "WALLET_DOCTOR_LANG": "en"},
        encoding="utf-8",
        dimensions=(40, 100),
        timeout=20,
    )
    child.expect("What is the problem")
    child.send(DOWN + ENTER)
    child.expect("What happens when you log in")
    child.send(DOWN + ENTER)
    child.expect("Did this solve the problem")
    child.send(ENTER)
    child.expect("Save a case report")
    child.send(ENTER)
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0

    from tests.conftest import Cli

    code, replayed = Cli().json("run", *FIXTURE_FLAGS, "--answers", str(record))
    assert (code, replayed["outcome"]["id"]) == (0, "login_sms")


def test_replaying_against_a_changed_tree_warns_and_names_the_answer_that_no_longer_fits(cli, tmp_path: Path) -> None:
    record = tmp_path / "walk.yaml"
    cli("run", "login", *FIXTURE_FLAGS, "-a", "login_symptom=no_sms", "--format", "json", "--record", str(record))
    changed = tmp_path / "trees"
    changed.mkdir()
    for path in VALID.glob("*.yaml"):
        (changed / path.name).write_text(path.read_text(encoding="utf-8").replace("id: no_sms", "id: sms_missing"))

    result = cli("run", "--trees", str(changed), "--no-builtin", "--answers", str(record), "--format", "json")

    assert result.exit_code == 3
    assert result.stderr.splitlines() == [
        "wallet-doctor: warning: Tree 'login' has changed since this walk was recorded.",
        "wallet-doctor: warning: The answer login_symptom=no_sms no longer fits and is skipped: "
        "Question 'login_symptom' has no choice 'no_sms'. Valid choices: wrong_password, sms_missing.",
    ]
    assert json.loads(result.stdout)["question"]["id"] == "login_symptom"


def test_record_never_overwrites_without_overwrite(cli, tmp_path: Path) -> None:
    record = tmp_path / "walk.yaml"
    record.write_text("keep", encoding="utf-8")

    result = cli("run", "login", *FIXTURE_FLAGS, "-a", "login_symptom=no_sms", "--record", str(record))

    assert result.exit_code == 4
    assert "already exists" in result.stderr
    assert record.read_text(encoding="utf-8") == "keep"


# -- batch --------------------------------------------------------------------------------------------


def test_batch_writes_one_result_per_case_with_its_id_and_goes_on_after_a_bad_line(cli, tmp_path: Path) -> None:
    cases = tmp_path / "cases.jsonl"
    cases.write_bytes(
        cases_from(
            [
                {"id": "T-1", "tree": "login", "answers": {"login_symptom": "no_sms"}, "lang": "zh-CN"},
                {"id": "T-2", "answers": {"triage_problem": "network"}},
            ]
        )
        + b"this is not json\n\n"
        + cases_from([{"id": "T-4", "tree": "login", "answers": {"login_symptom": "maybe"}}])
    )

    result = cli("batch", str(cases), *FIXTURE_FLAGS)

    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(r["id"], r["status"]) for r in lines] == [
        ("T-1", "outcome"),
        ("T-2", "needs_answer"),
        (3, "error"),
        ("T-4", "error"),
    ]
    assert lines[0]["outcome"]["title"] == "短信被拦截"
    assert lines[1]["question"]["id"] == "net_other_apps"
    assert lines[2]["line"] == 3 and lines[2]["error"]["exit_code"] == 4
    assert lines[3]["error"]["message"] == (
        "Question 'login_symptom' has no choice 'maybe'. Valid choices: wrong_password, no_sms."
    )
    assert result.exit_code == 4
    assert result.stderr.splitlines() == [
        "4 case(s): 1 reached an outcome, 1 need an answer, 2 error(s).",
        "        1  login_sms",
    ]


def test_batch_exits_0_only_when_every_case_reached_an_outcome(cli) -> None:
    every = cases_from([{"id": n, "tree": "login", "answers": {"login_symptom": "no_sms"}} for n in range(3)])
    some = every + cases_from([{"id": 9, "tree": "login"}])

    assert cli("batch", "-", *FIXTURE_FLAGS, input=every.decode()).exit_code == 0
    assert cli("batch", "-", *FIXTURE_FLAGS, input=some.decode()).exit_code == 3


def test_batch_gives_the_same_answer_as_run(cli) -> None:
    _, single = cli.json("run", "network", *FIXTURE_FLAGS, "-a", "net_other_apps=fail")
    batch = cli(
        "batch",
        "-",
        *FIXTURE_FLAGS,
        input=json.dumps({"id": 1, "tree": "network", "answers": {"net_other_apps": "fail"}}),
    )

    assert json.loads(batch.stdout) == {"id": 1, **single}


def test_batch_checks_answers_by_the_rules_of_an_answers_file(cli, tmp_path: Path) -> None:
    cases = cases_from(
        [
            {"id": 1, "tree": "login", "answers": {"login_symptom": ["no_sms"]}},
            {"id": 2, "tree": "login", "answers": ["login_symptom"]},
            {"id": 3, "tree": "login", "lang": "fr"},
        ]
    )
    answers_file = tmp_path / "answers.yaml"
    answers_file.write_text("login_symptom: [no_sms]\n", encoding="utf-8")

    result = cli("batch", "-", *FIXTURE_FLAGS, input=cases.decode())
    run = cli("run", "login", *FIXTURE_FLAGS, "--answers", str(answers_file))

    assert [json.loads(line)["error"]["message"] for line in result.stdout.splitlines()] == [
        "In this case, the answer to 'login_symptom' should be a choice id, not a list.",
        "In this case, 'answers' should be a mapping of question to choice, not a list.",
        "Unknown language 'fr'. Use one of: zh-CN, en.",
    ]
    assert run.stderr == (
        f"wallet-doctor: In the answers file {answers_file}, the answer to 'login_symptom' should be a choice id, "
        "not a list.\n"
    )


def test_batch_streams_each_result_before_reading_the_next_case(catalog: Catalog) -> None:
    events: list[str] = []

    class Cases(io.BytesIO):
        lines = 0

        def readline(self, size: int | None = -1) -> bytes:
            if self.lines == 3:
                return b""
            events.append(f"read {self.lines}")
            self.lines += 1
            case = {"id": self.lines - 1, "tree": "login", "answers": {"login_symptom": "no_sms"}}
            return json.dumps(case).encode() + b"\n"

    class Results(io.StringIO):
        def write(self, text: str) -> int:
            if text != "\n":
                events.append(f"wrote {json.loads(text)['id']}")
            return len(text)

    run_batch(Cases(), catalog, "en", Results())

    assert events == ["read 0", "wrote 0", "read 1", "wrote 1", "read 2", "wrote 2"]


def test_a_missing_cases_file_exits_4(cli, tmp_path: Path) -> None:
    result = cli("batch", str(tmp_path / "none.jsonl"), *FIXTURE_FLAGS)

    assert result.exit_code == 4
    assert "does not exist" in result.stderr


def test_a_missing_cases_file_is_refused_in_the_users_language(cli, tmp_path: Path) -> None:
    missing = tmp_path / "cases.jsonl"

    english = cli("batch", str(missing), *FIXTURE_FLAGS)
    chinese = cli("batch", str(missing), *FIXTURE_FLAGS, "--lang", "zh-CN")

    assert (english.exit_code, english.stderr) == (4, f"wallet-doctor: The cases file '{missing}' does not exist.\n")
    assert (chinese.exit_code, chinese.stderr) == (4, f"wallet-doctor: 案例文件“{missing}”不存在。\n")


def test_the_step_by_step_walk_checks_again_when_the_problem_is_on_this_computer(
    catalog: Catalog, listener: int
) -> None:
    probes = ProbeConfig(urls=(f"http://127.0.0.1:{listener}/",), timeout=2)
    # this computer; the probe answers the check; net_notice: "No" -> An app problem (1 step); the walk;
    # step 1: done, still broken; what next: finish (the related login is first); no report.
    keys = [DOWN + ENTER, DOWN + ENTER, DOWN * 2 + ENTER, DOWN + ENTER, DOWN + ENTER, ENTER]

    code, screen, _ = run_wizard(Walk.start(catalog, "network"), keys, probes=probes)

    assert code == 0
    assert "Checked again on this computer: This computer reached 127.0.0.1 in " in screen


def test_the_step_by_step_walk_does_not_check_a_phone_from_this_computer(catalog: Catalog, listener: int) -> None:
    probes = ProbeConfig(urls=(f"http://127.0.0.1:{listener}/",), timeout=2)
    # a phone; the check asked: "They work"; net_notice: "No"; the walk; step 1 still broken; finish; no report.
    keys = [ENTER, ENTER, DOWN + ENTER, DOWN * 2 + ENTER, DOWN + ENTER, DOWN + ENTER, ENTER]

    code, screen, _ = run_wizard(Walk.start(catalog, "network"), keys, probes=probes)

    assert code == 0
    assert "Step 1 of 1" in screen
    assert "Checked again" not in screen
