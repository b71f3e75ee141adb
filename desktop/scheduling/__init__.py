"""Reminder scheduling around APScheduler with an injected timer host (no Qt here).

The reminder engine arrives with the reminder-engine issue; this package is the place
for it, between storage (below) and the Qt shell (above).
"""
