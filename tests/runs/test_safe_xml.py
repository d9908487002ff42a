"""GPX and TCX files pass defusedxml's guard first: an entity bomb is refused, never expanded."""

from __future__ import annotations

import pytest

from desktop.runs.safe_xml import UnsafeXml, check_xml

BOMB = b"""<?xml version="1.0"?>
<!DOCTYPE gpx [
<!ENTITY a "aaaaaaaaaa">
<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
<!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">
]>
<gpx version="1.1" creator="x"><trk><name>&d;</name></trk></gpx>
"""

EXTERNAL = b"""<?xml version="1.0"?>
<!DOCTYPE gpx [<!ENTITY home SYSTEM "file:///etc/passwd">]>
<gpx version="1.1" creator="x"><trk><name>&home;</name></trk></gpx>
"""

PLAIN_GPX = b"""<?xml version="1.0" encoding="UTF-8"?>
<gpx version="1.1" creator="watch" xmlns="http://www.topografix.com/GPX/1/1">
<trk><name>Long run</name><trkseg></trkseg></trk></gpx>
"""


def test_an_entity_bomb_is_refused() -> None:
    with pytest.raises(UnsafeXml, match="DTD or entities"):
        check_xml(BOMB)


def test_an_external_entity_is_refused() -> None:
    with pytest.raises(UnsafeXml, match="DTD or entities"):
        check_xml(EXTERNAL)


def test_not_xml_is_one_clear_reason() -> None:
    with pytest.raises(UnsafeXml, match="not well-formed XML"):
        check_xml(b"\x00\x01 this is not a track")


def test_a_watch_file_passes() -> None:
    check_xml(PLAIN_GPX)


def test_the_readers_alone_would_expand_the_bomb() -> None:
    """Why the guard exists: gpxpy parses with ElementTree and expands the entities itself."""
    import gpxpy

    expanded = gpxpy.parse(BOMB.decode())
    assert len(expanded.tracks[0].name or "") == 10_000
