"""When the PySide6 workaround (desktop/ui/common/pyside_compat.py) can go, or must change."""

from __future__ import annotations

import subprocess
import sys

import PySide6

from desktop.ui.common import pyside_compat
from tests.conftest import REPO_ROOT

CHANGED = f"PySide6 {PySide6.__version__} changed: re-measure and remove this workaround"

SCAN = """
import sys
import PySide6.QtCore
from desktop.ui.common.pyside_compat import FEATURE_MODULE, scan_imports_cheaply
feature = sys.modules[FEATURE_MODULE]
upstream = feature._mod_uses_pyside
print(sorted({"inspect", "getsource"} & set(upstream.__code__.co_names)))
scan_imports_cheaply()
import desktop.ui.common.theme as mentions, desktop.domain.rest.clock as plain
print(feature._mod_uses_pyside is not upstream,
      feature._mod_uses_pyside(mentions), feature._mod_uses_pyside(plain))
"""


def test_pyside_is_the_series_the_workaround_was_measured_on() -> None:
    assert PySide6.__version__.startswith(pyside_compat.PINNED_SERIES), CHANGED


def test_the_import_hook_still_reads_sources_and_the_cheap_scan_answers_the_same() -> None:
    result = subprocess.run(
        [sys.executable, "-c", SCAN], capture_output=True, text=True, cwd=REPO_ROOT, check=True
    )
    upstream_reads_sources, replaced = result.stdout.splitlines()
    # PYSIDE-2029: once the hook stops reading every module's source, the workaround can go.
    assert upstream_reads_sources == "['getsource', 'inspect']", CHANGED
    assert replaced == "True True False"
