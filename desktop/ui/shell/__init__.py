"""The desktop shell: tray, notifications, the reminder window, one instance, signals, the Qt timer."""
