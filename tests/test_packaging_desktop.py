"""The desktop entry and AppStream metadata: valid by the freedesktop validators, and consistent."""

from __future__ import annotations

import configparser
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

from desktop import __version__
from desktop.app import APP_ID, APP_NAME
from tests.conftest import REPO_ROOT
from tests.system_needs import require_tool

PACKAGING = REPO_ROOT / "packaging"
DESKTOP_FILE = PACKAGING / f"{APP_ID}.desktop"
METAINFO = PACKAGING / f"{APP_ID}.metainfo.xml"
SCREENSHOT_URL = "https://raw.githubusercontent.com/cramproof/cramproof/main/packaging/screenshots/"


def validate_desktop_file(path: Path) -> subprocess.CompletedProcess[str]:
    tool = require_tool("desktop-file-validate", "desktop-file-utils")
    return subprocess.run([tool, str(path)], capture_output=True, text=True, check=False)


def desktop_entry(path: Path = DESKTOP_FILE) -> configparser.ConfigParser:
    parser = configparser.ConfigParser(interpolation=None, delimiters=("=",))
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    parser.read(path, encoding="utf-8")
    return parser


def metainfo() -> ET.Element:
    return ET.parse(METAINFO).getroot()


def test_desktop_file_passes_the_validator_without_a_word() -> None:
    """Hints count too: `Utility;Sports;` passes with a hint, and a hint is a wrong category."""
    result = validate_desktop_file(DESKTOP_FILE)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip() == "", result.stdout


def test_metainfo_passes_the_strict_appstream_validator() -> None:
    tool = require_tool("appstreamcli", "appstream")
    result = subprocess.run(
        [tool, "validate", "--no-net", "--strict", str(METAINFO)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_desktop_entry_launches_the_app_and_todays_session() -> None:
    entry = desktop_entry()
    main = entry["Desktop Entry"]
    assert main["Type"] == "Application"
    assert main["Name"] == APP_NAME
    assert main["Icon"] == APP_ID
    assert main["Exec"] == "cramproof"
    assert main["StartupWMClass"] == APP_NAME  # the WM_CLASS class Qt sets from the app name
    assert {"timer", "workout", "strength", "marathon"} <= set(main["Keywords"].split(";"))
    assert "Sports" in main["Categories"].split(";")
    actions = [name for name in main["Actions"].split(";") if name]
    assert len(actions) == 1
    action = entry[f"Desktop Action {actions[0]}"]
    assert action["Name"] == "Start today's session"
    assert action["Exec"] == "cramproof gym"


def test_metainfo_names_the_same_app_as_the_code() -> None:
    root = metainfo()
    assert root.get("type") == "desktop-application"
    assert root.findtext("id") == APP_ID
    assert root.findtext("name") == APP_NAME
    assert root.findtext("metadata_license") == "CC0-1.0"
    assert root.findtext("project_license") == "MIT"
    assert root.findtext("launchable[@type='desktop-id']") == DESKTOP_FILE.name
    assert root.findtext("provides/binary") == "cramproof"
    assert root.find("content_rating[@type='oars-1.1']") is not None


def test_newest_release_is_the_version_the_app_reports() -> None:
    """Bumping __version__ without release notes would ship stale metadata to software centres."""
    releases = metainfo().findall("releases/release")
    assert releases, "no releases"
    assert releases[0].get("version") == __version__
    assert releases[0].findtext("description/p")


def test_every_screenshot_is_a_committed_file() -> None:
    images = [image.text or "" for image in metainfo().iter("image")]
    assert images
    for url in images:
        assert url.startswith(SCREENSHOT_URL), url
        assert (PACKAGING / "screenshots" / url.removeprefix(SCREENSHOT_URL)).is_file(), url


def test_metainfo_screenshot_sizes_match_the_files() -> None:
    from PySide6.QtGui import QImageReader

    for image in metainfo().iter("image"):
        file = PACKAGING / "screenshots" / (image.text or "").rsplit("/", 1)[-1]
        size = QImageReader(str(file)).size()
        assert (image.get("width"), image.get("height")) == (
            str(size.width()),
            str(size.height()),
        ), file.name
