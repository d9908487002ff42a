"""Decoding a FIT file with Garmin's decoder, without the work whose result we never read.

With its default options the SDK turns every enum of every record into a string, builds every
sub-field and checks the CRC one byte at a time through a Python object: about half its time on
a 1 Hz run. The reader looks at two enums (the file's type, the session's sport), no sub-field,
and needs the CRC only as a yes or no, so `decode` asks for plain numbers, names the two enums
itself, and checks the CRC with a byte table over the file in one pass. Everything the reader
does read comes out the same as with the defaults (tests/runs/test_fit_decode.py compares them):
what the quick options cannot give the same way (a chained file, or heart rate stored apart from
the records, which the SDK merges into them) is decoded with the defaults instead.
"""

from __future__ import annotations

from typing import Any

_HEADER_MIN = 12
_CRC_SIZE = 2


def _crc_table() -> tuple[int, ...]:
    """FIT's CRC-16 (reflected 0x8005, the SDK's nibble table) a byte at a time."""
    table = []
    for byte in range(256):
        crc = byte
        for _ in range(8):
            crc = (crc >> 1) ^ 0xA001 if crc & 1 else crc >> 1
        table.append(crc)
    return tuple(table)


_CRC_TABLE = _crc_table()


def fit_crc(data: bytes | bytearray | memoryview) -> int:
    """The CRC the FIT protocol puts after a file's header and data."""
    crc = 0
    table = _CRC_TABLE
    for byte in data:
        crc = (crc >> 8) ^ table[(crc ^ byte) & 0xFF]
    return crc


def decode(data: bytes, *, thorough: bool = False) -> tuple[dict[str, list[dict]], list[Exception]]:
    """The messages and the decoder's errors, as `Decoder.read()` with its defaults gives them
    for every field the reader uses (`thorough`: the defaults themselves)."""
    from garmin_fit_sdk import Decoder, Stream

    if thorough or _chained(data):
        return Decoder(Stream.from_byte_array(bytearray(data))).read()
    messages, errors = Decoder(Stream.from_byte_array(bytearray(data))).read(
        convert_types_to_strings=False,
        enable_crc_check=False,
        expand_sub_fields=False,
        merge_heart_rates=False,
    )
    if "hr_mesgs" in messages:
        return Decoder(Stream.from_byte_array(bytearray(data))).read()
    if not errors:
        end = data[0] + int.from_bytes(data[4:8], "little")
        if fit_crc(memoryview(data)[:end]) != int.from_bytes(data[end : end + 2], "little"):
            errors = [RuntimeError(f"FIT Runtime Error at byte: {end + 2} CRC Error")]
    return messages, errors


def named(kind: str, value: Any) -> Any:
    """An enum's name from the SDK's profile (what the default options would have given)."""
    from garmin_fit_sdk import Profile

    if isinstance(value, int):
        return Profile["types"].get(kind, {}).get(value, value)
    return value


def _chained(data: bytes) -> bool:
    """More than one FIT file back to back (or bytes after the first): the SDK's own way."""
    if len(data) < _HEADER_MIN:
        return False
    end = data[0] + int.from_bytes(data[4:8], "little") + _CRC_SIZE
    return len(data) > end
