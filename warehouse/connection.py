"""Who may open the warehouse, and how: one writer on a private file, readers on a published copy.

DuckDB lets one process write a file, and refuses a writer while anyone else has it open, even
read-only. So SQL users never open the file the loader writes:

* ``<warehouse>.lock``  - an advisory file lock held for a whole load or build; a second pipeline run
  (CLI and Airflow at once) waits for it, then refuses with a message naming the holder.
* ``.<name>.work``      - the loader's private DuckDB file. Loads and builds commit here.
* ``<warehouse>``       - the published read-only copy analysts open. After each successful load or build
  the working file is checkpointed, copied beside it and swapped in with ``os.replace``: an open
  session keeps reading the old copy, new sessions see the new one, a load never waits for a reader.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import shutil
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import duckdb

from warehouse.migrate import apply_migrations
from warehouse.sql_files import run_statement

LOCK_WAIT_S = float(os.environ.get("FIGUREWIRE_WAREHOUSE_LOCK_WAIT", "600"))
OPEN_ATTEMPTS = 5
OPEN_BACKOFF_S = 0.2
_DUCKDB_LOCK_MESSAGE = "Could not set lock on file"


class WarehouseBusy(RuntimeError):
    """Another load or build holds the warehouse's writer lock for longer than we are willing to wait."""


class WarehouseLocked(RuntimeError):
    """Another process holds the DuckDB file itself open, so DuckDB refuses us as a writer."""


def work_path(warehouse_path: Path) -> Path:
    return warehouse_path.with_name(f".{warehouse_path.name}.work")


def lock_path(warehouse_path: Path) -> Path:
    return warehouse_path.with_name(f"{warehouse_path.name}.lock")


_held: dict[Path, int] = {}
_held_guard = threading.Lock()


@contextlib.contextmanager
def writer_lock(warehouse_path: Path, wait_s: float | None = None) -> Iterator[None]:
    """Hold the warehouse's writer lock (re-entrant in one process, so load+build can share one hold)."""
    key = Path(warehouse_path).resolve()
    with _held_guard:
        if _held.get(key):
            _held[key] += 1
            reentered = True
        else:
            reentered = False
    if reentered:
        try:
            yield
        finally:
            with _held_guard:
                _held[key] -= 1
        return
    wait_s = LOCK_WAIT_S if wait_s is None else wait_s
    path = lock_path(key)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        deadline = time.monotonic() + wait_s
        delay = 0.05
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise WarehouseBusy(
                        f"another figurewire load/build is writing {warehouse_path} "
                        f"({_describe_holder(path)}); waited {wait_s:g} s for it to finish. "
                        f"Run again when it is done (lock file: {path})."
                    ) from None
                time.sleep(delay)
                delay = min(delay * 2, 1.0)
        os.ftruncate(fd, 0)
        os.write(fd, json.dumps({"pid": os.getpid(), "since": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
                                 "command": " ".join(_argv())[:300]}).encode())
        with _held_guard:
            _held[key] = 1
        try:
            yield
        finally:
            with _held_guard:
                _held.pop(key, None)
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)


def _argv() -> list[str]:
    try:
        return Path("/proc/self/cmdline").read_bytes().decode(errors="replace").split("\0")
    except OSError:
        return []


def _describe_holder(path: Path) -> str:
    try:
        holder = json.loads(path.read_text() or "{}")
    except (OSError, ValueError):
        holder = {}
    if not holder:
        return "holder unknown"
    command = " ".join(str(holder.get("command", "")).split())[:120]
    return f"pid {holder.get('pid')} since {holder.get('since')}: {command}"


def connect_writer(db_path: Path, attempts: int | None = None,
                   backoff_s: float | None = None) -> duckdb.DuckDBPyConnection:
    """Open ``db_path`` for writing, retrying with backoff (0.2 s, doubling) while another process holds it."""
    attempts = OPEN_ATTEMPTS if attempts is None else attempts
    backoff_s = OPEN_BACKOFF_S if backoff_s is None else backoff_s
    last: Exception | None = None
    for attempt in range(attempts):
        try:
            con = duckdb.connect()
            try:
                run_statement(con, "attach_writer", path=str(db_path))
            except BaseException:
                con.close()
                raise
            run_statement(con, "writer_settings")
            return con
        except duckdb.IOException as exc:
            if _DUCKDB_LOCK_MESSAGE not in str(exc):
                raise
            last = exc
            time.sleep(backoff_s * (2 ** attempt))
    raise WarehouseLocked(
        f"cannot write {db_path}: another process keeps it open and DuckDB allows a single writer. "
        f"Only the figurewire loader should open this file; SQL users open the published copy "
        f"read-only. DuckDB said: {last}"
    )


def connect_reader(warehouse_path: Path) -> duckdb.DuckDBPyConnection:
    """A read-only session on the published copy; it never blocks a load."""
    if not Path(warehouse_path).exists():
        raise FileNotFoundError(f"no warehouse at {warehouse_path} yet: run `figurewire run` first")
    con = duckdb.connect(str(warehouse_path), read_only=True)
    run_statement(con, "reader_settings")
    return con


@contextlib.contextmanager
def writer_session(warehouse_path: Path, wait_s: float | None = None,
                   publish_after: bool = True) -> Iterator[duckdb.DuckDBPyConnection]:
    """Lock, open the private working file (migrated), yield it, and publish it if the block succeeds.

    A working file is seeded from the published copy when missing (a warehouse written by an older
    version, or a copied data folder), so migrations always run on the data users see. A caller that
    writes again right away (a run's load, then its build) passes ``publish_after=False`` and
    publishes once at the end: the copy is the slow part of a run that found nothing new.
    """
    warehouse_path = Path(warehouse_path)
    with writer_lock(warehouse_path, wait_s):
        work = work_path(warehouse_path)
        if not work.exists() and warehouse_path.exists():
            shutil.copyfile(warehouse_path, work)
        con = connect_writer(work)
        try:
            apply_migrations(con)
            yield con
            run_statement(con, "checkpoint")
        finally:
            con.close()
        if publish_after:
            publish(warehouse_path)


def publish(warehouse_path: Path) -> None:
    """Swap a checkpointed copy of the working file in as the published warehouse, atomically."""
    warehouse_path = Path(warehouse_path)
    tmp = warehouse_path.with_name(f".{warehouse_path.name}.publishing")
    shutil.copyfile(work_path(warehouse_path), tmp)
    with open(tmp, "rb") as fh:
        os.fsync(fh.fileno())
    stale_wal = warehouse_path.with_name(warehouse_path.name + ".wal")
    if stale_wal.exists():
        stale_wal.unlink()
    os.replace(tmp, warehouse_path)
