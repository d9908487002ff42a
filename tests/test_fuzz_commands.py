"""The check, backup, restore, export and gym command lines, fuzzed: exit 0, 1 or 2, no traceback.

Arguments are drawn from each command's own words, path-like names and free text, and run
in-process through the real entry point (`desktop.app.main`) against a real log with a set in it.
`gym` would open the window, so only its arguments are parsed. Every path stays inside the test's
folder: drawn names never contain '/' or start with '~', and the folder is the working directory.
"""

from __future__ import annotations

import contextlib
import io
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from desktop.app import main
from desktop.cli import main as cli
from tests.gym_support import fake_clock, lift_set, open_log, plan_for_today

FUZZ = settings(
    max_examples=120,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
COMMANDS = ["check", "backup", "restore", "export"]

name = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00/"), max_size=20
).filter(lambda text: not text.startswith("~"))
words = st.sampled_from(
    [
        "--out",
        "--format",
        "--athlete",
        "--data-dir",
        "--verbose",
        "--kind",
        "--help",
        "latest",
        "json",
        "csv",
        "strong",
        "ical",
        "heavy",
        "light",
        "Ana",
        "-",
        "--",
    ]
)
paths = st.sampled_from(
    [
        "",
        ".",
        "out.json",
        "sub/",
        "sub/out.csv",
        "data",
        "data/",
        "data/cramproof.db",
        "data/cramproof.db-wal",
        "data/backups",
        "data/logs/cramproof.log",
        "a\nb",
        " ",
        "x" * 120,
    ]
)
arguments = st.lists(st.one_of(words, paths, name), max_size=7)
value = st.one_of(paths, name)
formats = st.one_of(st.sampled_from(["json", "csv", "strong", "ical"]), name)
data_dir = st.one_of(st.just([]), value.map(lambda path: ["--data-dir", path]))
# Well-formed command lines with drawn values reach the commands themselves, not only argparse.
well_formed = st.one_of(
    st.tuples(st.just("check"), st.just([])),
    st.tuples(st.just("backup"), value.map(lambda out: ["--out", out])),
    st.tuples(st.just("restore"), st.one_of(st.just([]), value.map(lambda b: [b]))),
    st.tuples(
        st.just("export"),
        st.tuples(formats, value, st.one_of(st.just([]), name.map(lambda a: ["--athlete", a]))).map(
            lambda drawn: ["--format", drawn[0], "--out", drawn[1], *drawn[2]]
        ),
    ),
)
command_lines = st.one_of(
    st.tuples(data_dir, well_formed).map(lambda d: [*d[0], d[1][0], *d[1][1]]),
    st.tuples(st.sampled_from(COMMANDS), arguments).map(lambda d: [d[0], *d[1]]),
)


@pytest.fixture
def folder(tmp_path: Path, data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The working directory, holding `data`: the default data folder, with a real log."""
    monkeypatch.chdir(tmp_path)
    assert data_dir == tmp_path / "data"
    store = open_log(data_dir)
    clock = fake_clock()
    plan_for_today(store, clock)
    from desktop.gym.opening.start import start_workout

    lift_set(start_workout(store, clock=clock, kind="heavy"), clock)
    store.close()
    (tmp_path / "sub").mkdir()
    return tmp_path


def _run(argv: list[str]) -> tuple[int, str]:
    err = io.StringIO()
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(err):
        try:
            code = main(argv)
        except SystemExit as leaving:  # argparse: --help (0) or a bad argument (2)
            code = leaving.code if isinstance(leaving.code, int) else 1
    return code, err.getvalue()


def test_commands_exit_0_1_or_2_without_a_traceback(folder: Path) -> None:
    @FUZZ
    @given(command_lines)
    @example(["backup", "--out", "data/cramproof.db"])
    @example(["backup", "--out", "sub/out.db"])
    @example(["export", "--format", "json", "--out", "sub/out.json"])
    @example(["restore", "latest"])
    @example(["--data-dir", "x" * 120, "check"])
    def run(argv: list[str]) -> None:
        try:
            code, err = _run(argv)
        finally:
            os.chdir(folder)  # no command may leave the test's folder as the working directory
        assert code in (0, 1, 2), (argv, code, err)
        assert "Traceback" not in err, err

    run()


@FUZZ
@given(arguments)
@example(["--kind", "heavy"])
@example(["--kind", "medium"])
def test_gym_arguments_are_read_or_refused_in_one_line(argv: list[str]) -> None:
    err = io.StringIO()
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(err):
        try:
            args = cli.parse(["gym", *argv])
        except SystemExit as leaving:
            assert leaving.code in (0, 2), leaving.code
            if leaving.code == 2:
                assert len(err.getvalue().strip().splitlines()) == 1, err.getvalue()
            return
    assert args.command == "gym" and args.kind in (None, "heavy", "light")
