"""The runner's bar and plates: checked as typed, kept per athlete, used by gym mode."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from db.athletes import create_athlete
from db.settings import set_setting
from db.store import Store, open_store
from desktop.domain.gym.workout_input import InputError
from desktop.gym.opening.equipment import (
    EquipmentOwner,
    current_equipment,
    parse_equipment,
    save_equipment,
)
from desktop.ui.gym.dialogs.equipment import EquipmentDialog

NOW = datetime(2027, 1, 10, 9, tzinfo=UTC)


@pytest.fixture
def log(data_dir: Path) -> Store:
    data_dir.mkdir(parents=True)
    store = open_store(data_dir / "cramproof.db", backups_dir=data_dir / "backups", now=NOW)
    yield store
    store.close()


@pytest.mark.parametrize(
    ("bar", "plates", "units", "expected"),
    [
        ("20", "25, 20, 10, 5, 2.5, 1.25", "kg", (20.0, (25.0, 20.0, 10.0, 5.0, 2.5, 1.25))),
        ("15", "2.5 10 5 10", "kg", (15.0, (10.0, 5.0, 2.5))),
        ("45", "45;25;10;5;2.5", "lb", (45.0, (45.0, 25.0, 10.0, 5.0, 2.5))),
        ("0", "20", "kg", (0.0, (20.0,))),
    ],
)
def test_accepted(bar: str, plates: str, units: str, expected: tuple) -> None:
    assert parse_equipment(bar, plates, units) == expected  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("bar", "plates", "units", "message"),
    [
        ("twenty", "25", "kg", "The bar must be a number"),
        ("nan", "25", "kg", "The bar must be a number"),
        ("inf", "25", "kg", "The bar must be a number"),
        ("51", "25", "kg", "from 0 to 50 kg"),
        ("20", "", "kg", "at least one plate"),
        ("20", "25 0", "kg", "more than 0"),
        ("20", "60", "kg", "at most 50 kg"),
        ("20", "1 2 3 4 5 6 7 8 9 10 11 12 13", "kg", "at most 12"),
        ("20", "25 x", "kg", "Each plate must be a number"),
    ],
)
def test_refused_with_a_message(bar: str, plates: str, units: str, message: str) -> None:
    with pytest.raises(InputError, match=message):
        parse_equipment(bar, plates, units)  # type: ignore[arg-type]


def test_saved_per_athlete_and_read_back(log: Store) -> None:
    ana = create_athlete(log, "Ana")
    bo = create_athlete(log, "Bo")
    owner = EquipmentOwner(ana.id, "Ana", "kg")
    saved = save_equipment(log, owner, bar_text="15", plates_text="20 10 5 2.5")
    assert (saved.bar, saved.plates) == (15.0, (20.0, 10.0, 5.0, 2.5))
    other = current_equipment(log, EquipmentOwner(bo.id, "Bo", "kg"))
    assert (other.bar, other.plates[0]) == (20.0, 25.0), "Bo keeps the standard set"


def test_unreadable_stored_values_fall_back_to_the_standard_set(log: Store) -> None:
    ana = create_athlete(log, "Ana")
    set_setting(log, "bar", "inf", athlete_id=ana.id)
    gear = current_equipment(log, EquipmentOwner(ana.id, "Ana", "kg"))
    assert gear.bar == 20.0


def test_dialog_refuses_bad_input_visibly_and_saves_good_input(qtbot: QtBot, log: Store) -> None:
    ana = create_athlete(log, "Ana")
    dialog = EquipmentDialog(log, EquipmentOwner(ana.id, "Ana", "kg"))
    qtbot.addWidget(dialog)
    save = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
    dialog.bar.setText("heavy")
    assert not save.isEnabled() and "must be a number" in dialog.message.text()
    dialog.bar.setText("15")
    dialog.plates.setText("20, 10, 5")
    assert save.isEnabled() and dialog.message.text() == ""
    with qtbot.waitSignal(dialog.saved):
        save.click()
    gear = current_equipment(log, EquipmentOwner(ana.id, "Ana", "kg"))
    assert (gear.bar, gear.plates) == (15.0, (20.0, 10.0, 5.0))


def test_the_equipment_module_owns_the_bar_and_plates() -> None:
    """One home: the record, its settings and its reader live in gym/opening/equipment.py, which
    today.py (what gym mode opens) uses, not the other way round."""
    import desktop.gym.opening.equipment as owner
    import desktop.gym.opening.today as today

    assert owner.Equipment.__module__ == "desktop.gym.opening.equipment"
    assert owner.equipment.__module__ == "desktop.gym.opening.equipment"
    assert (owner.BAR_SETTING, owner.PLATES_SETTING) == ("bar", "plates")
    assert not hasattr(today, "BAR_SETTING")
