"""The catalog cache: a hit skips parsing, an edited tree misses it, an untrusted cache file is ignored."""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

import pytest

from tests.conftest import VALID
from wallet_doctor.sources import load


@pytest.fixture
def trees(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("WALLET_DOCTOR_CACHE_DIR", str(tmp_path / "cache"))
    folder = tmp_path / "trees"
    shutil.copytree(VALID, folder)
    return folder


def test_a_second_load_comes_from_the_cache_without_parsing(trees: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first, _ = load([trees])

    def no_parsing(*args: object) -> None:
        raise AssertionError("the cache was not used")

    monkeypatch.setattr("wallet_doctor.loader.load_catalog", no_parsing)
    second, _ = load([trees])

    assert second == first


def test_editing_a_tree_misses_the_cache(trees: Path) -> None:
    load([trees])
    login = trees / "login.yaml"
    login.write_text(login.read_text(encoding="utf-8").replace("Cannot log in", "Cannot sign in"), encoding="utf-8")
    stamp = time.time() + 5
    os.utime(login, (stamp, stamp))

    catalog, _ = load([trees])

    assert catalog.trees["login"].title.get("en") == "Cannot sign in"


def test_a_cache_file_others_could_have_written_is_not_trusted(
    trees: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    load([trees])
    (cached,) = (tmp_path / "cache").glob("catalog-*.pickle")
    cached.write_bytes(b"not a pickle at all")
    cached.chmod(0o666)

    catalog, _ = load([trees])

    assert set(catalog.trees) == {"login", "network", "triage"}


def test_no_cache_when_asked(trees: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WALLET_DOCTOR_NO_CACHE", "1")

    load([trees])

    assert not (tmp_path / "cache").exists()
