"""The Progress use case without a display: it agrees with the plan view and reads local days."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, time
from pathlib import Path

import pytest

from bench.synthetic import populate
from db.store import Store, open_store
from desktop.domain.progress.day_status import day_credit
from desktop.plan.reader import PlanReader
from desktop.progress.series import ProgressSource, headline

TODAY = date(2027, 3, 3)
NOW = datetime.combine(TODAY, time(19)).astimezone(UTC)


@pytest.fixture
def store(data_dir: Path) -> Iterator[Store]:
    data_dir.mkdir(parents=True, exist_ok=True)
    populate(data_dir, today=TODAY)
    opened = open_store(data_dir / "cramproof.db", backups_dir=data_dir / "backups", now=NOW)
    yield opened
    opened.close()


def test_weekly_bars_agree_with_the_plan_view(store: Store) -> None:
    """The plan view reads the log set by set; the charts read SQL aggregates: same verdicts."""
    reader = PlanReader(store, now=lambda: NOW)
    athlete, plan = reader.athlete_and_plan()
    overview = reader.overview(athlete, plan)
    data = ProgressSource(store, now=lambda: NOW).load()
    for bars, row in zip(data.weeks, overview.weeks, strict=True):
        assert (bars.week.start, bars.week.phase) == (row.start, row.phase)
        firm = [entry for entry in row.days if not entry.day.conditional]
        assert bars.planned == len(firm)
        settled_credit = sum(
            day_credit(e.heavy, e.light)
            for e in firm
            if day_credit(e.heavy, e.light) == 1.0 or e.status not in ("today", "upcoming")
        )
        assert bars.done == settled_credit, row.number


def test_sessions_land_on_their_local_day(store: Store) -> None:
    data = ProgressSource(store, now=lambda: NOW).load()
    assert data.sessions_logged > 0
    assert all(w.heavy_sets == 0 for w in data.quality if w.week.start > TODAY)
    first = data.quality[0]
    assert first.heavy_sets > 0 and first.light_sets > 0


def test_strength_in_the_plans_units(store: Store) -> None:
    source = ProgressSource(store, now=lambda: NOW)
    data = source.load()
    squat = next(choice for choice in data.exercises if choice.key == "back_squat")
    points = source.strength(squat.id)
    assert points and points[0].load == 60.0 and points[-1].load >= 60.0
    assert [p.day for p in points] == sorted(p.day for p in points)
    store.db.execute("UPDATE plans SET units = 'lb'")
    assert source.strength(squat.id)[0].load == pytest.approx(132.28, abs=0.01)


def test_the_headline_tells_the_story_in_words(store: Store) -> None:
    source = ProgressSource(store, now=lambda: NOW)
    data = source.load()
    squat = next(choice for choice in data.exercises if choice.key == "back_squat")
    title, detail = headline(data, lift="back squat", strength=source.strength(squat.id))
    assert title == "Week 9 of 14 · 39 days to race day (Sun 11 Apr)"
    assert detail.startswith(f"Build-up adherence {data.build_up:.0%} · this week ")
    assert "back squat 60 → " in detail
    assert "of heavy rests in the window (4 weeks)" in detail
    assert "of the last 4 long runs" in detail
