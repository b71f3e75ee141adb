"""Ebb's windows: main (Today and Journal), insights, first run, the restore offer."""
