"""What the bundle spec leaves out: unused Qt plugins and translations, and orphaned libraries."""

from __future__ import annotations

from collections.abc import Iterable

import pytest

from tests.test_packaging_install import packaging_module

contents = packaging_module("bundle_contents")

QT = "PySide6/Qt/plugins"


@pytest.mark.parametrize(
    ("destination", "unused"),
    [
        (f"{QT}/multimedia/libffmpegmediaplugin.so", True),
        ("PySide6/plugins/multimedia/windowsmediaplugin.dll", True),
        (f"{QT}/platforminputcontexts/libqtvirtualkeyboardplugin.so", True),
        (f"{QT}/imageformats/libqpdf.so", True),
        (f"{QT}/platforms/libqeglfs.so", True),
        (f"{QT}/platformthemes/libqgtk3.so", True),
        (f"{QT}/tls/libqopensslbackend.so", True),
        ("PySide6\\plugins\\tls\\qschannelbackend.dll", True),
        # kept: every desktop platform, SVG, input methods, the portal theme
        (f"{QT}/platforms/libqxcb.so", False),
        (f"{QT}/platforms/libqwayland.so", False),
        (f"{QT}/platforms/libqoffscreen.so", False),
        ("PySide6/plugins/platforms/qwindows.dll", False),
        (f"{QT}/platforms/libqcocoa.dylib", False),
        (f"{QT}/iconengines/libqsvgicon.so", False),
        (f"{QT}/imageformats/libqsvg.so", False),
        (f"{QT}/platforminputcontexts/libibusplatforminputcontextplugin.so", False),
        (f"{QT}/platformthemes/libqxdgdesktopportal.so", False),
        # not Qt plugins at all
        ("somepackage/plugins/multimedia/thing.so", False),
        ("PySide6/Qt/lib/libQt6Multimedia.so.6", False),
    ],
)
def test_unused_plugins(destination: str, unused: bool) -> None:
    assert contents.is_unused_plugin(destination) is unused


def entry(destination: str, typecode: str = "BINARY") -> tuple[str, str, str]:
    return (destination, f"/src/{destination}", typecode)


def graph(links: dict[str, list[str]]):
    """imports_of for a made-up set of files: destination → destinations it links to."""

    def imports_of(source: str) -> Iterable[str]:
        return [f"/src/{name}" for name in links.get(source.removeprefix("/src/"), [])]

    return imports_of


def test_orphans_of_dropped_plugins_go_and_shared_libraries_stay() -> None:
    binaries = [
        entry("PySide6/QtGui.abi3.so", "EXTENSION"),
        entry("libQt6Gui.so.6"),
        entry("libQt6Core.so.6"),
        entry("libicudata.so.73"),
        entry(f"{QT}/platforms/libqxcb.so"),
        entry("libQt6XcbQpa.so.6"),
        # left behind by the dropped virtual keyboard plugin
        entry("libQt6Quick.so.6"),
        entry("libQt6Qml.so.6"),
        entry("libpython3.11.so.1.0"),
    ]
    links = {
        "PySide6/QtGui.abi3.so": ["libQt6Gui.so.6"],
        "libQt6Gui.so.6": ["libQt6Core.so.6"],
        "libQt6Core.so.6": ["libicudata.so.73"],
        f"{QT}/platforms/libqxcb.so": ["libQt6XcbQpa.so.6"],
        "libQt6XcbQpa.so.6": ["libQt6Gui.so.6"],
        "libQt6Quick.so.6": ["libQt6Qml.so.6", "libQt6Gui.so.6"],
    }
    kept = contents.without_orphans(binaries, imports_of=graph(links))
    assert [name for name, _, _ in kept] == [
        "PySide6/QtGui.abi3.so",
        "libQt6Gui.so.6",
        "libQt6Core.so.6",
        "libicudata.so.73",
        f"{QT}/platforms/libqxcb.so",
        "libQt6XcbQpa.so.6",
        "libpython3.11.so.1.0",
    ]


def test_links_to_system_libraries_outside_the_bundle_are_ignored() -> None:
    binaries = [entry("ext.so", "EXTENSION"), entry("libfoo.so.1")]
    links = {"ext.so": ["libc.so.6", "libfoo.so.1"], "libfoo.so.1": ["ext.so"]}
    kept = contents.without_orphans(binaries, imports_of=graph(links))
    assert kept == binaries


def test_symlinks_to_dropped_libraries_are_dropped() -> None:
    binaries = [entry("PySide6/Qt/lib/libQt6Core.so.6")]
    datas = [
        ("libQt6Core.so.6", "PySide6/Qt/lib/libQt6Core.so.6", "SYMLINK"),
        ("libQt6Quick.so.6", "PySide6/Qt/lib/libQt6Quick.so.6", "SYMLINK"),
        ("resources/sounds/ready.wav", "/src/ready.wav", "DATA"),
    ]
    assert contents.without_dangling_symlinks(datas, binaries) == [datas[0], datas[2]]


def test_qt_translations_are_dropped_and_nothing_else() -> None:
    datas = [
        ("PySide6/Qt/translations/qtbase_de.qm", "/src/a", "DATA"),
        ("PySide6\\translations\\qt_fr.qm", "/src/b", "DATA"),
        ("resources/help/protocol.md", "/src/c", "DATA"),
        ("resources/translations/cramproof_de.qm", "/src/d", "DATA"),
    ]
    assert contents.without_qt_translations(datas) == datas[2:]
