"""What the journal shows: the insights, each substance's relief curve, and a period's
summary numbers (pure)."""
