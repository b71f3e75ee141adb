"""Storage on SQLite through sqlite-utils (writes under :mod:`desktop.storage.transactions`): opening the
journal safely, migrations, the repository (all SQL lives in
:mod:`desktop.storage.repository`), backups and export/import. No Qt here."""
