"""Plain domain vocabulary shared by every layer: enums, places and data objects (no I/O)."""
