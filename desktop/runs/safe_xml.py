"""The one gate every GPX and TCX file passes before a reader parses it.

gpxpy and tcxreader parse with the standard library's ElementTree, which expands entities: a
few hundred bytes of nested entities (the "billion laughs") grow to gigabytes in memory. A
watch never writes a DTD or an entity, so defusedxml refuses both before the reader sees a byte.
"""

from __future__ import annotations


class UnsafeXml(ValueError):
    """The file declares a DTD or an entity, or is not XML at all: refused, in one line."""


def check_xml(data: bytes) -> None:
    """Raise UnsafeXml unless `data` is well-formed XML without a DTD or entities."""
    from xml.etree.ElementTree import ParseError

    import defusedxml
    import defusedxml.ElementTree

    try:
        defusedxml.ElementTree.fromstring(data, forbid_dtd=True)
    except defusedxml.DefusedXmlException as error:
        raise UnsafeXml(f"refused: the XML declares a DTD or entities ({error})") from None
    except ParseError as error:
        raise UnsafeXml(f"not well-formed XML ({error})") from None
