"""The schema as append-only, named migrations (sqlite-utils Migrations), and what is pending.

Never edit or reorder an applied migration: databases in the field have recorded its name. Add
a new function below the last one. Loads are kg (REAL), times UTC ISO-8601, days 'YYYY-MM-DD'.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from db.errors import NewerDatabase
from db.migration_set import MigrationSet, migration_names

if TYPE_CHECKING:
    from sqlite_utils import Database

    from db.migration_set import AnyMigrations as Migrations

# Registered without importing sqlite-utils: start-up reads only the names (db.migration_set).
MIGRATIONS = MigrationSet("cramproof")
# PRAGMA application_id of every Cramproof log (the bytes "CRMP"), so that another program's
# SQLite file is never taken for one; db.ownership also knows the logs made before it was set.
APPLICATION_ID = 0x43524D50
# Migrations that change no table: a log still lacking them can be read as it is (read-only).
SCHEMA_NEUTRAL = frozenset({"0004_application_id"})

_DAY = "GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'"


@MIGRATIONS(name="0001_core_tables")
def _core_tables(db: Database) -> None:
    db.executescript(f"""
CREATE TABLE athletes (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 60),
    created_at TEXT NOT NULL
);
CREATE TABLE settings (
    id INTEGER PRIMARY KEY,
    athlete_id INTEGER REFERENCES athletes(id),
    key TEXT NOT NULL CHECK (length(key) > 0),
    value TEXT,
    UNIQUE (athlete_id, key)
);
CREATE UNIQUE INDEX settings_app_wide_key ON settings(key) WHERE athlete_id IS NULL;
CREATE TABLE plans (
    id INTEGER PRIMARY KEY,
    athlete_id INTEGER NOT NULL REFERENCES athletes(id),
    race_date TEXT NOT NULL CHECK (race_date {_DAY}),
    weeks INTEGER NOT NULL CHECK (weeks IN (14, 15, 16)),
    long_run_day INTEGER NOT NULL CHECK (long_run_day BETWEEN 0 AND 6),
    speed_day INTEGER NOT NULL CHECK (speed_day BETWEEN 0 AND 6),
    cramp_sites TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(cramp_sites)),
    units TEXT NOT NULL CHECK (units IN ('kg', 'lb')),
    created_at TEXT NOT NULL,
    active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    options TEXT NOT NULL DEFAULT '{{}}' CHECK (json_valid(options)),
    CHECK (speed_day <> long_run_day)
);
CREATE UNIQUE INDEX plans_one_active ON plans(athlete_id) WHERE active = 1;
CREATE TABLE plan_exercises (
    id INTEGER PRIMARY KEY,
    plan_id INTEGER NOT NULL REFERENCES plans(id),
    session_kind TEXT NOT NULL CHECK (session_kind IN ('heavy', 'light')),
    slot INTEGER NOT NULL CHECK (slot >= 0),
    exercise_key TEXT NOT NULL,
    UNIQUE (plan_id, session_kind, slot)
);
CREATE TABLE gate_decisions (
    id INTEGER PRIMARY KEY,
    plan_id INTEGER NOT NULL REFERENCES plans(id),
    week_start TEXT NOT NULL CHECK (week_start {_DAY}),
    decision TEXT NOT NULL CHECK (decision IN ('accepted', 'declined')),
    decided_at TEXT NOT NULL,
    UNIQUE (plan_id, week_start)
);
CREATE TABLE planned_days (
    id INTEGER PRIMARY KEY,
    plan_id INTEGER NOT NULL REFERENCES plans(id),
    date TEXT NOT NULL CHECK (date {_DAY}),
    after TEXT NOT NULL CHECK (after IN ('long_run', 'speed_run')),
    conditional INTEGER NOT NULL DEFAULT 0 CHECK (conditional IN (0, 1)),
    week INTEGER NOT NULL CHECK (week >= 1),
    weeks_out INTEGER NOT NULL CHECK (weeks_out >= 1),
    phase TEXT NOT NULL,
    superseded_at TEXT
);
CREATE INDEX planned_days_by_plan_date ON planned_days(plan_id, date);
CREATE TABLE exercises (
    id INTEGER PRIMARY KEY,
    key TEXT NOT NULL UNIQUE CHECK (length(key) > 0),
    name TEXT NOT NULL,
    movement TEXT NOT NULL,
    barbell INTEGER NOT NULL DEFAULT 0 CHECK (barbell IN (0, 1)),
    bodyweight INTEGER NOT NULL DEFAULT 0 CHECK (bodyweight IN (0, 1))
);
CREATE TABLE sessions (
    id INTEGER PRIMARY KEY,
    athlete_id INTEGER NOT NULL REFERENCES athletes(id),
    planned_day_id INTEGER REFERENCES planned_days(id),
    kind TEXT NOT NULL CHECK (kind IN ('heavy', 'light')),
    started_at TEXT NOT NULL,
    ended_at TEXT,
    state TEXT NOT NULL DEFAULT 'in_progress'
        CHECK (state IN ('in_progress', 'finished', 'abandoned')),
    notes TEXT NOT NULL DEFAULT '',
    rest_started_at TEXT,
    rest_paused_s REAL NOT NULL DEFAULT 0 CHECK (rest_paused_s >= 0),
    CHECK (state = 'in_progress' OR ended_at IS NOT NULL)
);
CREATE INDEX sessions_by_athlete_start ON sessions(athlete_id, started_at);
CREATE INDEX sessions_by_planned_day ON sessions(planned_day_id);
CREATE TABLE sets (
    id INTEGER PRIMARY KEY,
    session_id INTEGER NOT NULL REFERENCES sessions(id),
    exercise_id INTEGER NOT NULL REFERENCES exercises(id),
    set_index INTEGER NOT NULL CHECK (set_index >= 0),
    warmup INTEGER NOT NULL DEFAULT 0 CHECK (warmup IN (0, 1)),
    target_reps_min INTEGER NOT NULL CHECK (target_reps_min BETWEEN 0 AND 100),
    target_reps_max INTEGER NOT NULL CHECK (target_reps_max BETWEEN target_reps_min AND 100),
    reps INTEGER NOT NULL CHECK (reps BETWEEN 0 AND 100),
    load_kg REAL NOT NULL CHECK (load_kg BETWEEN 0 AND 1000),
    form_held INTEGER NOT NULL DEFAULT 1 CHECK (form_held IN (0, 1)),
    started_at TEXT NOT NULL,
    ended_at TEXT NOT NULL,
    rest_before_s REAL CHECK (rest_before_s >= 0)
);
CREATE INDEX sets_by_session ON sets(session_id, id);
CREATE INDEX sets_by_exercise ON sets(exercise_id);
CREATE TABLE checkins (
    id INTEGER PRIMARY KEY,
    athlete_id INTEGER NOT NULL REFERENCES athletes(id),
    week_start TEXT NOT NULL CHECK (week_start {_DAY}),
    pain INTEGER NOT NULL CHECK (pain IN (0, 1)),
    recovered INTEGER NOT NULL CHECK (recovered IN (0, 1)),
    created_at TEXT NOT NULL,
    UNIQUE (athlete_id, week_start)
);
CREATE TABLE cramp_reports (
    id INTEGER PRIMARY KEY,
    athlete_id INTEGER NOT NULL REFERENCES athletes(id),
    session_id INTEGER REFERENCES sessions(id),
    date TEXT NOT NULL CHECK (date {_DAY}),
    cramped INTEGER NOT NULL CHECK (cramped IN (0, 1)),
    sites TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(sites)),
    distance_km REAL CHECK (distance_km BETWEEN 0 AND 500),
    severity INTEGER NOT NULL CHECK (severity BETWEEN 0 AND 3),
    created_at TEXT NOT NULL
);
CREATE INDEX cramp_reports_by_athlete_date ON cramp_reports(athlete_id, date);
""")


@MIGRATIONS(name="0002_gym_rest_state")
def _gym_rest_state(db: Database) -> None:
    """Gym mode: a paused or extended rest restores exactly, each rest is kept whole with the set
    that follows it, held finishers (planks) store seconds, and the session's running layout
    (variant swaps, extra and skipped sets, warm-ups) survives a crash as JSON."""
    db.executescript("""
