"""Plain-language dialogs for a damaged, newer or unreachable database, and for a second launch."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

from desktop.runtime.paths import AppPaths
from desktop.runtime.startup import Choice, StoreProblem

_BUTTON_TEXT = {
    Choice.RESTORE: "Restore backup",
    Choice.START_FRESH: "Start with an empty log",
    Choice.QUIT: "Quit",
}


def problem_text(problem: StoreProblem) -> str:
    """The dialog's body: what happened, that nothing was deleted, and what each choice does."""
    lines = [problem.message]
    if problem.moved_to is not None:
        lines.append(f"\nThe damaged file was moved, not deleted:\n{problem.moved_to}")
    if problem.backup is not None:
        lines.append(
            f"\nThe newest backup is from {problem.backup.taken_at:%A %d %B %Y, %H:%M}. "
            "Restoring it brings back every set logged up to then."
        )
    elif problem.moved_to is not None:
        lines.append("\nThere is no backup to restore. You can start with an empty log.")
    return "\n".join(lines)


def build_problem_box(problem: StoreProblem) -> tuple[QMessageBox, dict[object, Choice]]:
    box = QMessageBox(QMessageBox.Icon.Warning, "Training log problem", "")
    box.setText(problem_text(problem))
    buttons = {}
    for choice in problem.choices:
        role = (
            QMessageBox.ButtonRole.RejectRole
            if choice is Choice.QUIT
            else QMessageBox.ButtonRole.AcceptRole
        )
        buttons[box.addButton(_BUTTON_TEXT[choice], role)] = choice
    box.setDefaultButton(next(iter(buttons)))  # type: ignore[arg-type]
    return box, buttons


def ask_about_store_problem(problem: StoreProblem) -> Choice:
    box, buttons = build_problem_box(problem)
    box.exec()
    return buttons.get(box.clickedButton(), Choice.QUIT)


def show_already_open(paths: AppPaths) -> None:
    QMessageBox.information(
        None,
        "Cramproof is already open",
        f"Cramproof is already open for this training log:\n{paths.data_dir}\n\n"
        "Switch to its window; a log is only ever open once, so no set can be written twice.",
    )
