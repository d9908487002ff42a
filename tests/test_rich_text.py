"""Our escape for Qt's rich text answers as `html.escape` does, for any text."""

from __future__ import annotations

import html

from hypothesis import given
from hypothesis import strategies as st

from desktop.ui.common.rich_text import escape


@given(st.text())
def test_escape_matches_the_standard_library(text: str) -> None:
    assert escape(text) == html.escape(text)


def test_markup_is_shown_as_written() -> None:
    assert escape('<b>Ana & "Bo"\'s</b>') == "&lt;b&gt;Ana &amp; &quot;Bo&quot;&#x27;s&lt;/b&gt;"
