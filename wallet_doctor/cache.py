"""A cache of loaded and validated trees, so that a scripted call does not parse YAML every time.

Measured: loading and validating the built-in trees costs about 100 ms and importing yaml 20 ms more,
against a few ms to read this cache (see bench/). The key is every tree file's name, size, modification
and change times, inode and device, plus the program's version and the working folder (problems name files
relative to it), so any edit misses the cache, even one that keeps the size and restores the mtime.

The cache is marshal of plain values only (tuples, dicts, str, int...; no code objects are written), read
back into the model's own classes from a fixed schema: reading it cannot run code, whatever the file holds.
Each tree is a chunk of its own, decoded when the tree is first touched (a walk touches two or three of
them); a chunk that does not read then makes the catalog be built again from its files (see the encoding).
It still lives only in a folder the user owns and no one else may write to; files are opened without
following links and created with O_EXCL, so another user can neither
plant a cache nor make us overwrite a file through a link.
"""

from __future__ import annotations

import contextlib
import marshal
import os
import re
import stat
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

from wallet_doctor import __version__
from wallet_doctor.errors import Problem, UnknownTree
from wallet_doctor.files import tree_files
from wallet_doctor.gcpause import collector_paused
from wallet_doctor.model import (
    Catalog,
    Choice,
    Conditional,
    Item,
    Jump,
    LazyTrees,
    Location,
    Outcome,
    Outline,
    Question,
    SharedBlock,
    Text,
    Tree,
)

CACHE_ENV = "WALLET_DOCTOR_CACHE_DIR"
NO_CACHE_ENV = "WALLET_DOCTOR_NO_CACHE"
DEBUG_ENV = "WALLET_DOCTOR_DEBUG"
KEEP = 8
STALE_TEMPORARY_SECONDS = 3600  # a writer killed mid-write leaves its temporary file; drop it after an hour
FORMAT = 5  # bump when the encoding below changes
# Catalogs this module wrote: .marshal now, .json before format 2 (pruned like the others).
_NAME = re.compile(r"catalog-[0-9a-f]{32}\.(?:marshal|json)")
_TEMPORARY = re.compile(r"\.catalog-[0-9a-f]{32}\.(?:marshal|json)\.[0-9a-f]{16}\.tmp")
_O_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_O_CLOEXEC = getattr(os, "O_CLOEXEC", 0)
_O_DIRECTORY = getattr(os, "O_DIRECTORY", 0)
_O_NONBLOCK = getattr(os, "O_NONBLOCK", 0)


def cache_folder() -> Path | None:
    if os.environ.get(NO_CACHE_ENV):
        return None
    if os.environ.get(CACHE_ENV):
        return Path(os.environ[CACHE_ENV])
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "wallet-doctor"


def cache_key(folders: Sequence[Path]) -> str | None:
    """A hash of every tree file's path and identity (size, times, inode); None when a folder cannot be listed."""
    try:
        # BLAKE2 straight from its own module: `hashlib` loads OpenSSL first (about 2.5 ms of every call's start-up).
        from _blake2 import blake2b
    except ImportError:  # an interpreter built without it
        from hashlib import blake2b
    digest = blake2b(f"{__version__}|{sys.version}|{FORMAT}\n".encode())
    digest.update(os.fsencode(os.getcwd()) + b"\n")
    try:
        # The classes cached live in these modules: a change to them (in development) must miss the cache.
        modules = [Path(__file__).with_name(name) for name in ("model.py", "errors.py", "cache.py")]
        for folder in folders:
            modules.extend(tree_files(folder))
        for path in modules:
            info = path.stat()
            digest.update(os.fsencode(path.resolve()))
            digest.update(
                f"|{info.st_size}|{info.st_mtime_ns}|{info.st_ctime_ns}|{info.st_ino}|{info.st_dev}\n".encode()
            )
    except (OSError, ValueError):
        return None
    return digest.hexdigest()[:32]


