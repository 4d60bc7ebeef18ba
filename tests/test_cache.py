"""The catalog cache: a hit skips parsing, an edited tree misses it, an untrusted cache file is ignored."""

from __future__ import annotations

import dataclasses
import marshal
import os
import shutil
import time
from pathlib import Path

import pytest

from tests.conftest import INVALID, VALID
from wallet_doctor.cache import _ORDER, _SCHEMA, KEEP, cache_key
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
    (cached,) = (tmp_path / "cache").glob("catalog-*.marshal")
    cached.write_bytes(b"not a pickle at all")
    cached.chmod(0o666)

    catalog, _ = load([trees])

    assert set(catalog.trees) == {"login", "network", "triage"}


def test_no_cache_when_asked(trees: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WALLET_DOCTOR_NO_CACHE", "1")

    load([trees])

    assert not (tmp_path / "cache").exists()


# -- second pass (issue 12): links, the folder's owner, foreign files, edits that hide ----------------------


def _key_name(trees: Path) -> str:
    key = cache_key([trees])
    assert key is not None
    return f"catalog-{key}.marshal"


def _foreign_catalog_bytes(trees: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> bytes:
    """A cache file whose catalog says 'Planted title': what another user (or a download) would hold."""
    other = tmp_path / "other-trees"
    shutil.copytree(trees, other)
    login = other / "login.yaml"
    login.write_text(login.read_text(encoding="utf-8").replace("Cannot log in", "Planted title"), encoding="utf-8")
    monkeypatch.setenv("WALLET_DOCTOR_CACHE_DIR", str(tmp_path / "other-cache"))
    load([other])
    monkeypatch.setenv("WALLET_DOCTOR_CACHE_DIR", str(tmp_path / "cache"))
    (planted,) = (tmp_path / "other-cache").glob("catalog-*.marshal")
    return planted.read_bytes()


def test_a_cache_file_others_could_have_written_is_not_trusted_even_when_it_reads_well(
    trees: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    planted = _foreign_catalog_bytes(trees, tmp_path, monkeypatch)
    cache = tmp_path / "cache"
    cache.mkdir(mode=0o700)
    target = cache / _key_name(trees)
    target.write_bytes(planted)
    target.chmod(0o666)

    catalog, _ = load([trees])

    assert catalog.trees["login"].title.get("en") == "Cannot log in"


def test_the_reader_does_not_follow_a_link_to_a_file_someone_else_chose(
    trees: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    download = tmp_path / "attachment.json"
    download.write_bytes(_foreign_catalog_bytes(trees, tmp_path, monkeypatch))
    download.chmod(0o600)
    cache = tmp_path / "cache"
    cache.mkdir(mode=0o700)
    (cache / _key_name(trees)).symlink_to(download)

    catalog, _ = load([trees])

    assert catalog.trees["login"].title.get("en") == "Cannot log in"


def test_the_writer_does_not_follow_a_link_planted_at_its_temporary_name(
    trees: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    precious = tmp_path / "precious.txt"
    precious.write_text("my notes\n", encoding="utf-8")
    cache = tmp_path / "cache"
    cache.mkdir(mode=0o700)
    monkeypatch.setattr("wallet_doctor.cache._suffix", lambda: "0123456789abcdef")
    (cache / f".{_key_name(trees)}.0123456789abcdef.tmp").symlink_to(precious)

    catalog, _ = load([trees])

    assert precious.read_text(encoding="utf-8") == "my notes\n"
    assert set(catalog.trees) == {"login", "network", "triage"}


@pytest.mark.parametrize("mode", [0o770, 0o757, 0o777], ids=oct)
def test_a_cache_folder_others_may_write_to_is_not_used_and_debug_says_so(
    trees: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], mode: int
) -> None:
    planted = _foreign_catalog_bytes(trees, tmp_path, monkeypatch)
    cache = tmp_path / "cache"
    cache.mkdir()
    cache.chmod(mode)
    (cache / _key_name(trees)).write_bytes(planted)
    (cache / _key_name(trees)).chmod(0o600)
    monkeypatch.setenv("WALLET_DOCTOR_DEBUG", "1")

    catalog, _ = load([trees])

    assert catalog.trees["login"].title.get("en") == "Cannot log in"
    assert sorted(p.name for p in cache.iterdir()) == [_key_name(trees)]  # nothing written there either
    assert capsys.readouterr().err == (
        f"wallet-doctor: no catalog cache: the folder '{cache}' is not yours alone (owner or permissions); "
        "make it private with `chmod 700`, or set WALLET_DOCTOR_CACHE_DIR.\n"
    )


def test_an_edit_that_keeps_the_size_and_restores_the_modification_time_misses_the_cache(trees: Path) -> None:
    load([trees])
    login = trees / "login.yaml"
    before = login.stat()
    text = login.read_text(encoding="utf-8")
    login.write_text(text.replace("Cannot log in", "Cannot sign o"), encoding="utf-8")  # same length
    os.utime(login, ns=(before.st_atime_ns, before.st_mtime_ns))  # as `touch -r` would
    assert login.stat().st_size == before.st_size

    catalog, _ = load([trees])

    assert catalog.trees["login"].title.get("en") == "Cannot sign o"


def test_a_readable_cache_file_of_the_wrong_shape_is_rebuilt(trees: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    cache.mkdir(mode=0o700)
    magic = "wallet-doctor catalog"
    tables = tuple(() for _ in _ORDER)
    contents = [
        b'[{"m": []}, []]',  # an earlier format's JSON
        marshal.dumps((1, 2)),
        marshal.dumps(("os.system", ("id",), (), (), tables, 0, ())),
        marshal.dumps((magic, (), (), (), tables[1:], 0, ())),  # a table missing
        marshal.dumps((magic, ("x",), ((0,),), (), tables, 0, ())),  # a location without its line
        marshal.dumps((magic, (), (), (), tables, 0, ())),  # no catalog at the index given
        marshal.dumps((magic, ("x",), ((0, 1),), (), tables, 0, ())),  # a location where the catalog should be
    ]
    for content in contents:
        (cache / _key_name(trees)).write_bytes(content)

        catalog, _ = load([trees])

        assert set(catalog.trees) == {"login", "network", "triage"}


def test_pruning_removes_only_what_the_cache_wrote_and_old_temporary_files(trees: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    cache.mkdir(mode=0o700)
    mine = [cache / f"catalog-{n:032x}.{'marshal' if n % 2 else 'json'}" for n in range(KEEP + 2)]
    for age, path in enumerate(mine):
        path.write_text("[]", encoding="utf-8")
        os.utime(path, (time.time() - 100 - age, time.time() - 100 - age))
    foreign = [cache / "catalog-notes.pickle", cache / "catalog-mine.json", cache / "notes.txt"]
    for path in foreign:
        path.write_text("keep me", encoding="utf-8")
    stale = cache / f".catalog-{0:032x}.json.0123456789abcdef.tmp"
    fresh = cache / f".catalog-{1:032x}.json.fedcba9876543210.tmp"
    for path in (stale, fresh):
        path.write_bytes(b"x" * 1000)
    os.utime(stale, (time.time() - 7200, time.time() - 7200))

    load([trees])

    assert all(p.exists() for p in foreign)
    assert not stale.exists() and fresh.exists()
    assert sum(p.exists() for p in mine) == KEEP - 1  # the new catalog is one of the KEEP most recent


def test_problems_from_the_cache_name_files_from_the_current_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("WALLET_DOCTOR_CACHE_DIR", str(tmp_path / "cache"))
    (tmp_path / "a" / "trees").mkdir(parents=True)
    shutil.copy(INVALID / "dead_end.yaml", tmp_path / "a" / "trees" / "dead_end.yaml")
    monkeypatch.chdir(tmp_path / "a")
    _, first = load([tmp_path / "a" / "trees"])
    monkeypatch.chdir(tmp_path)

    _, second = load([tmp_path / "a" / "trees"])

    assert first[0].file == os.path.join("trees", "dead_end.yaml")
    assert second[0].file == os.path.join("a", "trees", "dead_end.yaml")


def test_a_file_name_that_is_not_utf8_does_not_break_the_cache(trees: Path, tmp_path: Path) -> None:
    odd = Path(os.fsdecode(bytes(trees) + b"/bad\xff.yaml"))
    shutil.copy(INVALID / "dead_end.yaml", odd)

    _, first = load([trees])
    _, second = load([trees])

    assert [p.file for p in first] == [p.file for p in second]
    assert any(p.file.endswith("bad\\xff.yaml") for p in second)
    assert list((tmp_path / "cache").glob("catalog-*.marshal"))


def test_a_cache_folder_that_is_a_link_is_not_used_even_to_a_private_folder(
    trees: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    private = tmp_path / "private"
    private.mkdir(mode=0o700)
    (tmp_path / "cache").symlink_to(private)  # planted in a shared parent by someone else
    monkeypatch.setenv("WALLET_DOCTOR_DEBUG", "1")

    catalog, _ = load([trees])

    assert set(catalog.trees) == {"login", "network", "triage"}
    assert list(private.iterdir()) == []
    assert capsys.readouterr().err.startswith(
        f"wallet-doctor: no catalog cache: cannot use the folder '{tmp_path / 'cache'}'"
    )


def test_a_pipe_with_the_cache_files_name_is_not_waited_on(trees: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    cache.mkdir(mode=0o700)
    os.mkfifo(cache / _key_name(trees), 0o600)
    started = time.monotonic()

    catalog, _ = load([trees])

    assert time.monotonic() - started < 5
    assert set(catalog.trees) == {"login", "network", "triage"}


def test_the_encoding_names_every_field_of_every_class_it_holds() -> None:
    for cls, schema in _SCHEMA.items():
        assert [name for name, _ in schema] == [f.name for f in dataclasses.fields(cls) if f.init], cls.__name__
