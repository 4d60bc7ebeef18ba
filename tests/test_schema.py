"""The JSON Schema shipped for editors agrees with the trees: every built-in and fixture tree passes it,
and it rejects what the loader rejects for shape."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from tests.conftest import INVALID, VALID
from wallet_doctor.sources import builtin_trees
from wallet_doctor.yaml_safe import compose, to_plain

SCHEMA_PATH = Path(__file__).resolve().parent.parent / "wallet_doctor" / "schemas" / "tree.schema.json"


@pytest.fixture(scope="module")
def validator() -> jsonschema.Draft202012Validator:
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def data_of(path: Path) -> object:
    root, problems = compose(path.read_bytes(), str(path))
    assert root is not None and not problems
    return to_plain(root)


TREE_FILES = sorted([*builtin_trees().glob("*.yaml"), *VALID.glob("*.yaml")])


@pytest.mark.parametrize("path", TREE_FILES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_every_tree_file_passes_the_schema(validator: jsonschema.Draft202012Validator, path: Path) -> None:
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(data_of(path))]

    assert errors == []


@pytest.mark.parametrize(
    "name",
    [
        "unknown_kind",
        "unknown_key",
        "missing_english",
        "one_choice",
        "unknown_probe",
        "unknown_severity",
        "invalid_id",
        "conditional_without_steps",
        "conditional_with_no_steps",
        "conditional_in_a_section",
        "conditional_inside_a_conditional",
        "conditional_with_a_warning",
        "conditional_without_english",
    ],
)
def test_the_schema_rejects_shape_errors_too(validator: jsonschema.Draft202012Validator, name: str) -> None:
    assert not validator.is_valid(data_of(INVALID / f"{name}.yaml"))


def test_every_tree_file_points_editors_at_the_schema() -> None:
    for path in builtin_trees().glob("*.yaml"):
        first_line = path.read_text(encoding="utf-8").splitlines()[0]
        assert first_line == "# yaml-language-server: $schema=../wallet_doctor/schemas/tree.schema.json", path
