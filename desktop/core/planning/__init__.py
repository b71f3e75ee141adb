"""Planning a day: the pain pattern and its model, dose timing, and the day's reminders (pure)."""
