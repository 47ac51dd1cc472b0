"""The Qt binding keeps Python's reference counts: PySide6 6.12.0's Signal.emit() returned True
without a reference, so a long session (or test run) crashed once True's count reached zero."""

from __future__ import annotations

import gc
import sys

from PySide6.QtCore import QObject, Signal


class _Sender(QObject):
    ping = Signal(str)


def test_emitting_a_signal_keeps_the_count_of_true() -> None:
    sender = _Sender()
    gc.collect()
    before = sys.getrefcount(True)
    for _ in range(200):
        sender.ping.emit("x")
    gc.collect()
    assert sys.getrefcount(True) >= before
