"""Storage on SQLite (plain sqlite3, see :mod:`desktop.storage.sqlite`): opening the
journal safely, migrations, the repository (all SQL lives in
:mod:`desktop.storage.repository`), backups and export/import. No Qt here."""