def cached(
    folders: Sequence[Path], build: Callable[[], tuple[Catalog, list[Problem]]]
) -> tuple[Catalog, list[Problem]]:
    """`build()`'s result for these folders, from the cache when the files are unchanged."""
    folder = cache_folder()
    key = cache_key(folders) if folder is not None else None
    if folder is None or key is None:
        return build()
    with _safe_folder(folder) as descriptor:
        if descriptor is None:
            return build()
        name = f"catalog-{key}.marshal"
        found = _read(descriptor, name, lambda: _rebuild(folders, build))
        if found is not None:
            return found
        value = build()
        _write(descriptor, name, value)
        return value


def _rebuild(folders: Sequence[Path], build: Callable[[], tuple[Catalog, list[Problem]]]) -> Catalog:
    """The catalog built again from its files, when a tree's chunk in the cache did not read; written to the
    cache in place of the damaged file, so that the next call reads it whole again."""
    value = build()
    folder = cache_folder()
    key = cache_key(folders)  # again: should the files have changed meanwhile, the new catalog has a new key
    if folder is not None and key is not None:
        with _safe_folder(folder) as descriptor:
            if descriptor is not None:
                _write(descriptor, f"catalog-{key}.marshal", value)
    return value[0]


def _debug(message: str) -> None:
    if os.environ.get(DEBUG_ENV):
        sys.stderr.write(f"wallet-doctor: {message}\n")


@contextlib.contextmanager
def _safe_folder(folder: Path) -> Iterator[int | None]:
    """A descriptor of the cache folder, or None (run without a cache) when it cannot be made or trusted:
    it must be a folder (not a link to one) the user owns that no one else may write to."""
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        # Not through a link either: in a shared parent, another user could point one at a folder of the
        # user's own (which would pass the checks below) to make us write there.
        descriptor = os.open(folder, os.O_RDONLY | _O_DIRECTORY | _O_NOFOLLOW | _O_CLOEXEC)
    except (OSError, ValueError) as exc:
        _debug(f"no catalog cache: cannot use the folder '{folder}' ({getattr(exc, 'strerror', None) or exc}).")
        yield None
        return
    try:
        info = os.fstat(descriptor)
        if not stat.S_ISDIR(info.st_mode) or info.st_uid != os.getuid() or info.st_mode & 0o022:
            _debug(
                f"no catalog cache: the folder '{folder}' is not yours alone (owner or permissions); "
                "make it private with `chmod 700`, or set WALLET_DOCTOR_CACHE_DIR."
            )
            yield None
        else:
            yield descriptor
    finally:
        os.close(descriptor)


def _read(folder: int, name: str, rebuild: Callable[[], Catalog]) -> tuple[Catalog, list[Problem]] | None:
    try:
        # O_NONBLOCK: a pipe of that name must not make the open wait (a regular file ignores the flag).
        descriptor = os.open(name, os.O_RDONLY | _O_NOFOLLOW | _O_CLOEXEC | _O_NONBLOCK, dir_fd=folder)
    except OSError:
        return None  # missing, or a link (O_NOFOLLOW): rebuilt
    try:
        with os.fdopen(descriptor, "rb") as handle:
            info = os.fstat(handle.fileno())
            if not stat.S_ISREG(info.st_mode) or info.st_uid != os.getuid() or info.st_mode & 0o022:
                return None  # written by someone else, or writable by others: not trusted
            data = handle.read()
        with collector_paused():
            return _decode(marshal.loads(data), rebuild)
    except Exception:  # noqa: BLE001 - a damaged or foreign cache file is simply rebuilt
        return None


def _write(folder: int, name: str, value: tuple[Catalog, list[Problem]]) -> None:
    temporary = f".{name}.{_suffix()}.tmp"
    created = False
    try:
        # A file name that is not UTF-8 (held as surrogates) is kept: marshal writes them as they are.
        data = marshal.dumps(_encode(value))
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | _O_NOFOLLOW | _O_CLOEXEC
        descriptor = os.open(temporary, flags, 0o600, dir_fd=folder)
        created = True
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
        os.replace(temporary, name, src_dir_fd=folder, dst_dir_fd=folder)
        created = False
        _prune(folder)
    except Exception:  # noqa: BLE001 - a cache that cannot be written only costs time
        if created:
            with contextlib.suppress(OSError):
                os.unlink(temporary, dir_fd=folder)


