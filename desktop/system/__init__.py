"""The operating system: folders, the time zone, autostart and the log file (no Qt)."""
