"""The catalog cache decodes a tree only when it is touched: a walk decodes the trees it visits, the catalog
read lazily equals the one built from the files, and a damaged tree in the file is built again from them."""

from __future__ import annotations

import marshal
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import VALID
from wallet_doctor import cache
from wallet_doctor.engine import drive
from wallet_doctor.errors import UnknownTree
from wallet_doctor.model import Catalog, LazyTrees
from wallet_doctor.sources import builtin_trees, load

WALK = {"triage_problem": "money", "triage_money": "payment_failed", "tx_status": "charged_twice"}
WALK_ARGS = [arg for question, choice in WALK.items() for arg in ("-a", f"{question}={choice}")]


@pytest.fixture
def cache_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("WALLET_DOCTOR_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path / "cache"


def from_the_cache() -> Catalog:
    """The built-in catalog as a call reads it from a cache written by an earlier call."""
    load([builtin_trees()])
    catalog, _ = load([builtin_trees()])
    assert isinstance(catalog.trees, LazyTrees)
    return catalog


def tamper(cache_folder: Path, tree_id: str, chunk: bytes) -> None:
    """Replace the chunk of `tree_id` in the one cache file (the file stays the user's, private)."""
    (path,) = cache_folder.glob("catalog-*.marshal")
    magic, outlines, estimates, unreadable, shared, problems, chunks = marshal.loads(path.read_bytes())
    at = [outline[0] for outline in outlines].index(tree_id)
    chunks = (*chunks[:at], chunk, *chunks[at + 1 :])
    path.write_bytes(marshal.dumps((magic, outlines, estimates, unreadable, shared, problems, chunks)))


def chunk_of(cache_folder: Path, tree_id: str) -> bytes:
    (path,) = cache_folder.glob("catalog-*.marshal")
    _, outlines, _, _, _, _, chunks = marshal.loads(path.read_bytes())
    chunk: bytes = chunks[[outline[0] for outline in outlines].index(tree_id)]
    return chunk


def test_a_walk_from_the_cache_decodes_only_the_trees_it_visits(cache_folder: Path) -> None:
    catalog = from_the_cache()
    assert isinstance(catalog.trees, LazyTrees)
    assert catalog.trees.decoded == frozenset()

    walk = drive(catalog, "triage", WALK)

    assert walk.outcome is not None and walk.trees == ("triage", "transaction")
    assert catalog.trees.decoded == {"triage", "transaction"}
    assert len(catalog.trees) > 10


def test_how_many_questions_are_left_is_known_from_the_cache_without_decoding_a_tree(cache_folder: Path) -> None:
    catalog = from_the_cache()
    built, _ = load([builtin_trees()], use_cache=False)
    questions = list(built.askable("triage"))  # every question a walk from the first may ask

    estimates = {question: catalog.expected_questions(question) for question in questions}

    assert isinstance(catalog.trees, LazyTrees) and catalog.trees.decoded == frozenset()  # the wizard's first prompt
    assert estimates == {question: built.expected_questions(question) for question in questions}
    assert len(estimates) > 100


def test_a_scripted_run_decodes_the_trees_visited_and_those_its_outcome_names(
    cache_folder: Path, cli: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    cli("run", "--format", "json", *WALK_ARGS)  # writes the cache
    decoded: list[str] = []
    unchunk = cache._unchunk

    def recording(data: Any) -> list[Any]:
        roots = unchunk(data)
        decoded.extend(root.id for root in roots if type(root) is cache.Tree)
        return roots

    monkeypatch.setattr("wallet_doctor.cache._unchunk", recording)

    code, report = cli.json("run", *WALK_ARGS)

    assert code == 0 and report["status"] == "outcome"
    related = [each["tree"] for each in report["outcome"]["related"]]
    assert related == ["fraud_check"]  # its title is shown
    assert sorted(decoded) == ["fraud_check", "transaction", "triage"]


def test_the_catalog_read_lazily_equals_the_one_built_from_the_files(cache_folder: Path) -> None:
    built, built_problems = load([builtin_trees()], use_cache=False)
    load([builtin_trees()])

    lazy, problems = load([builtin_trees()])

    assert isinstance(lazy.trees, LazyTrees)
    assert problems == built_problems
    assert list(lazy.trees) == list(built.trees)
    for tree_id, tree in built.trees.items():
        assert lazy.trees[tree_id] == tree, tree_id
        assert lazy.askable(tree_id) == built.askable(tree_id), tree_id
        assert list(lazy.askable(tree_id)) == list(built.askable(tree_id)), tree_id
        assert lazy.jumps_into(tree_id) == built.jumps_into(tree_id), tree_id
        assert lazy.reachable_trees(tree_id) == built.reachable_trees(tree_id), tree_id
        for node_id in tree.nodes:
            assert lazy.node(node_id) == built.node(node_id), node_id
    assert lazy.shared == built.shared
    assert lazy.unreadable == built.unreadable
    assert lazy == built


DAMAGE: dict[str, Callable[[bytes, bytes], bytes]] = {
    "garbage": lambda chunk, other: b"\x00not marshal at all",
    "cut short": lambda chunk, other: chunk[: len(chunk) // 2],
    "another tree's chunk": lambda chunk, other: other,
    "not bytes": lambda chunk, other: marshal.loads(chunk),  # the chunk's tuple, inline
}


@pytest.mark.parametrize("damage", DAMAGE.values(), ids=DAMAGE.keys())
def test_a_damaged_chunk_of_a_visited_tree_is_built_again_from_the_files(
    cache_folder: Path, damage: Callable[[bytes, bytes], bytes], capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    expected = drive(load([builtin_trees()], use_cache=False)[0], "triage", WALK)
    load([builtin_trees()])
    tamper(cache_folder, "transaction", damage(chunk_of(cache_folder, "transaction"), chunk_of(cache_folder, "login")))
    monkeypatch.setenv("WALLET_DOCTOR_DEBUG", "1")

    catalog, _ = load([builtin_trees()])
    walk = drive(catalog, "triage", WALK)

    assert walk.outcome == expected.outcome
    assert [answer.question for answer in walk.answers] == [answer.question for answer in expected.answers]
    assert capsys.readouterr().err == (
        "wallet-doctor: the cached tree 'transaction' does not read: building the catalog again from its files.\n"
    )
    # The rebuilt catalog replaced the damaged file: the next call reads every tree from it again.
    again = from_the_cache()
    assert dict(again.trees.items()) == dict(catalog.trees.items())
    assert capsys.readouterr().err == ""


def test_a_damaged_chunk_of_a_tree_the_walk_does_not_visit_is_not_read_and_is_built_again_when_touched(
    cache_folder: Path,
) -> None:
    built, _ = load([builtin_trees()], use_cache=False)
    load([builtin_trees()])
    tamper(cache_folder, "login", b"\x00not marshal at all")

    catalog, _ = load([builtin_trees()])
    walk = drive(catalog, "triage", WALK)

    assert walk.outcome == drive(built, "triage", WALK).outcome
    assert isinstance(catalog.trees, LazyTrees) and "login" not in catalog.trees.decoded
    assert catalog.trees["login"] == built.trees["login"]
    assert catalog == built


def test_a_damaged_chunk_gives_the_same_report_through_the_command_line(cache_folder: Path, cli: Any) -> None:
    _, expected = cli.json("run", *WALK_ARGS)
    tamper(cache_folder, "transaction", b"\x00not marshal at all")

    code, report = cli.json("run", *WALK_ARGS)

    assert code == 0
    assert report == expected


def test_a_header_of_the_wrong_shape_is_not_used(cache_folder: Path) -> None:
    load([builtin_trees()])
    (path,) = cache_folder.glob("catalog-*.marshal")
    magic, outlines, estimates, unreadable, shared, problems, chunks = marshal.loads(path.read_bytes())
    outline = outlines[0]
    some = dict(estimates)
    headers = [
        (magic, outlines, estimates, unreadable, shared, problems, chunks[1:]),  # a chunk missing
        (magic, ((1, *outline[1:]), *outlines[1:]), estimates, unreadable, shared, problems, chunks),  # id not a str
        (magic, ((outline[0], "abc", *outline[2:]), *outlines[1:]), estimates, unreadable, shared, problems, chunks),
        (magic, outlines, estimates, ("login",), shared, problems, chunks),  # unreadable trees not a frozenset
        (magic, outlines, estimates, unreadable, chunks[0], problems, chunks),  # a tree where the shared blocks are
        (magic, outlines, estimates, unreadable, shared, chunks[0], chunks),  # a tree where the problems should be
        (magic, outlines, estimates, unreadable, b"\x00", problems, chunks),  # shared blocks that do not read
        (magic, outlines, {**some, "triage_problem": "4"}, unreadable, shared, problems, chunks),  # not a number
        (magic, outlines, list(estimates), unreadable, shared, problems, chunks),  # estimates not a mapping
    ]
    built, _ = load([builtin_trees()], use_cache=False)
    for header in headers:
        path.write_bytes(marshal.dumps(header))

        catalog, _ = load([builtin_trees()])

        assert not isinstance(catalog.trees, LazyTrees)  # built from the files
        assert catalog == built


def test_a_damaged_chunk_of_a_tree_whose_file_was_removed_meanwhile_is_an_unknown_tree(
    cache_folder: Path, tmp_path: Path
) -> None:
    trees = tmp_path / "trees"
    shutil.copytree(VALID, trees)
    load([trees])
    tamper(cache_folder, "login", b"\x00not marshal at all")
    catalog, _ = load([trees])
    (trees / "login.yaml").unlink()  # after the call read the cache, before it touches the tree

    with pytest.raises(UnknownTree) as raised:
        catalog.trees["login"]

    assert raised.value.message("en") == "There is no tree 'login'. Valid trees: network, triage."
