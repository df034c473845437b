"""Peak memory of this process and its worker processes, sampled.

Forked workers share the parent's pages (lexicon automaton, VADER lexicon,
syllable table), so adding up resident sizes would count them once per
process; the proportional set size (PSS) splits every shared page among its
sharers, and the sum over the process tree is the real footprint.
"""

from __future__ import annotations

import os
import threading
import time

import psutil


def tree_pss() -> int:
    """Bytes: PSS of this process plus all its descendants (RSS where PSS is unavailable)."""
    me = psutil.Process()
    total = 0
    for proc in [me, *me.children(recursive=True)]:
        try:
            info = proc.memory_full_info()
            total += getattr(info, "pss", info.rss)
        except (psutil.NoSuchProcess, psutil.AccessDenied):
            continue
    return total


class PeakMemory:
    """Context manager sampling :func:`tree_pss` every ``interval`` seconds;
    ``peak`` holds the largest sample (bytes)."""

    def __init__(self, interval: float = 0.25):
        self.interval = interval
        self.peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.is_set():
            self.peak = max(self.peak, tree_pss())
            self._stop.wait(self.interval)

    def __enter__(self) -> PeakMemory:
        self.peak = tree_pss()
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()
        self.peak = max(self.peak, tree_pss())


def cpu_seconds() -> float:
    """CPU time of this process and its finished (waited-for) children."""
    t = os.times()
    return t.user + t.system + t.children_user + t.children_system


def timed(func, *args, **kwargs):
    """(result, wall seconds, CPU seconds, peak bytes) of one call. CPU time
    includes worker processes once they have been joined; unlike wall time it
    is not inflated by other programs competing for the cores."""
    with PeakMemory() as mem:
        start, cpu = time.perf_counter(), cpu_seconds()
        result = func(*args, **kwargs)
        seconds, cpu = time.perf_counter() - start, cpu_seconds() - cpu
    return result, seconds, cpu, mem.peak
