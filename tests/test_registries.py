"""The names the model accepts, the registries that act on them and the JSON Schema shipped for editors
agree: adding a probe, a severity or a language in one place and forgetting another fails here."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from wallet_doctor import model
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
