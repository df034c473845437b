"""framing.parallel: chunk bounds and chunked maps in input order."""

from hypothesis import given
from hypothesis import strategies as st

from framing.parallel import chunk_bounds, map_chunks


@given(st.integers(0, 500), st.integers(1, 70))
def test_chunk_bounds_cover_the_range_once_in_order(n, size):
    bounds = chunk_bounds(n, size)
    assert [i for start, stop in bounds for i in range(start, stop)] == list(range(n))
    assert all(0 < stop - start <= size for start, stop in bounds)
    assert all(stop - start == size for start, stop in bounds[:-1])


def test_map_chunks_gives_results_in_input_order_in_workers_and_here():
    expected = [(0, 3), (3, 6), (6, 9), (9, 10)]
    # builtins pickle by name, so the forked workers can run them
    assert list(map_chunks(tuple, 10, n_jobs=2, chunk_size=3)) == expected
    assert list(map_chunks(tuple, 10, n_jobs=1, chunk_size=3)) == expected
    assert list(map_chunks(tuple, 10, n_jobs=2, chunk_size=3, min_items=11)) == expected
    assert list(map_chunks(tuple, 0, n_jobs=2)) == []
