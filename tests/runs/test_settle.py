"""A watched folder's file written in parts (a sync client): it is read once whole, never
reported damaged while it is still growing, and left for later when it keeps growing."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from db.athletes import create_athlete
from db.store import Store, open_store
from desktop.runs.importing.batch import import_batch
from desktop.runs.importing.settle import LONGEST_WAIT_S, QUIET_S
from tests.runs.fit_builder import Leg, fit_bytes

NOW = datetime(2027, 3, 20, 12, tzinfo=UTC)


@pytest.fixture
def store(data_dir: Path) -> Iterator[Store]:
    data_dir.mkdir(parents=True)
    with open_store(data_dir / "cramproof.db", backups_dir=data_dir / "b", now=NOW) as opened:
        create_athlete(opened, "Ana", created_at=NOW)
        yield opened


def test_a_file_still_being_written_is_read_once_whole(store: Store, tmp_path: Path) -> None:
    whole = fit_bytes([Leg("running", 3600)])
    (tmp_path / "w").mkdir()
    path = tmp_path / "w" / "run.fit"
    path.write_bytes(whole[: len(whole) // 2])  # the sync client's first part
    looks: list[float] = []

    def sleep(seconds: float) -> None:  # between two looks, the rest of the file arrives
        looks.append(seconds)
        if len(looks) == 1:
            with path.open("ab") as file:
                file.write(whole[len(whole) // 2 :])

    result = import_batch(store.path, athlete_id=1, paths=[tmp_path / "w"], now=NOW, settle=sleep)
    assert looks == [QUIET_S, QUIET_S]  # changed at the second look, the same at the third
    assert result.summary() == "1 run imported."
    assert not result.growing


def test_a_file_that_keeps_growing_is_left_for_later_not_damaged(
    store: Store, tmp_path: Path
) -> None:
    (tmp_path / "w").mkdir()
    path = tmp_path / "w" / "run.fit"
    path.write_bytes(fit_bytes([Leg("running", 600)])[:100])

    def sleep(_seconds: float) -> None:
        with path.open("ab") as file:
            file.write(b"\0")

    result = import_batch(store.path, athlete_id=1, paths=[tmp_path / "w"], now=NOW, settle=sleep)
    assert result.growing == [path] and result.outcomes == []
    assert result.total == 0 and len(path.read_bytes()) == 100 + int(LONGEST_WAIT_S / QUIET_S)
