"""tools/regroup.py on a small real git tree: it moves, rewrites, and a second run changes nothing.

The tree uses its own map (`app/things`), so these tests also hold after the real regrouping.
"""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

from tests.conftest import REPO_ROOT


def _load() -> ModuleType:
    spec = importlib.util.spec_from_file_location("regroup", REPO_ROOT / "tools" / "regroup.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["regroup"] = module
    spec.loader.exec_module(module)
    return module


regroup = _load()

GROUPS = {
    "app/things": {
        "first": ("The first group.", ("one", "two")),
        "second": ("The second group.", ("three",)),
    }
}

USER = """\
from app.things import extra, one, three as t  # noqa: F401
from app.things import (
    two,
)
import app.things.two

VALUE = one.VALUE + t.VALUE + two.VALUE + app.things.two.VALUE
"""

USER_AFTER = """\
from app.things import extra  # noqa: F401
from app.things.first import one
from app.things.second import three as t
from app.things.first import two
import app.things.first.two

VALUE = one.VALUE + t.VALUE + two.VALUE + app.things.first.two.VALUE
"""

TEST = """\
CODE = "import sys; from app.things import two, extra"
TARGET = "app.things.one.VALUE"
"""

TEST_AFTER = """\
CODE = "import sys; from app.things.first import two; from app.things import extra"
TARGET = "app.things.first.one.VALUE"
"""

DOC = (
    "`app/things/one.py`, `things/three.py`, `things.two`,\n"
    "tests/things/one.py, app/things/ones.py\n"
)
DOC_AFTER = (
    "`app/things/first/one.py`, `things/second/three.py`, `things.first.two`,\n"
    "tests/things/one.py, app/things/ones.py\n"
)


def _git(root: Path, *args: str) -> str:
    return subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@t", *args],
        cwd=root,
        capture_output=True,
        text=True,
        check=True,
    ).stdout


def _tree(root: Path) -> Path:
    files = {
        "app/__init__.py": "",
        "app/things/__init__.py": "",
        "app/things/one.py": "VALUE = 1\n",
        "app/things/two.py": "VALUE = 2\n",
        "app/things/three.py": "from app.things.one import VALUE as ONE\n\nVALUE = ONE + 2\n",
        "app/things/extra.py": "",
        "app/user.py": USER,
        "tests/test_user.py": TEST,
        "docs/a.md": DOC,
    }
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    _git(root, "init", "-q")
    _git(root, "add", ".")
    _git(root, "commit", "-q", "-m", "start")
    return root


def _snapshot(root: Path) -> dict[str, str]:
    return {
        str(p.relative_to(root)): p.read_text(encoding="utf-8")
        for p in root.rglob("*")
        if p.is_file() and ".git" not in p.parts
    }


def test_moves_rewrites_and_the_result_imports(tmp_path: Path) -> None:
    root = _tree(tmp_path)
    report = regroup.regroup(root, GROUPS)
    assert not report.conflicts
    assert (root / "app/things/first/one.py").read_text() == "VALUE = 1\n"
    assert not (root / "app/things/one.py").exists()
    assert (root / "app/things/first/__init__.py").read_text() == '"""The first group."""\n'
    assert (root / "app/user.py").read_text() == USER_AFTER
    assert (root / "tests/test_user.py").read_text() == TEST_AFTER
    assert (root / "docs/a.md").read_text() == DOC_AFTER
    assert "app.things.first.one" in (root / "app/things/second/three.py").read_text()
    assert "R  app/things/one.py -> app/things/first/one.py" in _git(root, "status", "--short")
    assert any("app/things/extra.py: not in GROUPS" in w for w in report.warnings)
    imported = subprocess.run(
        [sys.executable, "-c", "import app.user; print(app.user.VALUE)"],
        cwd=root,
        capture_output=True,
        text=True,
        check=True,
    )
    assert imported.stdout.strip() == "8"


def test_a_second_run_changes_nothing(tmp_path: Path) -> None:
    root = _tree(tmp_path)
    regroup.regroup(root, GROUPS)
    before = _snapshot(root)
    assert not regroup.regroup(root, GROUPS, check=True).changed
    report = regroup.regroup(root, GROUPS)
    assert not report.changed
    assert _snapshot(root) == before


def test_completes_a_half_done_move_and_rewrites_files_added_since(tmp_path: Path) -> None:
    """The merge case: some moves done, and merged work that still names the old places."""
    root = _tree(tmp_path)
    regroup.regroup(root, GROUPS)
    _git(root, "commit", "-q", "-am", "regrouped")
    (root / "app/things/first/two.py").rename(root / "app/things/two.py")  # a move undone
    (root / "app/late.py").write_text("from app.things.three import VALUE\n")  # untracked
    (root / "docs/b.md").write_text("See app/things/two.py.\n")
    report = regroup.regroup(root, GROUPS)
    assert report.moved == ["app/things/two.py → app/things/first/two.py"]
    assert (root / "app/late.py").read_text() == "from app.things.second.three import VALUE\n"
    assert (root / "docs/b.md").read_text() == "See app/things/first/two.py.\n"


def test_a_module_at_both_places_is_left_for_a_person(tmp_path: Path) -> None:
    root = _tree(tmp_path)
    regroup.regroup(root, GROUPS)
    (root / "app/things/one.py").write_text("VALUE = 10\n")
    report = regroup.regroup(root, GROUPS)
    assert report.conflicts == [
        "app/things/one.py and app/things/first/one.py both exist: merge them by hand"
    ]
    assert (root / "app/things/first/one.py").read_text() == "VALUE = 1\n"


@pytest.mark.parametrize(
    ("groups", "complaint"),
    [
        ({"a/b": {"one": ("", ("one", "two"))}}, "named like a module"),
        ({"a/b": {"p": ("", ("one",)), "q": ("", ("one",))}}, "placed twice"),
        ({"a/b": {"p": ("", tuple(f"m{i}" for i in range(9)))}}, "over 8"),
    ],
)
def test_a_map_that_would_make_the_rewrite_ambiguous_is_refused(
    groups: dict, complaint: str
) -> None:
    with pytest.raises(ValueError, match=complaint):
        regroup.check_groups(groups)


def test_the_project_map_is_accepted() -> None:
    regroup.check_groups(regroup.GROUPS)
