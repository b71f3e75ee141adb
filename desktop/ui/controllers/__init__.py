"""What the app does when the user (or a reminder) asks for something, one concern a
module; :mod:`desktop.app` builds them and connects them to the tray and the windows.

- views: the tray icon and the main window, kept showing the journal as it is now
- clock: the time zone in force and today's date in it
- changes: writes to the journal, each followed by a re-plan and a refresh
- answers: Taken / Snooze / Skip on a reminder, and the limits note after a dose
- pausing: pausing and resuming the reminders
- settings: the Settings window and what it saves
- first_run: the set-up wizard on a first start
- insights: the insights window and the clinician report
"""
