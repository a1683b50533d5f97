"""Keep Python's full garbage-collection passes short in a long-running session.

After login the process holds tens of thousands of long-lived objects (Qt wrappers, SQLAlchemy's
compiled statements, the catalogue). Each full collection walks all of them: measured as a
50–60 ms stall on one save in ~150 roll-call marks. Freezing what exists once the main window is
up moves those objects out of the collector's way; later garbage is collected as usual.
"""

from __future__ import annotations

import gc


def settle_heap() -> None:
    """Collect once, then freeze the survivors (the start-up state) out of future passes."""
    gc.collect()
    gc.freeze()
