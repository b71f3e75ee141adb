"""The command line (DESIGN.md section 7)."""
