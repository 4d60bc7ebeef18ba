"""The names the model accepts, the registries that act on them and the JSON Schema shipped for editors
agree: adding a probe, a severity or a language in one place and forgetting another fails here."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import INVALID
from wallet_doctor import model
from wallet_doctor.lang import resolve
from wallet_doctor.locales import LOCALES, match
from wallet_doctor.probes import PROBES

SCHEMA = json.loads(
    (Path(__file__).resolve().parent.parent / "wallet_doctor" / "schemas" / "tree.schema.json").read_text("utf-8")
)


def enums_of(name: str, node: Any = SCHEMA) -> Iterator[list[Any]]:
    """Every `enum` the schema gives the property `name`, wherever it is declared."""
    if isinstance(node, dict):
        prop = node.get("properties", {}).get(name)
        if isinstance(prop, dict) and "enum" in prop:
            yield prop["enum"]
        for value in node.values():
            yield from enums_of(name, value)
    elif isinstance(node, list):
        for value in node:
            yield from enums_of(name, value)


def test_every_probe_the_loader_accepts_has_an_entry_in_the_registry() -> None:
    assert list(PROBES) == list(model.PROBES)


def test_the_schema_offers_the_probes_of_the_model() -> None:
    assert list(enums_of("probe")) == [list(model.PROBES)]


def test_every_severity_has_a_style_a_name_in_each_language_and_a_place_in_the_schema() -> None:
    from wallet_doctor.messages import _MESSAGES
    from wallet_doctor.render.terminal import SEVERITY_STYLE

    assert list(SEVERITY_STYLE) == list(model.SEVERITIES)
    assert list(enums_of("severity")) == [list(model.SEVERITIES)]
    for severity in model.SEVERITIES:
        assert set(_MESSAGES[f"severity.{severity}"]) == set(model.LANGUAGES), severity


def test_the_schema_offers_what_an_outcome_may_open_as_the_model_reads_it() -> None:
    assert list(enums_of("opens")) == [list(model.OPENS)]


def test_the_schema_asks_for_the_languages_of_the_model() -> None:
    texts = [d["required"] for d in SCHEMA["$defs"].values() if set(d.get("required", ())) & {"en", "zh-CN"}]

    assert texts and all(required == list(model.LANGUAGES) for required in texts)


def test_every_message_is_written_in_one_area_only() -> None:
    from wallet_doctor.messages import _AREAS, _MESSAGES

    # A key written in two areas would have one of its texts silently shadowed by the other.
    assert sum(len(area) for area in _AREAS) == len(_MESSAGES)


def test_every_message_is_written_in_every_language() -> None:
    from wallet_doctor.messages import _MESSAGES

    assert {key for key, texts in _MESSAGES.items() if set(texts) != set(model.LANGUAGES)} == set()


@pytest.mark.parametrize(
    ("setting", "language"),
    [
        ("zh", "zh-CN"),
        ("zh_CN.UTF-8", "zh-CN"),
        ("zh-Hans", "zh-CN"),
        ("zh-Hans-CN", "zh-CN"),
        ("zh_SG", "zh-CN"),
        ("en", "en"),
        ("en_GB.UTF-8", "en"),
        ("en_US@euro", "en"),
        # Traditional Chinese is another language: never silently Simplified.
        ("zh_TW.UTF-8", None),
        ("zh-HK", None),
        ("zh-Hant", None),
        ("fr_FR", None),
        ("english", None),
    ],
)
def test_a_locale_setting_finds_the_language_that_serves_it(setting: str, language: str | None) -> None:
    assert match(setting) == language


def test_an_explicit_traditional_chinese_is_refused_and_a_traditional_locale_passed_over(
    cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    explicit = cli("list", "--lang", "zh-TW")
    monkeypatch.delenv("WALLET_DOCTOR_LANG")
    monkeypatch.setenv("LC_ALL", "zh_TW.UTF-8")
    monkeypatch.setenv("LANG", "en_US.UTF-8")

    assert (explicit.exit_code, explicit.stderr) == (
        4,
        "wallet-doctor: Unknown language 'zh-TW'. Use one of: zh-CN, en.\n",
    )
    assert resolve(None) == "en"


def test_every_language_falls_back_through_languages_that_exist() -> None:
    for entry in LOCALES.values():
        assert entry.code not in entry.fallback and set(entry.fallback) <= set(LOCALES), entry.code


def keys_of(shape: type) -> set[str]:
    return set(shape.__annotations__)


def test_the_json_of_every_command_has_the_keys_its_type_declares(cli, tmp_path) -> None:
    from tests.conftest import FIXTURE_FLAGS
    from wallet_doctor.render import shapes

    flags = [*FIXTURE_FLAGS, "--format", "json"]
    listing = json.loads(cli("list", *flags).stdout)
    paths = json.loads(cli("paths", "login", *flags).stdout)
    found = json.loads(cli("search", "log", "sms", *flags).stdout)
    bad = sorted(INVALID.glob("*.yaml"))[0]
    checked = json.loads(cli("validate", str(bad), "--format", "json").stdout)
    first = json.loads(cli("run", *flags).stdout)
    waiting = json.loads(cli("run", "network", *flags, "-a", "net_other_apps=pass").stdout)
    done = json.loads(cli("run", "login", *flags, "-a", "login_symptom=no_sms").stdout)
    batch = cli("batch", "-", *FIXTURE_FLAGS, input='{"id": 1, "tree": "nope"}\n')
    failed = json.loads(batch.stdout)

    assert set(listing) == keys_of(shapes.ListData) and set(listing["trees"][0]) == keys_of(shapes.TreeRow)
    assert set(paths) == keys_of(shapes.PathsData) and set(paths["paths"][0]) == keys_of(shapes.PathRow)
    assert set(found) == keys_of(shapes.SearchData) and set(found["matches"][0]) == keys_of(shapes.MatchRow)
    assert set(found["pages"][0]) == keys_of(shapes.PageRow)
    assert set(checked) == keys_of(shapes.ValidateData)
    assert set(checked["problems"][0]) == keys_of(shapes.ProblemRow)
    assert set(first) == keys_of(shapes.WalkData) - {"outcome"}
    assert set(first["describe"]) == keys_of(shapes.DescribeData)
    assert set(waiting) == keys_of(shapes.WalkData) - {"outcome", "describe"}
    assert set(waiting["question"]) == keys_of(shapes.QuestionData)
    assert set(waiting["path"][0]) == keys_of(shapes.StepData)
    assert set(waiting["question"]["choices"][0]) == keys_of(shapes.ChoiceData)
    assert set(done) == keys_of(shapes.WalkData) - {"question", "describe"}
    assert set(failed) == keys_of(shapes.CaseErrorData) and set(failed["error"]) == keys_of(shapes.ErrorData)


def test_every_module_has_a_place_in_the_layers_lint_imports_keeps() -> None:
    import tomllib

    config = tomllib.loads((Path(__file__).resolve().parent.parent / "pyproject.toml").read_text("utf-8"))
    layers = next(c for c in config["tool"]["importlinter"]["contracts"] if c["name"] == "Layers, one way")
    placed = {name.strip().removeprefix("wallet_doctor.") for layer in layers["layers"] for name in layer.split("|")}
    package = Path(model.__file__).parent
    modules = {p.stem for p in package.glob("*.py")} | {p.parent.name for p in package.glob("*/__init__.py")}

    assert modules - placed - {"__init__", "__main__"} == set()
