"""Helpers shared by the test suites (never shipped with the app)."""
