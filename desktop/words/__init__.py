"""Words for people: reason codes, insight values and entries turned into sentences (no Qt)."""
