"""Storage on SQLite through sqlite-utils (writes under :mod:`desktop.storage.transactions`): opening the
journal safely, migrations, the journal's data (:mod:`desktop.storage.journal`), the
reminders' lifecycle (:mod:`desktop.storage.reminders`), backups and export/import.
No Qt here."""
