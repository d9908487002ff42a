"""The export formats, apart from the exporter so the command line can offer them cheaply."""

from typing import Literal

Format = Literal["csv", "json", "strong"]
FORMATS: tuple[Format, ...] = ("csv", "json", "strong")
