"""The practice's group agreement: versioned text, signed by each participant on their own page."""
