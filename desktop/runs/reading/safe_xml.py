"""The one gate every GPX and TCX file passes before a reader parses it.

gpxpy and tcxreader parse with the standard library's ElementTree, which expands entities: a
few hundred bytes of nested entities (the "billion laughs") grow to gigabytes in memory. A
watch never writes a DTD or an entity, so defusedxml refuses both before the reader sees a byte.

The readers also build the whole tree, a few hundred bytes an element: a file of millions of
empty track points took over a gigabyte and minutes. The gate streams the file instead, each
element dropped once read, and refuses one with more track points than any run has
(`MOST_POINTS`) or more elements than that many points carry (`MOST_ELEMENTS`), early.
"""

from __future__ import annotations

import io
from xml.etree.ElementTree import Element

# 48 hours at one point a second (a watch's most frequent recording): the longest one-stage
# races (Spartathlon 36 h, a 100-mile mountain race 30-46 h) fit; nothing a person runs is more.
MOST_POINTS = 48 * 3600
# A TCX point is at most 13 elements (time, position, altitude, distance, heart rate, speed,
# cadence and their wrappers), a GPX point 7: the file's other elements are a handful.
MOST_ELEMENTS = MOST_POINTS * 16
POINT_TAGS = frozenset({"Trackpoint", "trkpt", "rtept"})


class UnsafeXml(ValueError):
    """The file declares a DTD or an entity, is not XML at all, or is too big a track:
    refused, in one line."""


def check_xml(data: bytes) -> None:
    """Raise UnsafeXml unless `data` is well-formed XML without a DTD or entities, within
    MOST_POINTS track points and MOST_ELEMENTS elements. Memory stays at a few elements."""
    from xml.etree.ElementTree import ParseError

    import defusedxml
    import defusedxml.ElementTree

    points = elements = 0
    open_elements: list[Element] = []
    stream = io.BytesIO(data)
    try:
        for event, element in defusedxml.ElementTree.iterparse(
            stream, events=("start", "end"), forbid_dtd=True
        ):
            if event == "end":
                open_elements.pop()
                if open_elements:  # read: dropped, so the tree never grows
                    open_elements[-1].remove(element)
                continue
            open_elements.append(element)
            elements += 1
            if element.tag.rsplit("}", 1)[-1] in POINT_TAGS:
                points += 1
                if points > MOST_POINTS:
                    raise UnsafeXml(
                        f"more than {MOST_POINTS:,} track points: longer than any run "
                        "(48 hours at one point a second)"
                    )
            if elements > MOST_ELEMENTS:
                raise UnsafeXml(f"more than {MOST_ELEMENTS:,} XML elements: not a track")
    except defusedxml.DefusedXmlException as error:
        raise UnsafeXml(_refused(error)) from None
    except ParseError as error:
        line, _column = error.position
        raise UnsafeXml(f"not well-formed XML (at line {line})") from None


def _refused(error: Exception) -> str:
    """Why defusedxml refused, in the runner's words (its own text names its classes)."""
    import defusedxml

    if isinstance(error, defusedxml.EntitiesForbidden):
        return "contains an XML entity declaration, refused for safety"
    if isinstance(error, defusedxml.DTDForbidden):  # where entities are declared
        return "contains an XML entity or type declaration, refused for safety"
    if isinstance(error, defusedxml.ExternalReferenceForbidden):
        return "refers to another file or address, refused for safety"
    return "contains XML that is not a track, refused for safety"
