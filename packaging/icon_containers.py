"""Packs the rendered PNG icon sizes into a Windows .ico and a macOS .icns for the bundle.

Both formats may hold PNG data as is (ICO since Windows Vista, ICNS since macOS 10.7), so the
PNGs committed under resources/icons/hicolor/ are the single source for every platform and the
spec builds these containers at build time instead of committing third and fourth copies.
"""

from __future__ import annotations

import struct
from collections.abc import Mapping
from pathlib import Path

ICON_NAME = "org.cramproof.Cramproof"
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)  # 256 is the largest an ICO entry can describe
# ICNS element types holding PNG data, by pixel size; the @2x types reuse the next size up.
ICNS_TYPES = (
    (b"icp4", 16),
    (b"icp5", 32),
    (b"icp6", 64),
    (b"ic07", 128),
    (b"ic08", 256),
    (b"ic09", 512),
    (b"ic11", 32),  # 16@2x
    (b"ic12", 64),  # 32@2x
    (b"ic13", 256),  # 128@2x
    (b"ic14", 512),  # 256@2x
)


def ico_bytes(pngs: Mapping[int, bytes]) -> bytes:
    """An ICO file with one PNG entry per size (a size byte of 0 means 256)."""
    sizes = sorted(size for size in pngs if size <= 256)
    header = struct.pack("<HHH", 0, 1, len(sizes))
    offset = len(header) + 16 * len(sizes)
    directory, images = b"", b""
    for size in sizes:
        data = pngs[size]
        side = size % 256
        directory += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(data), offset)
        images += data
        offset += len(data)
    return header + directory + images


def icns_bytes(pngs: Mapping[int, bytes]) -> bytes:
    """An ICNS file: a big-endian length-prefixed element per (type, PNG) pair."""
    elements = b"".join(
        kind + struct.pack(">I", 8 + len(pngs[size])) + pngs[size]
        for kind, size in ICNS_TYPES
        if size in pngs
    )
    return b"icns" + struct.pack(">I", 8 + len(elements)) + elements


def read_pngs(icons_root: Path) -> dict[int, bytes]:
    """The committed PNG sizes under <icons_root>/hicolor/<n>x<n>/apps/."""
    pngs = {}
    for path in icons_root.glob(f"hicolor/*x*/apps/{ICON_NAME}.png"):
        size = int(path.parent.parent.name.partition("x")[0])
        pngs[size] = path.read_bytes()
    return pngs


def write_platform_icon(icons_root: Path, out_dir: Path, *, platform: str) -> Path | None:
    """Write the icon file PyInstaller wants on `platform` (sys.platform); None on Linux."""
    pngs = read_pngs(icons_root)
    if platform == "win32":
        target, data = out_dir / "cramproof.ico", ico_bytes(pngs)
    elif platform == "darwin":
        target, data = out_dir / "cramproof.icns", icns_bytes(pngs)
    else:
        return None
    out_dir.mkdir(parents=True, exist_ok=True)
    target.write_bytes(data)
    return target
