"""The main window around the screens: menus, athletes, welcome, backups, single instance."""
