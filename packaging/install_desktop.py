"""Adds Cramproof to this user's application menu: desktop entry, icons and AppStream metadata.

`make install-desktop` runs it. Files go where the freedesktop specs say a user's own apps live
($XDG_DATA_HOME, by default ~/.local/share); the entry launches the PyInstaller bundle when one
is built, otherwise the virtual environment's `cramproof`. `--uninstall` removes them again.
"""

from __future__ import annotations

import argparse
import logging
import os
import shutil
import subprocess
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path

log = logging.getLogger("install_desktop")

APP_ID = "org.cramproof.Cramproof"
PACKAGING = Path(__file__).resolve().parent
ICONS = PACKAGING.parent / "resources" / "icons" / "hicolor"
# Characters that force quoting of an Exec argument (Desktop Entry Specification, "Exec key").
RESERVED = set(" \t\n\"'\\><~|&;$*?#()`")


def data_home(environ: Mapping[str, str]) -> Path:
    """$XDG_DATA_HOME if it is set to an absolute path, else ~/.local/share (per the spec)."""
    value = environ.get("XDG_DATA_HOME", "")
    if value and Path(value).is_absolute():
        return Path(value)
    return Path(environ.get("HOME") or Path.home()) / ".local" / "share"


def pick_command(*, bundle: Path, venv_command: Path) -> Path:
    """The program the menu launches: the bundle if built, else the venv's entry point."""
    for candidate in (bundle, venv_command):
        if candidate.is_file() and os.access(candidate, os.X_OK):
            return candidate.resolve()
    raise FileNotFoundError(f"neither {bundle} nor {venv_command} exists: run `make run` first")


def exec_quote(argument: str) -> str:
    """One Exec argument, quoted and escaped as the spec wants (then escaped as a string value)."""
    argument = argument.replace("%", "%%")
    if RESERVED.isdisjoint(argument):
        return argument
    inner = "".join("\\" + char if char in '"`$\\' else char for char in argument)
    return '"' + inner.replace("\\", "\\\\") + '"'


def desktop_entry(template: str, *, command: Path) -> str:
    """The packaged entry with every `Exec=cramproof …` pointing at `command`."""
    lines = []
    for line in template.splitlines():
        key, _, value = line.partition("=")
        if key == "Exec" and value.split(" ")[0] == "cramproof":
            line = f"Exec={exec_quote(str(command))}{value[len('cramproof') :]}"
        lines.append(line)
    return "\n".join(lines) + "\n"


def planned_files(home: Path) -> dict[Path, Path | None]:
    """Every file this installs, mapped to its source (None: the generated desktop entry)."""
    files: dict[Path, Path | None] = {home / "applications" / f"{APP_ID}.desktop": None}
    files[home / "metainfo" / f"{APP_ID}.metainfo.xml"] = PACKAGING / f"{APP_ID}.metainfo.xml"
    for source in sorted(ICONS.glob(f"*/apps/{APP_ID}.*")):
        files[home / "icons" / "hicolor" / source.relative_to(ICONS)] = source
    return files


def install(*, home: Path, command: Path) -> list[Path]:
    """Write the entry, icons and metadata under `home`; return the files written."""
    template = (PACKAGING / f"{APP_ID}.desktop").read_text(encoding="utf-8")
    written = []
    for target, source in planned_files(home).items():
        target.parent.mkdir(parents=True, exist_ok=True)
        if source is None:
            target.write_text(desktop_entry(template, command=command), encoding="utf-8")
        else:
            shutil.copyfile(source, target)
        written.append(target)
    refresh_caches(home)
    return written


def uninstall(*, home: Path) -> list[Path]:
    removed = [path for path in planned_files(home) if path.exists()]
    for path in removed:
        path.unlink()
    refresh_caches(home)
    return removed


def refresh_caches(home: Path) -> None:
    """Tell menus about the change: the desktop database, and the icon theme's timestamp."""
    applications = home / "applications"
    tool = shutil.which("update-desktop-database")
    if tool and applications.is_dir():
        subprocess.run([tool, "-q", str(applications)], check=False)
    theme = home / "icons" / "hicolor"
    if theme.is_dir():
        os.utime(theme)  # icon caches compare this directory's time with their own


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bundle", type=Path, required=True, help="the built bundle's program")
    parser.add_argument("--venv-command", type=Path, required=True, help="the venv's cramproof")
    parser.add_argument("--uninstall", action="store_true", help="remove what install added")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    home = data_home(os.environ)
    if args.uninstall:
        for path in uninstall(home=home):
            log.info("removed %s", path)
        return 0
    try:
        command = pick_command(bundle=args.bundle, venv_command=args.venv_command)
    except FileNotFoundError as error:
        log.error("%s", error)
        return 1
    install(home=home, command=command)
    log.info("Cramproof is in the application menu (%s, launching %s)", home, command)
    return 0


if __name__ == "__main__":
    sys.exit(main())
