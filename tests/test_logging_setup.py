"""The log file: written where the paths say, rotated at start once it is large."""

from __future__ import annotations

import logging
from pathlib import Path

from desktop.runtime.logging_setup import configure_logging, rotate_if_large


def test_small_log_is_kept_and_appended(tmp_path: Path) -> None:
    log_file = tmp_path / "logs" / "cramproof.log"
    handler = configure_logging(log_file)
    assert handler is not None
    try:
        logging.getLogger("cramproof.test").warning("first set saved")
        handler.flush()
    finally:
        logging.getLogger().removeHandler(handler)
        handler.close()
    assert "first set saved" in log_file.read_text()
    assert not rotate_if_large(log_file)


def test_large_log_rotates_and_the_oldest_falls_off(tmp_path: Path) -> None:
    log_file = tmp_path / "cramproof.log"
    for number, text in ((2, "two"), (1, "one")):
        log_file.with_name(f"cramproof.log.{number}").write_text(text)
    log_file.write_text("x" * 50)
    assert rotate_if_large(log_file, max_bytes=10, keep=2)
    assert not log_file.exists()
    assert log_file.with_name("cramproof.log.1").read_text() == "x" * 50
    assert log_file.with_name("cramproof.log.2").read_text() == "one"
    assert not log_file.with_name("cramproof.log.3").exists()


def test_unwritable_log_folder_does_not_stop_the_app(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("")
    assert configure_logging(blocker / "cramproof.log") is None
