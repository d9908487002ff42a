"""The app icon: committed PNGs rendered from the SVG, two colours, and the Windows/macOS files."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QImage, QImageReader

from desktop.app import APP_ID
from desktop.runtime.resources import resource_path
from tests.conftest import REPO_ROOT
from tests.test_packaging_install import packaging_module

SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
SVG = resource_path("icons", "hicolor", "scalable", "apps", f"{APP_ID}.svg")


def committed_png(size: int) -> Path:
    return resource_path("icons", "hicolor", f"{size}x{size}", "apps", f"{APP_ID}.png")


@pytest.mark.parametrize("size", SIZES)
def test_every_size_is_committed_square_and_transparent_in_the_corners(size: int) -> None:
    image = QImage(str(committed_png(size)))
    assert not image.isNull()
    assert (image.width(), image.height()) == (size, size)
    assert image.hasAlphaChannel()
    assert image.pixelColor(0, 0).alpha() == 0, "rounded corners let the panel show through"
    centre = image.pixelColor(size // 2, size // 2)
    assert centre.alpha() == 255


def test_committed_pngs_are_what_the_svg_renders_today(tmp_path: Path) -> None:
    """A changed SVG without re-rendered PNGs would show two different icons."""
    result = subprocess.run(
        [sys.executable, str(REPO_ROOT / "packaging" / "render_icons.py"), "--out", str(tmp_path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    for size in SIZES:
        fresh = QImage(str(tmp_path / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"))
        committed = QImage(str(committed_png(size)))
        assert largest_channel_difference(fresh, committed) <= 2, f"{size}px differs from the SVG"


def largest_channel_difference(first: QImage, second: QImage) -> int:
    assert first.size() == second.size()
    worst = 0
    for y in range(first.height()):
        for x in range(first.width()):
            a, b = first.pixelColor(x, y), second.pixelColor(x, y)
            worst = max(
                worst,
                abs(a.red() - b.red()),
                abs(a.green() - b.green()),
                abs(a.blue() - b.blue()),
                abs(a.alpha() - b.alpha()),
            )
    return worst


def test_svg_uses_two_colours_at_most() -> None:
    colours = {
        c.lower() for c in re.findall(r'(?:fill|stroke)="(#[0-9a-fA-F]{3,6})"', SVG.read_text())
    }
    assert 1 <= len(colours) <= 2, colours


def test_small_icon_keeps_the_mark_readable() -> None:
    """At 16 px the white mark must still fill a good part of the tile, not dissolve into it."""
    image = QImage(str(committed_png(16)))
    light = sum(
        1
        for y in range(16)
        for x in range(16)
        if QColor(image.pixelColor(x, y)).lightness() > 200 and image.pixelColor(x, y).alpha() > 200
    )
    assert 40 <= light <= 160, f"{light} of 256 pixels belong to the mark"


@pytest.mark.parametrize(
    ("platform", "kind", "count"), [("win32", b"ico", 7), ("darwin", b"icns", 10)]
)
def test_windows_and_macos_icon_files_hold_every_size(
    qapp: object, tmp_path: Path, platform: str, kind: bytes, count: int
) -> None:
    containers = packaging_module("icon_containers")
    written = containers.write_platform_icon(resource_path("icons"), tmp_path, platform=platform)
    reader = QImageReader(str(written))
    assert bytes(reader.format().data()) == kind
    assert reader.imageCount() == count
    sizes = set()
    for index in range(count):
        assert reader.jumpToImage(index)
        image = reader.read()
        assert not image.isNull(), reader.errorString()
        sizes.add(image.width())
    assert {16, 32, 256} <= sizes


def test_linux_needs_no_icon_file_for_the_bundle(tmp_path: Path) -> None:
    containers = packaging_module("icon_containers")
    assert (
        containers.write_platform_icon(resource_path("icons"), tmp_path, platform="linux") is None
    )
    assert list(tmp_path.iterdir()) == []
