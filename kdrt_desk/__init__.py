"""KDRT Desk: administration for a community-based empowerment programme for KDRT survivors."""

__version__ = "0.1.0"
