"""Use cases and rules: permission checks, validation and the audit log, with no Qt."""
