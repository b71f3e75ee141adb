"""The services read a journal and its reminders: the scheduling tests' rig (a journal in
Berlin with kratom at 09:30 and 15:00, planned at 06:00 on Monday 2 March 2026)."""

from tests.scheduling.conftest import rig  # noqa: F401  (a fixture, used by name)
