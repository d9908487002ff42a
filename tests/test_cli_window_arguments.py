"""The window's own arguments skip building the sub-commands, and nothing else may notice.

`parse` reads `--data-dir` and `--verbose` alone with a small parser (start-up: the
sub-commands' parsers and modules cost about 8 ms); whatever else is given goes to the full
parser. Each case here is read both ways: the same namespace, or the same exit code and the
same words on stderr.
"""

from __future__ import annotations

import argparse

import pytest

from desktop.cli.main import build_parser, parse

ARGUMENTS = [
    [],
    ["--verbose"],
    ["--data-dir", "logs"],
    ["--data-dir=logs", "--verbose"],
    ["--verbose", "--data-dir", "a", "--data-dir", "b"],
    ["--verb"],  # an abbreviation: the full parser allows it
    ["--v"],  # ambiguous between --verbose and --version
    ["--data"],
    ["--data-dir"],
    ["--data-dir", ""],
    ["--data-dir", "logs", "extra"],
    ["-h"],
    ["--help"],
    ["--version"],
    ["--bogus"],
    ["gym"],
    ["--data-dir", "logs", "gym", "--kind", "light"],
    ["check"],
    ["frob"],
    ["--", "gym"],
]


def _read(
    reader: object, arguments: list[str], capsys: pytest.CaptureFixture[str]
) -> tuple[object, str, str]:
    try:
        result: object = reader(arguments)  # type: ignore[operator]
    except SystemExit as stop:
        result = ("exit", stop.code)
    printed = capsys.readouterr()
    return result, printed.out, printed.err


@pytest.mark.parametrize("arguments", ARGUMENTS, ids=lambda words: " ".join(words) or "none")
def test_parse_answers_as_the_full_parser(
    arguments: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    ours = _read(parse, arguments, capsys)
    full = _read(lambda words: build_parser().parse_args(words), arguments, capsys)
    assert ours == full


def test_the_window_alone_loads_no_sub_command() -> None:
    """Checked in a fresh interpreter: the modules behind `check`, `plan`, `export` stay out."""
    import subprocess
    import sys

    probe = (
        "import sys\n"
        "from desktop.cli.main import parse\n"
        "args = parse(['--data-dir', 'logs', '--verbose'])\n"
        "print(args.command, args.data_dir, args.verbose)\n"
        "print(sorted(m for m in sys.modules if m.startswith('desktop.cli.') and\n"
        "      m not in ('desktop.cli.main', 'desktop.cli.guard')))\n"
    )
    shown = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, timeout=60
    ).stdout.splitlines()
    assert shown == ["None logs True", "[]"]
    assert isinstance(parse([]), argparse.Namespace)