ALTER TABLE sessions ADD COLUMN rest_paused_since TEXT;
ALTER TABLE sessions ADD COLUMN rest_extended_s REAL NOT NULL DEFAULT 0
    CHECK (rest_extended_s >= 0);
ALTER TABLE sessions ADD COLUMN layout TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(layout));
ALTER TABLE sets ADD COLUMN rest_paused_s REAL CHECK (rest_paused_s >= 0);
ALTER TABLE sets ADD COLUMN rest_extended_s REAL CHECK (rest_extended_s >= 0);
ALTER TABLE sets ADD COLUMN over_rest_s REAL CHECK (over_rest_s >= 0);
ALTER TABLE sets ADD COLUMN hold_s REAL CHECK (hold_s BETWEEN 0 AND 3600);
""")


@MIGRATIONS(name="0003_progress_indexes")
def _progress_indexes(db: Database) -> None:
    """Indexes for the Progress charts: an exercise's top sets read from the index alone."""
    db.executescript("""
CREATE INDEX sets_by_exercise_session ON sets(exercise_id, session_id, warmup, load_kg, reps);
""")


@MIGRATIONS(name="0004_application_id")
def _application_id(db: Database) -> None:
    """Mark the file as a Cramproof log in its header (see db.ownership)."""
    db.execute(f"PRAGMA application_id = {APPLICATION_ID}")


