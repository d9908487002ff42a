"""The plan screen: the table of days, its actions and the dialogs it opens."""