def _suffix() -> str:
    return os.urandom(8).hex()


def _prune(folder: int) -> None:
    """Keep the few most recent catalogs (built-in, an organisation's overlay...), drop the rest and the
    temporary files of killed writers. Only files named as this module names them are touched."""
    now = time.time()
    catalogs: list[tuple[float, str]] = []
    for entry in os.listdir(folder):
        with contextlib.suppress(OSError):
            info = os.stat(entry, dir_fd=folder, follow_symlinks=False)
            if not stat.S_ISREG(info.st_mode) or info.st_uid != os.getuid():
                continue
            if _NAME.fullmatch(entry):
                catalogs.append((info.st_mtime, entry))
            elif _TEMPORARY.fullmatch(entry) and now - info.st_mtime > STALE_TEMPORARY_SECONDS:
                os.unlink(entry, dir_fd=folder)
    for _mtime, entry in sorted(catalogs, reverse=True)[KEEP:]:
        with contextlib.suppress(OSError):
            os.unlink(entry, dir_fd=folder)


# -- the encoding: a small header, and each tree in a chunk of its own decoded when the tree is touched ------
#
# The file is marshal of plain values only (tuples, dicts, frozensets, bytes, str, int, bool, None):
# (MAGIC, outlines, estimates, unreadable, shared, problems, trees). `outlines` holds each tree's (id, node ids,
# question ids, jump targets), in the catalog's order: enough for the catalog to find any node's tree
# (model.Outline); `estimates` each question's Catalog.expected_questions(), which the wizard shows from the first
# question on and which would otherwise walk, and so decode, every tree.
# `shared` (the shared blocks), `problems` and each of `trees` (one a tree, in the order of `outlines`) are
# chunks: bytes, each marshal of its own (files, locations, texts, tables, roots), referring to nothing
# outside it. Reading the file decodes the header, the shared blocks and the problems; a tree's chunk is
# decoded when the tree is first asked for (model.LazyTrees): a walk decodes two or three of the trees, not
# all of them (about 20 ms of the walk's start-up at 268 outcomes; see bench/ and README).
#
# In a chunk, every model object is a record (a tuple of its fields) in its class's table, the tables in
# _ORDER, in which a class refers only to classes before it; a reference is an index into the list of all
# objects decoded so far. Locations are (index in files, line) pairs and Texts bare pair tuples, the two
# written once each however often they recur. Reading is one pass a table, no hook a value.
#
# A header, shared chunk or problems chunk that does not read as this schema makes the whole file unused (the
# catalog is rebuilt from its files). A tree's chunk is read later, when the catalog is already in use: if it
# does not read as a Tree of that id with the nodes its outline names, the catalog is built again from its
# files (unchanged, or the key would differ), that tree and every tree not yet decoded are taken from it, and
# the rebuilt catalog replaces the damaged file. No traceback and no half-built tree either way.

_MAGIC = "wallet-doctor catalog"
# Each class's fields in order and how each is held: "v" a plain value, "r" a reference (or None),
# "R" a tuple of references, "M" a mapping of names to references.
_SCHEMA_TEXT: dict[type, str] = {
    Item: "loc:r text:r warning:v use:v",
    Conditional: "loc:r condition:r steps:R",
    Choice: "id:v label:r next:v loc:r",
    Question: "id:v tree:v text:r help:r choices:R loc:r probe:v",
    Outcome: "id:v tree:v title:r severity:v summary:r steps:R prepare:R escalate:R related:v loc:r related_loc:r "
    "contact:R later:R opens:v",
    Jump: "id:v tree:v target:v loc:r land:v",
    Tree: "id:v version:v title:r summary:r keywords:v start:v start_loc:r nodes:M loc:r digest:v broken:v",
    SharedBlock: "id:v items:R loc:r",
    Problem: "file:v line:v message:v fix:v node:v severity:v",
}
_SCHEMA: dict[type, tuple[tuple[str, str], ...]] = {
    cls: tuple((name, kind) for name, _, kind in (each.partition(":") for each in text.split()))
    for cls, text in _SCHEMA_TEXT.items()
}
_ORDER = tuple(_SCHEMA)


