"""The thin PySide6 shell: application, tray, windows and dialogs. Imported only by
:mod:`desktop.app`."""
