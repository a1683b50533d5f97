"""Runs service calls off the GUI thread, one at a time, with progress and cancel."""
