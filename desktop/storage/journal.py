"""The journal: substances, entries, undoable deletes and edits, settings and bulk import,
stored through sqlite-utils.

One-table writes and simple reads go through the sqlite-utils table API (``insert_all``
for entries, ``insert``, ``update``, ``upsert``, ``rows_where``, ``delete_where``); the
joins are SQL read through ``Database.query``. Every row is read by column name, never
by position. Each public write is one
:func:`~desktop.storage.transactions.write_transaction`: it happens whole or not at
all. Deletes are soft (``deleted_utc``) and, like edits, recorded in ``undo_log`` so
they can be undone. JSON columns hold text made by these modules with :func:`json.dumps` (never
sqlite-utils' own encoding), so the stored bytes stay those of earlier versions.

:class:`Journal` is the one object the rest of Ebb holds; its parts live beside it:

- :mod:`~desktop.storage.journal_substances`: the substances;
- :mod:`~desktop.storage.journal_writes`: new entries, one or an import's worth;
- :mod:`~desktop.storage.journal_reads`: entries and the lean reads for insights, the
  planner and the dialogs;
- :mod:`~desktop.storage.journal_edits`: delete, edit and undo;
- :mod:`~desktop.storage.journal_settings`: the user's settings;
- :mod:`~desktop.storage.journal_rows`: how a record maps to the tables.
"""

from __future__ import annotations

from desktop.storage.journal_edits import JournalEdits
from desktop.storage.journal_settings import JournalSettings


class Journal(JournalEdits, JournalSettings):
    """All reads and writes of journal data. Collaborators: a sqlite-utils Database
    opened by :func:`desktop.storage.database.open_journal`, and a UTC clock."""
