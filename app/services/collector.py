"""Pausing Python's cyclic garbage collector around work that makes many short-lived objects.

A demo build or a report makes hundreds of thousands of rows and small objects, each freed by
reference counting as soon as it is done with; the collector's passes over every object of
the process meanwhile find nothing to free and cost seconds (a quarter of a second of a
ten-year board report at 400,000 cases).
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collection_paused() -> Iterator[None]:
    """No cyclic collection inside the block; whoever paused it first starts it again, so
    nested or overlapping pauses (a report on a worker thread) leave it as they found it."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()
