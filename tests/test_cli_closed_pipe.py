"""`cramproof restore | head -3`: a reader that stops early gets what it read, and the command
stops without a word ("cramproof: error: Broken pipe" was printed) and without a traceback."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.conftest import REPO_ROOT, child_env

COMMANDS = [
    ["plan", "--race-date", "2027-04-04", "--today", "2026-12-01"],
    ["plan", "--race-date", "2027-04-04", "--today", "2026-12-01", "--json"],
]


@pytest.mark.parametrize("command", COMMANDS, ids=["text", "json"])
def test_a_closed_pipe_ends_the_command_quietly(command: list[str]) -> None:
    with subprocess.Popen(
        [sys.executable, "-m", "desktop", *command],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=REPO_ROOT,
        env=child_env(),
    ) as child:
        assert child.stdout is not None and child.stderr is not None
        child.stdout.close()  # the reader is gone before the first line is written
        said = child.stderr.read().decode()
        assert child.wait(timeout=60) == 1
    assert said == ""
