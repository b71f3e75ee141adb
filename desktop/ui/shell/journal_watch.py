"""The journal's files on disk, watched (inotify through Qt's QFileSystemWatcher) so the
running app hears within a moment that a terminal command wrote to it, without polling.

Every write lands in the write-ahead log (``journal.db-wal``) or, at a checkpoint, in
``journal.db``; the folder is watched too, so a log file that is removed and made again
is watched again. Whether a change came from another process is the storage's question
(:class:`desktop.storage.outside_writes.OutsideWrites`): this only says "look now".
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal

# A burst of changes (an import, a CLI command's entry and backup) is one look, taken
# this long after the first change: at most one look this often, however busy the files
# (a reader polling the journal touches them too, and must not put the look off forever).
SETTLE_MS = 300


class JournalFileWatch(QObject):
    touched = Signal()  # a moment after the journal's files changed

    def __init__(self, journal: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._files = [journal, journal.with_name(f"{journal.name}-wal")]
        self._watcher = QFileSystemWatcher(self)
        self._watcher.addPath(str(journal.parent))
        self._watch_files()
        self._watcher.fileChanged.connect(self._changed)
        self._watcher.directoryChanged.connect(self._changed)
        self._settle = QTimer(self)
        self._settle.setSingleShot(True)
        self._settle.setInterval(SETTLE_MS)
        self._settle.timeout.connect(self.touched)

    def stop(self) -> None:
        """No more looks: the journal is about to close."""
        self._settle.stop()
        self._watcher.blockSignals(True)
        self._settle.blockSignals(True)

    def _watch_files(self) -> None:
        watched = set(self._watcher.files())
        missing = [str(f) for f in self._files if f.exists() and str(f) not in watched]
        if missing:
            self._watcher.addPaths(missing)

    def _changed(self, _path: str) -> None:
        self._watch_files()
        if not self._settle.isActive():  # not restarted: a steady stream still gets looks
            self._settle.start()
