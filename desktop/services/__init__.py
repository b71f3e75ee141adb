"""Use cases the app and the command line share: plain data in, plain data out (no Qt)."""
