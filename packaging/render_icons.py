"""Renders the app icon's PNG sizes from its SVG source with Qt's own SVG renderer.

Run after editing the SVG, then commit the PNGs:  .venv/bin/python packaging/render_icons.py
Menus, docks and window managers that cannot draw SVG pick the nearest PNG size from
resources/icons/hicolor/, laid out as the freedesktop icon theme spec wants it.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

from desktop.runtime.resources import resource_path

log = logging.getLogger("render_icons")

ICON_NAME = "org.cramproof.Cramproof"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def svg_source() -> Path:
    return resource_path("icons", "hicolor", "scalable", "apps", f"{ICON_NAME}.svg")


def png_path(icons_root: Path, size: int) -> Path:
    """Where the theme spec looks for one size: <root>/hicolor/<n>x<n>/apps/<name>.png."""
    return icons_root / "hicolor" / f"{size}x{size}" / "apps" / f"{ICON_NAME}.png"


def render(svg: Path, size: int) -> QImage:
    """One square, transparent, antialiased image of the SVG at `size` pixels.

    Needs a QGuiApplication (render_all makes an offscreen one when there is none).
    """
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise ValueError(f"not a valid SVG: {svg}")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter)
    painter.end()
    return image.convertToFormat(QImage.Format.Format_ARGB32)


def render_all(*, svg: Path, icons_root: Path, sizes: Sequence[int] = SIZES) -> list[Path]:
    """Write every PNG size under `icons_root`; return the files written."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # no display needed
    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    written = []
    for size in sizes:
        target = png_path(icons_root, size)
        target.parent.mkdir(parents=True, exist_ok=True)
        if not render(svg, size).save(str(target), "PNG"):
            raise OSError(f"could not write {target}")
        written.append(target)
    return written


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--svg", type=Path, default=svg_source(), help="the source SVG")
    parser.add_argument(
        "--out", type=Path, default=resource_path("icons"), help="icons root (holds hicolor/)"
    )
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    for path in render_all(svg=args.svg, icons_root=args.out):
        log.info("wrote %s", path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
