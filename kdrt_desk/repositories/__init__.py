"""Queries: they take a session and return plain data objects, never live ORM rows."""
