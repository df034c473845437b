"""framing.parallel: chunk bounds, and chunked maps in input order, in workers or here."""

import multiprocessing as mp
import os

from hypothesis import given
from hypothesis import strategies as st

from framing.parallel import chunk_bounds, map_chunks


@given(st.integers(0, 500), st.integers(1, 70))
def test_chunk_bounds_cover_the_range_once_in_order(n, size):
    bounds = chunk_bounds(n, size)
    assert [i for start, stop in bounds for i in range(start, stop)] == list(range(n))
    assert all(0 < stop - start <= size for start, stop in bounds)
    assert all(stop - start == size for start, stop in bounds[:-1])


def _bounds_and_process(bounds):
    return bounds, os.getpid()


def _run(n, n_jobs, chunk_size=3):
    results = list(map_chunks(_bounds_and_process, n, n_jobs=n_jobs, chunk_size=chunk_size))
    return [bounds for bounds, _ in results], {pid for _, pid in results}


def test_map_chunks_runs_in_workers_in_input_order():
    bounds, pids = _run(10, n_jobs=2)
    assert bounds == [(0, 3), (3, 6), (6, 9), (9, 10)]
    assert os.getpid() not in pids


def test_map_chunks_stays_here_for_one_job_or_one_chunk():
    assert _run(10, n_jobs=1) == ([(0, 3), (3, 6), (6, 9), (9, 10)], {os.getpid()})
    assert _run(3, n_jobs=2) == ([(0, 3)], {os.getpid()})
    assert _run(0, n_jobs=2) == ([], set())


def _inside_a_daemon_worker(_):
    # a daemon process may not fork workers: map_chunks must stay in it
    bounds, pids = _run(10, n_jobs=2)
    return bounds, pids == {os.getpid()}


def test_map_chunks_stays_in_a_pool_worker():
    with mp.get_context("fork").Pool(1) as pool:
        bounds, stayed = pool.apply(_inside_a_daemon_worker, (None,))
    assert bounds == [(0, 3), (3, 6), (6, 9), (9, 10)] and stayed
