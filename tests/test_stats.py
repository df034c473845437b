"""Statistics: interval coverage, null p-values, log-odds by hand."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import stats as sps

from framing import stats


def _simulated_units(rng, n_units, rate):
    words = rng.integers(8, 35, size=n_units)
    return rng.poisson(words * rate), words


def test_bootstrap_interval_covers_true_rate_at_about_nominal_level():
    rng = np.random.default_rng(12)
    true_rate = 0.015  # 15 per 1,000 words
    covered = 0
    n_sim = 200
    for i in range(n_sim):
        counts, words = _simulated_units(rng, 120, true_rate)
        _, low, high = stats.bootstrap_rates(counts, words, n_boot=600, seed=i)
        covered += low <= 1000 * true_rate <= high
    # 95 % nominal; binomial SD over 200 runs is ~1.5 points, percentile
    # intervals run a little narrow on small samples.
    assert 0.89 <= covered / n_sim <= 0.99


def test_bootstrap_is_seeded_and_vectorised_over_measures():
    rng = np.random.default_rng(0)
    counts, words = _simulated_units(rng, 50, 0.02)
    two = np.column_stack([counts, counts * 2])
    a = stats.bootstrap_rates(two, words, seed=3)
    b = stats.bootstrap_rates(two, words, seed=3)
    np.testing.assert_array_equal(a[1], b[1])
    # the same draws serve every measure: doubling counts doubles the bounds
    np.testing.assert_allclose(a[1][1], 2 * a[1][0])
    np.testing.assert_allclose(a[2][1], 2 * a[2][0])


def test_zero_hits_give_rule_of_three_bound_and_empty_gives_nan():
    value, low, high = stats.bootstrap_rates([0, 0, 0], [100, 100, 100])
    assert value == 0 and low == 0 and high == pytest.approx(1000 * 3 / 300)
    value, low, high = stats.bootstrap_rates([0, 0], [0, 0])
    assert math.isnan(value) and math.isnan(low) and math.isnan(high)


def test_jeffreys_share_interval_coverage():
    rng = np.random.default_rng(5)
    p_true = np.array([0.2, 0.5, 0.3])
    hits = np.zeros(3)
    n_sim = 300
    for _ in range(n_sim):
        counts = rng.multinomial(40, p_true)
        _, low, high = stats.share_intervals(counts)
        hits += (low <= p_true) & (p_true <= high)
    assert np.all(hits / n_sim >= 0.91) and np.all(hits / n_sim <= 0.995)


def test_share_interval_matches_jeffreys_binomial():
    share, low, high = stats.share_intervals([3, 7])
    assert share[0] == pytest.approx(0.3)
    assert low[0] == pytest.approx(sps.beta.ppf(0.025, 3.5, 7.5))
    assert high[0] == pytest.approx(sps.beta.ppf(0.975, 3.5, 7.5))
    assert np.all(np.isnan(stats.share_intervals([0, 0])[0]))


def test_permutation_p_values_are_uniform_under_the_null():
    rng = np.random.default_rng(7)
    p_values = []
    for i in range(200):
        counts, words = _simulated_units(rng, 60, 0.03)
        in_a = np.zeros(60, dtype=bool)
        in_a[:20] = True
        p_values.append(stats.permutation_test(counts, words, in_a, n_perm=499, seed=i)["p_value"])
    assert sps.kstest(p_values, "uniform").pvalue > 0.01
    assert 0.02 <= np.mean(np.array(p_values) <= 0.05) <= 0.10


def test_permutation_detects_a_real_difference_and_reports_effect_size():
    rng = np.random.default_rng(8)
    ca, wa = _simulated_units(rng, 80, 0.06)
    cb, wb = _simulated_units(rng, 80, 0.02)
    result = stats.permutation_test(np.r_[ca, cb], np.r_[wa, wb],
                                    np.r_[np.ones(80, bool), np.zeros(80, bool)], n_perm=999)
    assert result["p_value"] < 0.01
    assert result["difference"] > 0 and result["ratio"] > 1.5 and result["cohens_d"] > 0.3


def test_log_odds_z_matches_hand_computation():
    # Two terms; group i: (3, 1), group j: (1, 3), prior (2, 2): n_i = n_j = 4, a0 = 4.
    delta, z = stats.log_odds_dirichlet([3, 1], [1, 3], [2, 2])
    d0 = math.log(5 / (4 + 4 - 5)) - math.log(3 / (4 + 4 - 3))
    z0 = d0 / math.sqrt(1 / 5 + 1 / 3)
    assert delta[0] == pytest.approx(d0)
    assert z[0] == pytest.approx(z0)
    assert delta[1] == pytest.approx(-d0) and z[1] == pytest.approx(-z0)


def test_js_divergence_bounds():
    assert stats.js_divergence([5, 0], [0, 5]) == pytest.approx(1.0)
    assert stats.js_divergence([1, 2, 3], [2, 4, 6]) == pytest.approx(0.0)
    assert math.isnan(stats.js_divergence([0, 0], [1, 1]))


def test_small_flag_rule():
    assert stats.small_flag(4, 100)
    assert stats.small_flag(50, 9)
    assert not stats.small_flag(5, 10)


def test_bootstrap_means_per_column_with_missing_values():
    values = np.array([[1.0, np.nan, -2.0], [3.0, np.nan, 2.0], [5.0, 4.0, 0.0]])
    mean, low, high, n = stats.bootstrap_means(values, n_boot=500, seed=1)
    np.testing.assert_allclose(mean, [3.0, 4.0, 0.0])
    assert list(n) == [3, 1, 3]
    assert low[0] < 3.0 < high[0] and math.isnan(low[1]) and math.isnan(high[1])
    assert low[2] < 0.0 < high[2]   # a mean of 0 keeps its bootstrap interval


@settings(max_examples=60, deadline=None)
@given(st.lists(st.integers(0, 50), min_size=1, max_size=6))
def test_share_intervals_are_ordered_and_inside_unit_interval(counts):
    share, low, high = stats.share_intervals(counts)
    if sum(counts) == 0:
        assert np.all(np.isnan(share))
        return
    assert np.all((low >= 0) & (low <= share + 1e-12) & (share <= high + 1e-12) & (high <= 1))


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 5), st.integers(1, 40)), min_size=1, max_size=30))
def test_bootstrap_rate_interval_is_ordered_and_non_negative(units):
    counts = np.array([c for c, _ in units])
    words = np.array([w for _, w in units])
    value, low, high = stats.bootstrap_rates(counts, words, n_boot=200, seed=0)
    assert 0 <= low <= high
    assert value == pytest.approx(1000 * counts.sum() / words.sum())
