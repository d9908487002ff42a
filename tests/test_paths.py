"""Where data lives: command line over environment over the platform's user folder."""

from __future__ import annotations

import stat
from pathlib import Path

import platformdirs

from desktop.runtime.paths import DATA_DIR_ENV, ensure_private_dir, resolve_paths


def test_command_line_wins_over_environment(tmp_path: Path) -> None:
    paths = resolve_paths(tmp_path / "cli", {DATA_DIR_ENV: str(tmp_path / "env")})
    assert paths.data_dir == tmp_path / "cli"
    assert paths.database == tmp_path / "cli" / "cramproof.db"
    assert paths.backups == tmp_path / "cli" / "backups"
    assert paths.lock_file.parent == paths.data_dir


def test_environment_wins_over_platform(tmp_path: Path) -> None:
    paths = resolve_paths(None, {DATA_DIR_ENV: str(tmp_path / "env")})
    assert paths.data_dir == tmp_path / "env"
    assert paths.log_dir == tmp_path / "env" / "logs"


def test_platform_default_uses_user_data_dir() -> None:
    paths = resolve_paths(None, {})
    assert paths.data_dir == Path(platformdirs.user_data_dir("cramproof", appauthor=False))
    assert paths.log_dir == Path(platformdirs.user_log_dir("cramproof", appauthor=False))


def test_an_existing_open_folder_is_reported_not_changed(tmp_path: Path) -> None:
    """The runner's own folder (a shared 1777 one, a USB stick) is never chmodded; only folders
    Cramproof creates are made 0700."""
    folder = tmp_path / "shared"
    folder.mkdir()
    folder.chmod(0o1777)
    note = ensure_private_dir(folder)
    assert stat.S_IMODE(folder.stat().st_mode) == 0o1777
    assert note is not None and "1777" in note and str(folder) in note
    private = tmp_path / "private"
    private.mkdir(mode=0o700)
    assert ensure_private_dir(private) is None
    ensure_private_dir(tmp_path / "new" / "nested")
    assert stat.S_IMODE((tmp_path / "new" / "nested").stat().st_mode) == 0o700