def _encode(value: tuple[Catalog, list[Problem]]) -> tuple[Any, ...]:
    catalog, problems = value
    outlines = []
    for tree_id, tree in catalog.trees.items():
        outline = Outline.of(tree)
        outlines.append((tree_id, outline.nodes, outline.questions, outline.jumps))
    estimates = {q: catalog.expected_questions(q) for _, _, questions, _ in outlines for q in questions}
    return (_MAGIC, tuple(outlines), estimates, frozenset(catalog.unreadable), _chunk(list(catalog.shared.values())),
            _chunk(problems), tuple(_chunk([tree]) for tree in catalog.trees.values()))  # fmt: skip


def _decode(value: Any, rebuild: Callable[[], Catalog]) -> tuple[Catalog, list[Problem]]:
    """The catalog and problems `value` holds, its trees decoded on first use (from `rebuild()` should a
    tree's chunk not read); ValueError (or another error) when the header is not ours."""
    magic, outlines, estimates, unreadable, shared, problems, chunks = value
    if magic != _MAGIC or type(chunks) is not tuple or len(chunks) != len(outlines):
        raise ValueError("not a catalog")
    if type(estimates) is not dict or not all(type(k) is str and type(v) is float for k, v in estimates.items()):
        raise ValueError("not the questions' estimates")
    known: dict[str, Outline] = {}
    for tree_id, nodes, questions, jumps in outlines:
        if type(tree_id) is not str:
            raise ValueError("not a tree id")
        known[tree_id] = Outline(_strings(nodes), _strings(questions), _strings(jumps))
    blocks = _unchunk(shared)
    found = _unchunk(problems)
    if not all(type(b) is SharedBlock for b in blocks) or not all(type(p) is Problem for p in found):
        raise ValueError("not the shared blocks and problems")
    if type(unreadable) is not frozenset:
        raise ValueError("not the unreadable trees")
    by_id = dict(zip(known, chunks, strict=True))
    rebuilt: list[Catalog] = []  # the catalog built from its files, once a chunk did not read

    def tree(tree_id: str) -> Tree:
        if not rebuilt:
            try:
                with collector_paused():
                    (made,) = _unchunk(by_id.pop(tree_id))  # decoded once (LazyTrees keeps it): let go
                if type(made) is Tree and made.id == tree_id and tuple(made.nodes) == known[tree_id].nodes:
                    return made
            except Exception:  # noqa: BLE001 - a damaged chunk: the catalog is built again below
                pass
            _debug(f"the cached tree '{tree_id}' does not read: building the catalog again from its files.")
            rebuilt.append(rebuild())
        again = rebuilt[0].trees.get(tree_id)
        if again is None:  # its file was removed since the cache was read
            raise UnknownTree(tree_id, list(rebuilt[0].trees))
        return again

    trees = LazyTrees(known, tree, estimates)
    return Catalog(trees, {block.id: block for block in blocks}, unreadable), found


def _strings(value: Any) -> tuple[str, ...]:
    if type(value) is not tuple or not all(type(each) is str for each in value):
        raise ValueError("not a tuple of strings")
    return value


