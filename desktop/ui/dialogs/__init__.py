"""Quick-entry dialogs: pain, dose, sleep diary, side effect and note.

Each takes ``save`` (called with the validated journal value), ``now`` and ``zone``; see
:class:`~desktop.ui.dialogs.base.EntryDialog` for the behaviour they share.
"""

from desktop.ui.dialogs.base import EntryDialog
from desktop.ui.dialogs.dose import DoseDialog
from desktop.ui.dialogs.effect import EffectDialog
from desktop.ui.dialogs.note import NoteDialog
from desktop.ui.dialogs.pain import PainDialog
from desktop.ui.dialogs.sleep import SleepDialog

__all__ = ["DoseDialog", "EffectDialog", "EntryDialog", "NoteDialog", "PainDialog", "SleepDialog"]
