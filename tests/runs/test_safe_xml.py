"""GPX and TCX files pass defusedxml's guard first: an entity bomb is refused, never expanded."""

from __future__ import annotations

import pytest

from desktop.runs.reading.safe_xml import UnsafeXml, check_xml

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


ENTITY_ONLY = b"""<?xml version="1.0"?>
<gpx version="1.1" creator="x"><trk><name>&lolz;</name></trk></gpx>
"""


def _why(data: bytes) -> str:
    with pytest.raises(UnsafeXml) as refused:
        check_xml(data)
    return str(refused.value)


def test_an_entity_bomb_is_refused_in_the_runner_s_words() -> None:
    assert _why(BOMB) == "contains an XML entity or type declaration, refused for safety"
    assert _why(EXTERNAL) == "contains an XML entity or type declaration, refused for safety"


def test_no_python_names_reach_the_runner() -> None:
    for data in (BOMB, EXTERNAL, ENTITY_ONLY, b"\x00\x01 this is not a track"):
        why = _why(data)
        assert "Forbidden" not in why and "(name=" not in why and "Error" not in why, why


def test_not_xml_is_one_clear_reason() -> None:
    assert _why(b"\x00\x01 this is not a track") == "not well-formed XML (at line 1)"
    assert _why(ENTITY_ONLY) == "not well-formed XML (at line 2)"  # an undefined entity


def test_a_watch_file_passes() -> None:
    check_xml(PLAIN_GPX)


def test_the_readers_alone_would_expand_the_bomb() -> None:
    """Why the guard exists: gpxpy parses with ElementTree and expands the entities itself."""
    import gpxpy

    expanded = gpxpy.parse(BOMB.decode())
    assert len(expanded.tracks[0].name or "") == 10_000