def _chunk(roots: Sequence[Any]) -> bytes:
    """`roots` and every model object they refer to, as marshal bytes that refer to nothing outside them."""
    files: dict[str, int] = {}
    locations: dict[tuple[int, int], int] = {}
    texts: dict[tuple[tuple[str, str], ...], int] = {}
    found: dict[type, dict[int, Any]] = {cls: {} for cls in _ORDER}  # by id(): each object once, in order

    def collect(obj: Any) -> None:
        cls = type(obj)
        if cls is Location:
            locations.setdefault((files.setdefault(obj.file, len(files)), obj.line), len(locations))
        elif cls is Text:
            texts.setdefault(obj.translations, len(texts))
        elif cls in found:
            if id(obj) in found[cls]:
                return
            for name, kind in _SCHEMA[cls]:
                field = getattr(obj, name)
                if kind == "r" and field is not None:
                    collect(field)
                elif kind == "R":
                    for each in field:
                        collect(each)
                elif kind == "M":
                    for each in field.values():
                        collect(each)
            found[cls][id(obj)] = obj
        else:
            raise TypeError(f"cannot cache a {cls.__name__}")

    for root in roots:
        collect(root)
    index: dict[int, int] = {}
    start = len(locations) + len(texts)
    for cls in _ORDER:
        for position, key in enumerate(found[cls]):
            index[key] = start + position
        start += len(found[cls])

    def ref(obj: Any) -> int:
        if type(obj) is Location:
            return locations[files[obj.file], obj.line]
        if type(obj) is Text:
            return len(locations) + texts[obj.translations]
        return index[id(obj)]

    def record(obj: Any) -> tuple[Any, ...]:
        out: list[Any] = []
        for name, kind in _SCHEMA[type(obj)]:
            field = getattr(obj, name)
            if kind == "v":
                out.append(field)
            elif kind == "r":
                out.append(None if field is None else ref(field))
            elif kind == "R":
                out.append(tuple(ref(each) for each in field))
            else:
                out.append({key: ref(each) for key, each in field.items()})
        return tuple(out)

    tables = tuple(tuple(record(obj) for obj in found[cls].values()) for cls in _ORDER)
    return marshal.dumps(
        (tuple(files), tuple(locations), tuple(texts), tables, tuple(index[id(root)] for root in roots))
    )


def _unchunk(data: Any) -> list[Any]:
    """The roots a chunk holds; ValueError (or another error) when it is not ours."""
    if type(data) is not bytes:
        raise ValueError("not a chunk")
    files, locations, texts, tables, roots = marshal.loads(data)
    if len(tables) != len(_ORDER):
        raise ValueError("not a chunk")
    new = object.__new__
    objs: list[Any] = []
    append = objs.append
    for file_at, line in locations:
        location = new(Location)
        held = location.__dict__
        held["file"] = files[file_at]
        held["line"] = line
        append(location)
    for translations in texts:
        text = new(Text)
        text.__dict__["translations"] = translations
        append(text)
    for cls, table in zip(_ORDER, tables, strict=True):
        if cls is Item:  # the most common record: unpacked by name, half the time of the general loop below
            for loc, text, warning, use in table:
                item = new(Item)
                held = item.__dict__
                held["loc"] = objs[loc]
                held["text"] = None if text is None else objs[text]
                held["warning"] = warning
                held["use"] = use
                append(item)
            continue
        schema = _SCHEMA[cls]
        names = tuple(name for name, _ in schema)
        single = tuple(at for at, (_, kind) in enumerate(schema) if kind == "r")
        many = tuple(at for at, (_, kind) in enumerate(schema) if kind == "R")
        maps = tuple(at for at, (_, kind) in enumerate(schema) if kind == "M")
        slotted = cls is Problem
        post_init = cls is Question
        for record in table:
            if len(record) != len(names):
                raise ValueError(f"{cls.__name__} takes {len(names)} fields")
            fields = list(record)
            for at in single:
                if fields[at] is not None:
                    fields[at] = objs[fields[at]]
            for at in many:
                fields[at] = tuple([objs[each] for each in fields[at]])
            for at in maps:
                fields[at] = {key: objs[each] for key, each in fields[at].items()}
            if slotted:
                append(cls(*fields))
                continue
            # Twice as fast as the frozen dataclass's __init__ (one object.__setattr__ a field); __post_init__
            # still derives what the class derives.
            made: Any = new(cls)
            made.__dict__.update(zip(names, fields, strict=True))
            if post_init:
                made.__post_init__()
            append(made)
    return [objs[at] for at in roots]
