"""Regroup desktop/'s crowded folders into feature sub-packages, repeatably (issue 12).

A folder of two dozen modules side by side hides which belong together; `GROUPS` below says
which sub-package each module of such a folder moves to. The script

1. moves each module (`git mv` when tracked) and writes each new package's `__init__.py`;
2. rewrites every mention of a moved module in the tracked and untracked (not ignored) text
   files: dotted names (`desktop.gym.session` in imports, monkeypatch targets, `python -m`,
   subprocess code, import-linter contracts), `from desktop.gym import session, book` (split
   by destination), paths (`desktop/gym/session.py`, `gym/session.py`) and backticked short
   names in prose (`` `gym.session` ``);
3. warns about what it cannot rewrite: modules in a regrouped folder that `GROUPS` does not
   place, relative imports, module names built at run time, a module found at both places.

It is idempotent: a second run changes nothing, and on a tree where some moves were already
done (or where merged work added files that still use the old names) it completes the rest.
That holds because no new package is named like a module of the folder it is made in (checked
by `check_groups`): an old dotted name or path can never match a new one.

After it: `ruff check --fix .` (import order) and `ruff format .` (long imports); a comment,
docstring or string it made longer than 100 characters is listed for wrapping by hand.

Usage:  python tools/regroup.py [--check] [--root DIR]
        --check  change nothing; list what would change; exit 1 if anything would.
Exit 1 also when a module exists at its old and new place (resolve by hand, run again).
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import textwrap
from dataclasses import dataclass, field
from pathlib import Path

# folder → {new sub-package: (its docstring, the modules it takes)}
Groups = dict[str, dict[str, tuple[str, tuple[str, ...]]]]

GROUPS: Groups = {
    "desktop/domain": {
        "buildup": (
            "The build-up's rules: weeks from race day, days, exercises, the second day's gate.",
            ("model", "plan", "exercises", "gate", "second_day", "light_reminder"),
        ),
        "gym": (
            "A gym session's rules: its sets, what is typed, the words shown, progression.",
            (
                "workout",
                "workout_input",
                "workout_text",
                "workout_summary",
                "load_check",
                "plates",
                "progression",
            ),
        ),
        "rest": (
            "The rest between sets: the timer as a pure state machine, its clock, the spoken cues.",
            ("rest_timer", "clock", "spoken_cues"),
        ),
        "progress": (
            "Is it being done: planned sessions matched to logged ones, adherence, chart numbers.",
            ("adherence", "day_status", "chart_series"),
        ),
        "runs": (
            "Runs from the watch: late-run figures, climb, the run a double day hangs on.",
            ("late_run", "climb", "run_anchor"),
        ),
    },
    "desktop/gym": {
        "opening": (
            "Which session gym mode opens: today's, or one a crash left open; the bar and plates.",
            ("start", "resume", "today", "equipment"),
        ),
        "underway": (
            "The session under way: the state machine, its book of sets, the lift, rest, changes.",
            ("session", "book", "lift", "rest", "changes", "rows", "spoken"),
        ),
        "closing": (
            "Ending a session: the note, the cramp report, the light session's time that day.",
            ("finish", "light_time"),
        ),
    },
    "desktop/ui/progress/charts": {
        "parts": (
            "What every chart is drawn with: plot, axes, painted layers, marks, legend, palette.",
            ("plot", "axes", "layers", "series", "legend", "heading", "hover", "palette"),
        ),
        "panels": (
            "The Progress screen's charts, one module each, their panel, what they share.",
            (
                "panel",
                "base",
                "adherence_chart",
                "cramp_chart",
                "late_run_chart",
                "quality_chart",
                "strength_chart",
                "week_chart",  # added by the Progress speed work: placed when it is merged
            ),
        ),
    },
}

MAX_PER_PACKAGE = 8
LINE_LENGTH = 100
TEXT_SUFFIXES = {".py", ".md", ".toml", ".spec", ".cfg", ".ini", ".yml", ".yaml", ".sh", ".txt"}
TEXT_NAMES = {"Makefile", "run"}
SELF = "tools/regroup.py"
# An imported name, `as` alias included, and a list of them on one line.
_NAME = r"\w+(?:[ \t]+as[ \t]+\w+)?"
_NAMES = rf"{_NAME}(?:[ \t]*,[ \t]*{_NAME})*"


@dataclass(frozen=True)
class Move:
    """One module's old and new place, as paths from the root and as dotted names."""

    folder: str
    package: str
    module: str

    @property
    def old(self) -> str:
        return f"{self.folder}/{self.module}.py"

    @property
    def new(self) -> str:
        return f"{self.folder}/{self.package}/{self.module}.py"


@dataclass
class Report:
    """What a run did (or, with --check, would do), and what it could not do."""

    moved: list[str] = field(default_factory=list)
    created: list[str] = field(default_factory=list)
    rewritten: list[str] = field(default_factory=list)
    long_lines: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    conflicts: list[str] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return bool(self.moved or self.created or self.rewritten)


