"""The clinician report (PDF) and its charts (matplotlib, loaded on use)."""
