"""The layering docs/architecture.md describes: below the UI nothing loads any Qt module."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import REPO_ROOT

IMPORT_EVERYTHING_QT_FREE = """
import importlib, pkgutil, sys
import desktop.domain, db
for package in (desktop.domain, db):
    for info in pkgutil.walk_packages(package.__path__, package.__name__ + "."):
        importlib.import_module(info.name)
leaked = sorted(m for m in sys.modules if m.split(".")[0] in {"PySide6", "shiboken6", "pyqtgraph"})
print(",".join(leaked))
"""


def test_domain_and_db_load_without_qt() -> None:
    result = subprocess.run(
        [sys.executable, "-c", IMPORT_EVERYTHING_QT_FREE],
        capture_output=True,
        text=True,
        cwd=REPO_ROOT,
        check=True,
    )
    assert result.stdout.strip() == "", f"Qt modules loaded by domain/db: {result.stdout}"


# The packages below the UI: every module in them must load without a display.
QT_FREE_PACKAGES = (
    "desktop.gym",
    "desktop.plan",
    "desktop.progress",
    "desktop.history",
    "desktop.export",
    "desktop.runs",
    "desktop.runtime",
    "desktop.cli",
)

USE_CASES_QT_FREE = """
import importlib, pkgutil, sys
names = []
for name in sys.argv[1:]:
    package = importlib.import_module(name)
    for info in pkgutil.walk_packages(package.__path__, package.__name__ + "."):
        importlib.import_module(info.name)
        names.append(info.name)
leaked = sorted(m for m in sys.modules if m.split(".")[0] in {"PySide6", "shiboken6", "pyqtgraph"})
print(",".join(leaked))
print(len(names))
"""


def test_use_cases_load_without_qt() -> None:
    """Everything in desktop/ outside ui/ and the composition root is testable without a display."""
    result = subprocess.run(
        [sys.executable, "-c", USE_CASES_QT_FREE, *QT_FREE_PACKAGES],
        capture_output=True,
        text=True,
        cwd=REPO_ROOT,
        check=True,
    )
    leaked, imported = result.stdout.splitlines()
    assert leaked == "", f"Qt modules loaded by use cases: {leaked}"
    assert int(imported) >= 30, "the walk should import every use-case module"


def test_every_package_below_the_ui_is_checked() -> None:
    """A new feature package beside gym/ and plan/ is checked too, not silently left out."""
    import pkgutil

    import desktop

    below_ui = {
        f"desktop.{info.name}"
        for info in pkgutil.iter_modules(desktop.__path__)
        if info.ispkg and info.name not in {"ui", "domain"}
    }
    assert below_ui == set(QT_FREE_PACKAGES)


def test_command_line_subcommands_load_without_qt() -> None:
    """`cramproof check` and friends must work on a machine with no display at all."""
    code = (
        "import sys; from desktop import app; from desktop.cli import main; "
        "print(','.join(m for m in sys.modules if m.startswith(('PySide6','pyqtgraph'))))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO_ROOT, check=True
    )
    assert result.stdout.strip() == ""


def test_no_module_is_over_300_lines() -> None:
    """A module past 300 lines hides what it does: split it by responsibility."""
    long = {}
    for root in ("desktop", "db"):
        for path in (REPO_ROOT / root).rglob("*.py"):
            lines = len(path.read_text(encoding="utf-8").splitlines())
            if lines > 300:
                long[str(path.relative_to(REPO_ROOT))] = lines
    assert long == {}, f"modules over 300 lines: {long}"


def test_no_folder_holds_more_than_twelve_modules() -> None:
    """Two dozen modules side by side hide which belong together: group them by feature in
    sub-packages (docs/architecture.md; tools/regroup.py did it for domain/, gym/ and charts/).
    A package's `__init__.py` is not counted. db/ is one table family per module, kept flat."""
    crowded = {}
    for folder in [REPO_ROOT / "desktop", *(REPO_ROOT / "desktop").rglob("*/")]:
        modules = [p for p in folder.glob("*.py") if p.name != "__init__.py"]
        if len(modules) > 12:
            crowded[str(folder.relative_to(REPO_ROOT))] = len(modules)
    assert crowded == {}, f"folders over 12 modules: {crowded}"


# Library internals, each reached only from its library's compatibility module, where the
# measured reason and the test that says when it can go sit beside it.
LIBRARY_INTERNALS = {
    "pyqtgraph.Qt.internals": "desktop/ui/common/pyqtgraph_compat.py",
    "ViewBoxMenu": "desktop/ui/common/pyqtgraph_compat.py",
    "ScatterPlotItem import Symbols": "desktop/ui/common/pyqtgraph_compat.py",
    ".fill =": "desktop/ui/common/pyqtgraph_compat.py",
    ".centralWidget": "desktop/ui/common/pyqtgraph_compat.py",
    'state["enableMenu"]': "desktop/ui/common/pyqtgraph_compat.py",
    "pyqtgraph.functions": "desktop/ui/common/pyqtgraph_compat.py",
    "qpolygonf": "desktop/ui/common/pyqtgraph_compat.py",
    "shibokensupport": "desktop/ui/common/pyside_compat.py",
    "_mod_uses_pyside": "desktop/ui/common/pyside_compat.py",
    "_hashlib": "desktop/runtime/hashlib_compat.py",
}


def test_library_internals_are_reached_only_from_the_compatibility_modules() -> None:
    strays = [
        f"{path.relative_to(REPO_ROOT)}: {needle}"
        for path in sorted((REPO_ROOT / "desktop").rglob("*.py"))
        for needle, home in LIBRARY_INTERNALS.items()
        if path != REPO_ROOT / home and needle in path.read_text(encoding="utf-8")
    ]
    assert strays == [], f"move these into the library's *_compat module: {strays}"


def test_the_plan_loads_without_the_gym() -> None:
    """The gym uses the plan, never the reverse (pyproject.toml's "The plan never imports the
    gym"): the Plan screen, its calendar and `cramproof plan` load no gym module."""
    code = (
        "import importlib, pkgutil, sys, desktop.plan as p\n"
        "for info in pkgutil.walk_packages(p.__path__, 'desktop.plan.'):\n"
        "    importlib.import_module(info.name)\n"
        "print(','.join(sorted(m for m in sys.modules if m.startswith('desktop.gym'))))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO_ROOT, check=True
    )
    assert result.stdout.strip() == "", f"gym modules loaded by the plan: {result.stdout}"
