"""Synthetic demo data: made-up participants for demos and load tests, never real people."""

from __future__ import annotations

from kdrt_desk.synthetic.participants import generate_participants

__all__ = ["generate_participants"]