def check_groups(groups: Groups) -> None:
    """Refuse a map the rewrite could not apply exactly: a clash would make it ambiguous."""
    for folder, packages in groups.items():
        modules = [m for _, names in packages.values() for m in names]
        doubled = sorted({m for m in modules if modules.count(m) > 1})
        if doubled:
            raise ValueError(f"{folder}: placed twice: {', '.join(doubled)}")
        for package, (_, names) in packages.items():
            if package in modules:
                raise ValueError(f"{folder}: package {package!r} is named like a module")
            if len(names) > MAX_PER_PACKAGE:
                raise ValueError(
                    f"{folder}/{package}: {len(names)} modules, over {MAX_PER_PACKAGE}"
                )
            if not package.isidentifier():
                raise ValueError(f"{folder}: {package!r} is not a package name")


def all_moves(groups: Groups) -> list[Move]:
    return [
        Move(folder, package, module)
        for folder, packages in groups.items()
        for package, (_, modules) in packages.items()
        for module in modules
    ]


def _alternation(names: list[str]) -> str:
    return "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))


class Rewriter:
    """Rewrites one file's text from the old module places to the new; pure, so testable."""

    def __init__(self, groups: Groups) -> None:
        self.rules: list[tuple[re.Pattern[str], object]] = []
        self.from_rules: list[tuple[re.Pattern[str], dict[str, str]]] = []
        for folder, packages in groups.items():
            home = {m: p for p, (_, names) in packages.items() for m in names}
            names = _alternation(list(home))
            dotted = re.escape(folder.replace("/", "."))
            top, _, below = folder.partition("/")
            short_path = re.escape(below + "/") if below else ""
            short_dotted = re.escape(below.replace("/", ".") + ".") if below else ""

            def dotted_new(match: re.Match[str], home: dict[str, str] = home) -> str:
                return f"{match['prefix']}{home[match['module']]}.{match['module']}"

            def path_new(match: re.Match[str], home: dict[str, str] = home) -> str:
                return f"{match['prefix']}{home[match['module']]}/{match['module']}.py"

            self.rules.append(
                (
                    re.compile(rf"(?<![\w.])(?P<prefix>{dotted}\.)(?P<module>{names})(?!\w)"),
                    dotted_new,
                )
            )
            self.rules.append(
                (
                    re.compile(
                        rf"(?<![\w./-])(?P<prefix>(?:{re.escape(top)}/)?{short_path})"
                        rf"(?P<module>{names})\.py(?!\w)"
                    ),
                    path_new,
                )
            )
            if short_dotted:
                self.rules.append(
                    (
                        re.compile(
                            rf"(?<=`)(?P<prefix>{short_dotted})(?P<module>{names})(?=[`.(])"
                        ),
                        dotted_new,
                    )
                )
            # A whole line (maybe parenthesised over several), then one inside a line of code in
            # a string (`"import sys; from desktop.gym import session"`), split with "; ".
            self.from_rules.append(
                (
                    re.compile(
                        rf"^(?P<indent>[ \t]*)from[ \t]+(?P<package>{dotted})[ \t]+import[ \t]+"
                        r"(?P<names>\([^)]*\)|[^\n#]*?)(?P<comment>[ \t]*#[^\n]*)?$",
                        re.MULTILINE,
                    ),
                    home,
                )
            )
            self.from_rules.append(
                (
                    re.compile(
                        rf"(?<![\w.])from[ \t]+(?P<package>{dotted})[ \t]+import[ \t]+"
                        rf"(?P<names>{_NAMES})"
                    ),
                    home,
                )
            )

    def rewrite(self, text: str) -> str:
        for pattern, home in self.from_rules:
            text = pattern.sub(lambda m, home=home: _split_from_import(m, home), text)
        for pattern, replace in self.rules:
            text = pattern.sub(replace, text)
        return text


def _split_from_import(match: re.Match[str], home: dict[str, str]) -> str:
    """`from desktop.gym import session, book as b` → one import per destination package."""
    raw = match["names"].strip().removeprefix("(").removesuffix(")")
    raw = "\n".join(line.split("#", 1)[0] for line in raw.splitlines())
    entries = [e.strip() for e in raw.replace("\n", " ").split(",") if e.strip()]
    if not any(e.split()[0] in home for e in entries):
        return match[0]
    by_package: dict[str, list[str]] = {}
    for entry in entries:
        name = entry.split()[0]
        target = f"{match['package']}.{home[name]}" if name in home else match["package"]
        by_package.setdefault(target, []).append(entry)
    groups = match.groupdict()
    indent, comment = groups.get("indent"), groups.get("comment") or ""
    lines = [f"from {package} import {', '.join(names)}" for package, names in by_package.items()]
    if indent is None:  # inside a line: the statements stay on it
        return "; ".join(lines)
    lines = [indent + line for line in lines]
    lines[0] += comment
    return "\n".join(lines)


def _docstring(doc: str) -> str:
    """A new package's `__init__.py`: its docstring, wrapped to the line length."""
    return '"""' + "\n".join(textwrap.wrap(doc, width=LINE_LENGTH - 4)) + '"""\n'


