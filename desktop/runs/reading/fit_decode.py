"""Decoding a FIT file with Garmin's decoder, without the work whose result we never read.

With its default options the SDK scales every field of every record, turns every enum into a
string, builds every sub-field and checks the CRC one byte at a time through a Python object:
about 60 % of its time on a 1 Hz run. The reader reads a few fields of three messages (READ), so
`decode` asks for the raw numbers, scales those few fields as the SDK would, names the two enums
itself (`named`) and checks the CRC with a byte table in one pass. The messages it returns hold
only the fields in READ: a reader that needs another field adds it there (or gets None). Each
comes out equal to the value the defaults give (tests/runs/test_fit_decode.py compares whole
readings); what the quick options cannot give the same way (a chained file, heart rate stored
apart from the records, speed and distance packed in one field) is decoded with the defaults.
"""

from __future__ import annotations

from typing import Any

_HEADER_MIN = 12
_CRC_SIZE = 2

# The fields desktop/runs/reading/fit_file.py reads, per message.
READ = {
    "file_id_mesgs": ("type",),
    "session_mesgs": (
        "sport",
        "start_time",
        "total_distance",
        "total_elapsed_time",
        "total_timer_time",
    ),
    "record_mesgs": (
        "timestamp",
        "distance",
        "enhanced_speed",
        "speed",
        "cadence",
        "fractional_cadence",
        "heart_rate",
        "enhanced_altitude",
        "altitude",
    ),
    "activity_mesgs": ("timestamp", "local_timestamp"),
}
_QUICK_OPTIONS = {
    "apply_scale_and_offset": False,
    "convert_types_to_strings": False,
    "enable_crc_check": False,
    "expand_components": False,
    "expand_sub_fields": False,
    "merge_heart_rates": False,
}


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
    for every field in READ (`thorough`: the defaults themselves, every field)."""
    from garmin_fit_sdk import Decoder, Stream

    if thorough or _chained(data):
        return Decoder(Stream.from_byte_array(bytearray(data))).read()
    messages, errors = Decoder(Stream.from_byte_array(bytearray(data))).read(**_QUICK_OPTIONS)
    if "hr_mesgs" in messages or _packed(messages):
        return Decoder(Stream.from_byte_array(bytearray(data))).read()
    if not errors:
        end = data[0] + int.from_bytes(data[4:8], "little")
        if fit_crc(memoryview(data)[:end]) != int.from_bytes(data[end : end + 2], "little"):
            errors = [RuntimeError(f"FIT Runtime Error at byte: {end + 2} CRC Error")]
    return _as_read(messages), errors


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


def _packed(messages: dict[str, list[dict]]) -> bool:
    """Records whose speed and distance come packed in one field (old watches)."""
    return any("compressed_speed_distance" in record for record in messages.get("record_mesgs", ()))


def _as_read(messages: dict[str, list[dict]]) -> dict[str, list[dict]]:
    """The READ fields of the messages, scaled and expanded as the default options would."""
    kept: dict[str, list[dict]] = {}
    for key, names in READ.items():
        if key not in messages:
            continue
        scales = _scales(key)
        rows = []
        for raw in messages[key]:
            row = {name: raw[name] for name in names if name in raw}
            for name, (scale, offset) in scales.items():
                if name in row:
                    row[name] = _scaled(row[name], scale, offset)
            if "speed" in raw:  # the SDK expands speed into enhanced_speed, over a recorded one
                row["enhanced_speed"] = _whole_if_whole(raw["speed"] / 1000)
            if "altitude" in raw:  # and altitude into enhanced_altitude, the same way
                row["enhanced_altitude"] = _whole_if_whole(raw["altitude"] / 5 - 500)
            rows.append(row)
        kept[key] = rows
    return kept


_SCALES: dict[str, dict[str, tuple[float, float]]] = {}


def _scales(key: str) -> dict[str, tuple[float, float]]:
    """The READ fields of a message that the SDK scales, with their scale and offset."""
    if key not in _SCALES:
        from garmin_fit_sdk import Profile
        from garmin_fit_sdk.fit import NUMERIC_FIELD_TYPES

        (fields,) = (m["fields"] for m in Profile["messages"].values() if m["messages_key"] == key)
        _SCALES[key] = {
            field["name"]: (
                field["scale"][0] if field["scale"] else 1,
                field["offset"][0] if field["offset"] else 0,
            )
            for field in fields.values()
            if field["name"] in READ[key]
            and field["type"] in NUMERIC_FIELD_TYPES
            and len(field["scale"]) <= 1
        }
    return _SCALES[key]


def _scaled(raw: Any, scale: float, offset: float) -> Any:
    """The SDK's own arithmetic: divide only when the scale is not 1, then subtract."""
    if isinstance(raw, list):
        return [None if value is None else _scaled(value, scale, offset) for value in raw]
    return (raw / scale if scale != 1 else raw) - offset


def _whole_if_whole(value: float) -> float | int:
    """An expanded component is an int when it is whole (the SDK's rule)."""
    return int(value) if value.is_integer() else value
