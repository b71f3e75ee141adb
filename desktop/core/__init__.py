"""Pure domain code: the journal model, validation, sleep metrics and safety checks.

Nothing here imports Qt or SQLite, and nothing reads the real clock:
every function that needs the time takes ``now`` as an argument.
"""
