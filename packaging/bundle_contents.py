"""Trims PyInstaller's file lists to what Cramproof runs: no unused Qt plugins, no orphan libraries.

PySide6's hooks collect every plugin of a module's plugin types, and with them whatever those
plugins link to: the virtual keyboard drags in Qt Quick and QML, the PDF image format Qt PDF,
the multimedia backends FFmpeg. None of it is used here, so the spec drops those plugins and then
every library that nothing kept still links to.

Entries are PyInstaller's TOC tuples: (destination, source, typecode).
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterable, Sequence

Entry = tuple[str, str, str]

# Qt's files sit in PySide6/Qt/ (Linux, macOS) or straight in PySide6/ (Windows).
_PLUGIN = re.compile(r"(?:^|/)PySide6/(?:Qt/)?plugins/(?P<kind>[^/]+)/(?P<file>[^/]+)$")
_QT_TRANSLATION = re.compile(r"(?:^|/)PySide6/(?:Qt/)?translations/[^/]+\.qm$")

# Plugin kinds never used, whole.
UNUSED_PLUGIN_KINDS = frozenset(
    {
        # Media playback backends (FFmpeg, GStreamer, Windows Media, AVFoundation). QSoundEffect
        # plays WAV cues through the audio layer built into QtMultimedia itself.
        "multimedia",
        "egldeviceintegrations",  # only for the eglfs platform (kiosks, no window system)
        "generic",  # evdev and TUIO input for eglfs and linuxfb
        "tls",  # no network: the only socket is the local single-instance one
        "networkinformation",
    }
)

# Single plugins never used, by a word in their file name: kind → words.
UNUSED_PLUGIN_FILES = {
    "platforminputcontexts": ("virtualkeyboard",),  # on-screen keyboard: all of Qt Quick
    "imageformats": ("pdf", "tiff", "webp", "tga", "wbmp"),
    "platforms": ("eglfs", "linuxfb", "vnc", "vkkhrdisplay", "minimalegl"),
    # GTK 3 theme: needs the system's GTK, which a bundle must not half-carry.
    "platformthemes": ("gtk3",),
}


def is_unused_plugin(destination: str) -> bool:
    """True for a Qt plugin Cramproof never loads, on any platform's bundle layout."""
    match = _PLUGIN.search(destination.replace("\\", "/"))
    if match is None:
        return False
    kind, name = match["kind"], match["file"].lower()
    if kind in UNUSED_PLUGIN_KINDS:
        return True
    return any(word in name for word in UNUSED_PLUGIN_FILES.get(kind, ()))


def without_unused_plugins(binaries: Iterable[Entry]) -> list[Entry]:
    return [entry for entry in binaries if not is_unused_plugin(entry[0])]


def without_orphans(
    binaries: Sequence[Entry], *, imports_of: Callable[[str], Iterable[str]]
) -> list[Entry]:
    """Keep the roots and every library they link to, directly or not; drop the rest.

    Roots are Python extension modules, Qt plugins and the Python library itself: the things
    something loads by name at run time. `imports_of(source)` gives the resolved paths of the
    libraries a file links to (PyInstaller's own dependency reader in the spec).
    """
    by_source = {os.path.realpath(entry[1]): entry for entry in binaries}
    pending = [entry for entry in binaries if _is_root(entry)]
    kept: dict[str, Entry] = {}
    while pending:
        entry = pending.pop()
        if entry[0] in kept:
            continue
        kept[entry[0]] = entry
        for library in imports_of(entry[1]):
            needed = by_source.get(os.path.realpath(library))
            if needed is not None and needed[0] not in kept:
                pending.append(needed)
    return [entry for entry in binaries if entry[0] in kept]


def without_qt_translations(datas: Iterable[Entry]) -> list[Entry]:
    """Drop Qt's own .qm files: the app installs no QTranslator, so nothing would load them."""
    return [entry for entry in datas if not _QT_TRANSLATION.search(entry[0].replace("\\", "/"))]


def without_dangling_symlinks(datas: Iterable[Entry], binaries: Iterable[Entry]) -> list[Entry]:
    """Drop the SYMLINK entries whose target library was dropped."""
    present = {entry[0] for entry in binaries}
    return [entry for entry in datas if entry[2] != "SYMLINK" or entry[1] in present]


def _is_root(entry: Entry) -> bool:
    destination, _source, typecode = entry
    name = os.path.basename(destination.replace("\\", "/")).lower()
    return (
        typecode == "EXTENSION"
        or _PLUGIN.search(destination.replace("\\", "/")) is not None
        or name.startswith(("libpython", "python3"))
    )
