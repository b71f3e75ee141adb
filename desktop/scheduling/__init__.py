"""Reminder scheduling: the plan turned into jobs on a small scheduler driven by an
injected timer host, and the watch for sleep and clock changes (no Qt here)."""
