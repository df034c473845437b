"""Run a function over chunks of a list on forked worker processes.

Loading (boilerplate removal) and the per-article pipeline share this: the
caller puts its inputs in a module-level variable before the call, the
workers are forked so they read those inputs copy-on-write, and each task is
only the bounds of a chunk. Results come back in input order.
"""

from __future__ import annotations

import multiprocessing as mp
import os
from collections.abc import Callable, Iterator
from typing import TypeVar

T = TypeVar("T")

#: Items per task sent to a worker.
CHUNK_SIZE = 64


def default_jobs() -> int:
    """Worker processes when the caller does not say: every core, at most 8."""
    return max(1, min(os.cpu_count() or 1, 8))


def chunk_bounds(n: int, size: int) -> list[tuple[int, int]]:
    """``(start, stop)`` of each run of ``size`` items of ``n`` (the last shorter)."""
    return [(start, min(start + size, n)) for start in range(0, n, size)]


def can_fork(n_jobs: int) -> bool:
    """Whether ``n_jobs`` workers can be forked here: more than one asked for,
    the platform forks, and this process is not itself a pool's worker (a
    daemon process may not start workers of its own)."""
    return (n_jobs > 1 and "fork" in mp.get_all_start_methods()
            and not mp.current_process().daemon)


def map_chunks(func: Callable[[tuple[int, int]], T], n: int, *, n_jobs: int,
               chunk_size: int | None = None) -> Iterator[T]:
    """``func(bounds)`` for each chunk of ``range(n)`` (``chunk_size`` items,
    default :data:`CHUNK_SIZE`), in order: on ``n_jobs`` forked workers, or in
    this process when there is only one chunk or forking is impossible."""
    bounds = chunk_bounds(n, CHUNK_SIZE if chunk_size is None else chunk_size)
    if len(bounds) < 2 or not can_fork(n_jobs):
        yield from map(func, bounds)
        return
    with mp.get_context("fork").Pool(min(n_jobs, len(bounds))) as pool:
        yield from pool.imap(func, bounds)