@MIGRATIONS(name="0005_light_reminders")
def _light_reminders(db: Database) -> None:
    """The light session's time on each double day, proposed when the heavy session finished and
    changed by the runner. Keyed by the athlete's local day, not by session: discarding or
    correcting a heavy session in History must not be blocked by its reminder."""
    db.executescript(f"""
CREATE TABLE light_reminders (
    id INTEGER PRIMARY KEY,
    athlete_id INTEGER NOT NULL REFERENCES athletes(id),
    day TEXT NOT NULL CHECK (day {_DAY}),
    heavy_ended_at TEXT NOT NULL,
    remind_at TEXT NOT NULL CHECK (remind_at > heavy_ended_at),
    UNIQUE (athlete_id, day)
);
""")


@MIGRATIONS(name="0006_runs")
def _runs(db: Database) -> None:
    """Runs imported from the watch: totals, the late-run figures and per-km splits, never a
    position (a track leads to the runner's home). Times UTC, with the watch's offset kept for
    showing the local time the run started."""
    db.executescript("""
CREATE TABLE runs (
    id INTEGER PRIMARY KEY,
    athlete_id INTEGER NOT NULL REFERENCES athletes(id),
    started_at TEXT NOT NULL,
    ended_at TEXT NOT NULL CHECK (ended_at >= started_at),
    utc_offset_min INTEGER NOT NULL DEFAULT 0 CHECK (utc_offset_min BETWEEN -1440 AND 1440),
    sport TEXT NOT NULL CHECK (length(sport) > 0),
    distance_m REAL NOT NULL CHECK (distance_m >= 0),
    moving_s REAL NOT NULL CHECK (moving_s >= 0),
    source TEXT NOT NULL,
    pace_fade_pct REAL,
    cadence_drop_spm REAL,
    decoupling_pct REAL,
    imported_at TEXT NOT NULL
);
CREATE INDEX runs_by_athlete_start ON runs(athlete_id, started_at);
CREATE TABLE run_splits (
    run_id INTEGER NOT NULL REFERENCES runs(id),
    km INTEGER NOT NULL CHECK (km >= 1),
    seconds REAL NOT NULL CHECK (seconds > 0),
    PRIMARY KEY (run_id, km)
);
""")


@MIGRATIONS(name="0007_run_links")
def _run_links(db: Database) -> None:
    """A heavy session done right after a run: which run, and the whole minutes from the run's
    end to the first set. One row a session (a session follows at most one run)."""
    db.executescript("""
CREATE TABLE session_runs (
    session_id INTEGER PRIMARY KEY REFERENCES sessions(id),
    run_id INTEGER NOT NULL REFERENCES runs(id),
    minutes_after INTEGER NOT NULL CHECK (minutes_after >= 0)
);
CREATE INDEX session_runs_by_run ON session_runs(run_id);
""")


@MIGRATIONS(name="0008_run_ascent")
def _run_ascent(db: Database) -> None:
    """A run's total ascent in metres, from the file's elevation; NULL where the file had none
    (and for runs imported before it was kept): how hilly a run was bears on its figures."""
    db.execute("ALTER TABLE runs ADD COLUMN ascent_m REAL CHECK (ascent_m >= 0)")


@MIGRATIONS(name="0009_run_picks")
def _run_picks(db: Database) -> None:
    """The run the runner picked for a planned day; no row: the longest within reach."""
    db.execute("""CREATE TABLE run_picks (
    planned_day_id INTEGER PRIMARY KEY REFERENCES planned_days(id) ON DELETE CASCADE,
    run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE)""")


def known_migrations(*, migrations: Migrations = MIGRATIONS) -> list[str]:
    """Every migration this version knows, in order (the names alone: no sqlite-utils needed)."""
    return migration_names(migrations)


def applied_migrations(db: Database, *, migrations: Migrations = MIGRATIONS) -> list[str]:
    """Names already recorded in the database, in the order they were applied. Read-only."""
    return [migration.name for migration in migrations.applied(db)]


def pending_migrations(db: Database, *, migrations: Migrations = MIGRATIONS) -> list[str]:
    """Migrations this version knows that the database has not had yet. Read-only."""
    return [migration.name for migration in migrations.pending(db)]


def unknown_migrations(db: Database, *, migrations: Migrations = MIGRATIONS) -> list[str]:
    """Applied names this version does not know: the file was written by a newer Cramproof."""
    known = set(known_migrations(migrations=migrations))
    return [name for name in applied_migrations(db, migrations=migrations) if name not in known]


def refuse_newer(db: Database, *, migrations: Migrations = MIGRATIONS) -> None:
    """Raise NewerDatabase, before anything is written, if a newer Cramproof wrote this file."""
    unknown = unknown_migrations(db, migrations=migrations)
    if unknown:
        raise NewerDatabase(
            "This training log was saved by a newer version of Cramproof. Update Cramproof to "
            "open it; nothing in the file has been changed.",
            unknown=unknown,
        )


def apply_migrations(db: Database, *, migrations: Migrations = MIGRATIONS) -> None:
    """Apply everything pending, each migration in its own transaction.

    `migrations` is always MIGRATIONS in the app; tests pass a longer list to rehearse upgrades.
    """
    refuse_newer(db, migrations=migrations)
    migrations.apply(db)
