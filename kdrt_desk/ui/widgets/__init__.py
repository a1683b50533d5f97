"""The UI kit: widgets, form pieces and the look that every screen shares."""