def _git(root: Path, *args: str) -> list[str]:
    result = subprocess.run(["git", *args], cwd=root, capture_output=True, text=True, check=True)
    return [line for line in result.stdout.splitlines() if line]


def text_files(root: Path) -> list[str]:
    """Every tracked or untracked-but-not-ignored text file, as paths from the root."""
    listed = _git(root, "ls-files", "--cached", "--others", "--exclude-standard")
    return sorted(
        {
            p
            for p in listed
            if p != SELF
            and (Path(p).suffix in TEXT_SUFFIXES or Path(p).name in TEXT_NAMES)
            and (root / p).is_file()
        }
    )


def move_modules(root: Path, groups: Groups, report: Report, *, check: bool) -> None:
    tracked = set(_git(root, "ls-files"))
    for folder, packages in groups.items():
        if not (root / folder).is_dir():
            report.warnings.append(f"{folder}: no such folder, nothing moved from it")
            continue
        for package, (doc, _) in packages.items():
            init = root / folder / package / "__init__.py"
            if not init.exists():
                report.created.append(str(init.relative_to(root)))
                if not check:
                    init.parent.mkdir(parents=True, exist_ok=True)
                    init.write_text(_docstring(doc), encoding="utf-8")
        placed = {m for _, names in packages.values() for m in names}
        for left in sorted((root / folder).glob("*.py")):
            if left.stem != "__init__" and left.stem not in placed:
                report.warnings.append(
                    f"{folder}/{left.name}: not in GROUPS; left at the folder's top: place it"
                )
    for move in all_moves(groups):
        old, new = root / move.old, root / move.new
        if old.exists() and new.exists():
            report.conflicts.append(f"{move.old} and {move.new} both exist: merge them by hand")
        elif old.exists():
            report.moved.append(f"{move.old} → {move.new}")
            if check:
                continue
            if move.old in tracked:
                _git(root, "mv", move.old, move.new)
            else:
                old.rename(new)


def rewrite_files(root: Path, groups: Groups, report: Report, *, check: bool) -> None:
    rewriter = Rewriter(groups)
    folders = {f.replace("/", ".") for f in groups}
    parents = {f.rpartition("/") for f in groups}
    warn_patterns = [
        (
            re.compile(rf"{re.escape(d)}\.?[\"']?\s*[+%]|{re.escape(d)}\.\{{"),
            "a module name built at run time",
        )
        for d in folders
    ] + [
        (
            re.compile(
                rf"^\s*from\s+{re.escape(p.replace('/', '.'))}\s+import\s+[^\n]*\b{c}\b", re.M
            ),
            f"a regrouped package imported whole ({c}.<module> attribute use is not rewritten)",
        )
        for p, _, c in parents
    ]
    moved_dirs = [f"{f}/" for f in groups]
    for name in text_files(root):
        path = root / name
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            continue
        new = rewriter.rewrite(text)
        if name.endswith(".py"):
            for pattern, what in warn_patterns:
                if pattern.search(new):
                    report.warnings.append(f"{name}: {what}")
            if any(name.startswith(d) for d in moved_dirs) and re.search(
                r"^\s*from\s+\.", new, re.M
            ):
                report.warnings.append(f"{name}: relative import; make it absolute")
        if new == text:
            continue
        report.rewritten.append(name)
        before = set(text.splitlines())
        for number, line in enumerate(new.splitlines(), 1):
            if len(line) > LINE_LENGTH and line not in before and name.endswith(".py"):
                stripped = line.lstrip()
                if not stripped.startswith(("from ", "import ")):
                    report.long_lines.append(f"{name}:{number}")
        if not check:
            path.write_text(new, encoding="utf-8")


def regroup(root: Path, groups: Groups = GROUPS, *, check: bool = False) -> Report:
    """Move the modules, then rewrite every mention of them; see the module docstring."""
    check_groups(groups)
    report = Report()
    move_modules(root, groups, report, check=check)
    rewrite_files(root, groups, report, check=check)
    return report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="change nothing; exit 1 if it would")
    parser.add_argument("--root", type=Path, default=Path(__file__).resolve().parent.parent)
    args = parser.parse_args(argv)
    report = regroup(args.root, check=args.check)
    verb = "would " if args.check else ""
    out = sys.stdout
    for line in report.moved:
        out.write(f"{verb}move {line}\n")
    for line in report.created:
        out.write(f"{verb}create {line}\n")
    for line in report.rewritten:
        out.write(f"{verb}rewrite {line}\n")
    for line in report.long_lines:
        out.write(f"over {LINE_LENGTH} characters, wrap by hand: {line}\n")
    for line in report.warnings:
        sys.stderr.write(f"warning: {line}\n")
    for line in report.conflicts:
        sys.stderr.write(f"error: {line}\n")
    if not report.changed:
        out.write("nothing to do: every module is in its package, every mention rewritten\n")
    return 1 if report.conflicts or (args.check and report.changed) else 0


if __name__ == "__main__":
    sys.exit(main())
