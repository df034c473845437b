"""Interval estimates, permutation tests and log-odds scores for small corpora.

Everything here works on plain numpy arrays: one entry per *unit* (a sentence
or a paragraph), with the hits counted in it and the words it contributes to
the denominator. Resampling is seeded through ``numpy.random.Generator`` so
the same call gives the same interval, and is vectorised over replicates in
blocks so that memory stays bounded (``_BLOCK`` numbers at a time).

See docs/statistics.md for what each number means and where it stops meaning it.
"""

from __future__ import annotations

import numpy as np
from scipy import stats as sps

#: Per how many words a rate is expressed.
PER_WORDS = 1000
#: Largest resampling matrix built at once (replicates x units).
_BLOCK = 4_000_000
#: Small-count rule: fewer hits than this, or fewer units, and the figure is flagged.
MIN_COUNT = 5
MIN_UNITS = 10


def small_flag(count, n_units) -> bool:
    """True when a figure rests on too little to read anything into: fewer
    than ``MIN_COUNT`` hits (the Poisson relative error is then above ~45 %)
    or fewer than ``MIN_UNITS`` sentences behind it."""
    count = 0 if count is None or np.isnan(count) else count
    n_units = 0 if n_units is None or np.isnan(n_units) else n_units
    return bool(count < MIN_COUNT or n_units < MIN_UNITS)


def _weight_blocks(n_units: int, n_boot: int, rng: np.random.Generator):
    """Bootstrap resampling weights (how often each unit is drawn), in blocks
    of replicates: each block is an array (replicates, n_units)."""
    per_block = max(1, _BLOCK // max(n_units, 1))
    done = 0
    probs = np.full(n_units, 1.0 / n_units)
    while done < n_boot:
        size = min(per_block, n_boot - done)
        yield rng.multinomial(n_units, probs, size=size).astype(np.float64)
        done += size


def bootstrap_rates(counts, words, *, n_boot: int = 2000, seed: int | np.random.Generator = 0,
                    level: float = 0.95, per: float = PER_WORDS, zero_bound: bool = True):
    """Rates per ``per`` words with percentile bootstrap intervals.

    ``counts``: (n_units,) or (n_units, n_measures) hits per unit; ``words``:
    matching denominators (same shape, or (n_units,) shared by all measures).
    Units are resampled with replacement, the same draws for every measure.
    Returns ``(value, low, high)`` arrays of shape (n_measures,) (scalars
    when ``counts`` is 1-D). A measure with zero hits gets the rule-of-three
    upper bound ``3 / words`` instead of the degenerate interval [0, 0]
    (``zero_bound=False`` keeps the bootstrap's, for ratios that are not
    counts); a zero denominator gives NaN.
    """
    counts = np.asarray(counts, dtype=np.float64)
    words = np.asarray(words, dtype=np.float64)
    one_d = counts.ndim == 1
    if one_d:
        counts = counts[:, None]
    if words.ndim == 1:
        words = np.broadcast_to(words[:, None], counts.shape)
    if words.shape != counts.shape:
        raise ValueError(f"bootstrap_rates: counts {counts.shape} and words {words.shape} differ")
    n_units, n_meas = counts.shape
    total_c, total_w = counts.sum(axis=0), words.sum(axis=0)
    with np.errstate(invalid="ignore", divide="ignore"):
        value = np.where(total_w > 0, per * total_c / total_w, np.nan)
    low = np.full(n_meas, np.nan)
    high = np.full(n_meas, np.nan)
    if n_units > 0:
        rng = seed if isinstance(seed, np.random.Generator) else np.random.default_rng(seed)
        reps = []
        for w in _weight_blocks(n_units, n_boot, rng):
            num, den = w @ counts, w @ words
            with np.errstate(invalid="ignore", divide="ignore"):
                reps.append(np.where(den > 0, per * num / den, np.nan))
        reps = np.vstack(reps)
        alpha = (1 - level) / 2
        ok = ~np.all(np.isnan(reps), axis=0)
        if ok.any():
            low[ok], high[ok] = np.nanquantile(reps[:, ok], [alpha, 1 - alpha], axis=0)
    zero = (total_c == 0) & (total_w > 0) & zero_bound
    low[zero] = 0.0
    with np.errstate(divide="ignore"):
        high[zero] = per * 3.0 / total_w[zero]  # rule of three, one-sided 95 %
    low[total_w <= 0] = high[total_w <= 0] = np.nan
    if one_d:
        return float(value[0]), float(low[0]), float(high[0])
    return value, low, high


def bootstrap_mean(values, *, n_boot: int = 2000, seed: int | np.random.Generator = 0,
                   level: float = 0.95):
    """Mean of ``values`` (NaN dropped) with a percentile bootstrap interval;
    NaN interval with fewer than two values."""
    values = np.asarray(values, dtype=np.float64)
    values = values[~np.isnan(values)]
    if values.size == 0:
        return np.nan, np.nan, np.nan
    mean = float(values.mean())
    if values.size < 2:
        return mean, np.nan, np.nan
    value, low, high = bootstrap_rates(values, np.ones_like(values), n_boot=n_boot,
                                       seed=seed, level=level, per=1.0, zero_bound=False)
    return mean, low, high


def bootstrap_means(values, *, n_boot: int = 2000, seed: int | np.random.Generator = 0,
                    level: float = 0.95):
    """Column means of ``values`` (n_items, n_columns; NaN = missing) with
    percentile bootstrap intervals, the same resampled items for every
    column (a resampled mean is the sum of present values over their
    number). Intervals are NaN for columns with fewer than two values.
    Returns ``(mean, low, high, n_present)``."""
    values = np.asarray(values, dtype=np.float64)
    present = ~np.isnan(values)
    n_present = present.sum(axis=0)
    mean, low, high = bootstrap_rates(np.where(present, values, 0.0), present.astype(float),
                                      n_boot=n_boot, seed=seed, level=level, per=1.0,
                                      zero_bound=False)
    few = n_present < 2
    low[few] = high[few] = np.nan
    return mean, low, high, n_present


def share_intervals(counts, *, level: float = 0.95):
    """Shares of K classes with Jeffreys intervals.

    The posterior of the class shares under a Dirichlet(1/2, ..., 1/2) prior
    is Dirichlet(counts + 1/2); each share's marginal is
    Beta(k + 1/2, n - k + (K - 1)/2), whose quantiles give the interval (for
    K = 2 this is the Jeffreys binomial interval). Returns ``(share, low,
    high)`` arrays; shares are NaN when there are no counts at all.
    """
    counts = np.asarray(counts, dtype=np.float64)
    k = counts.size
    n = counts.sum()
    if n <= 0:
        nan = np.full(k, np.nan)
        return nan, nan.copy(), nan.copy()
    a = counts + 0.5
    b = n - counts + 0.5 * (max(k, 2) - 1)
    alpha = (1 - level) / 2
    low = sps.beta.ppf(alpha, a, b)
    high = sps.beta.ppf(1 - alpha, a, b)
    # At a count of 0 (or n) the lower (upper) bound is set to 0 (1), as in
    # Brown, Cai & DasGupta's (2001) modified Jeffreys interval.
    low = np.where(counts == 0, 0.0, low)
    high = np.where(counts == n, 1.0, high)
    return counts / n, low, high


def permutation_test(counts, words, in_a, *, n_perm: int = 9999,
                     seed: int | np.random.Generator = 0) -> dict:
    """Two-sided permutation test of the rate difference between two groups
    of units (``in_a`` True for group A, False for group B).

    The group labels are shuffled ``n_perm`` times (units exchangeable under
    the null of one common rate); the p-value is (1 + #|T*| >= |T|) / (1 +
    n_perm), so it is never 0. Also returns the effect sizes: the rates, their
    difference and ratio, and Cohen's d on per-unit rates (pooled SD).
    """
    counts = np.asarray(counts, dtype=np.float64)
    return permutation_tests(counts[:, None], words, in_a, n_perm=n_perm, seed=seed)[0]


def permutation_tests(counts, words, in_a, *, n_perm: int = 9999,
                      seed: int | np.random.Generator = 0) -> list[dict]:
    """:func:`permutation_test` for several measures at once: ``counts`` is
    (n_units, n_measures) with one shared denominator ``words``; the same
    shuffles serve every measure (computed in blocks as matrix products)."""
    counts = np.asarray(counts, dtype=np.float64)
    words = np.asarray(words, dtype=np.float64)
    in_a = np.asarray(in_a, dtype=bool)
    keep = words > 0
    counts, words, in_a = counts[keep], words[keep], in_a[keep]
    n_a, n_b = int(in_a.sum()), int((~in_a).sum())
    m = counts.shape[1]
    empty = {"rate_a": np.nan, "rate_b": np.nan, "difference": np.nan, "ratio": np.nan,
             "cohens_d": np.nan, "p_value": np.nan, "n_units_a": n_a, "n_units_b": n_b,
             "n_perm": n_perm}
    if n_a == 0 or n_b == 0:
        return [dict(empty) for _ in range(m)]
    w_a, w_b = words[in_a].sum(), words[~in_a].sum()
    rate_a = PER_WORDS * counts[in_a].sum(axis=0) / w_a
    rate_b = PER_WORDS * counts[~in_a].sum(axis=0) / w_b
    observed = rate_a - rate_b
    per_unit = PER_WORDS * counts / words[:, None]
    var_a = per_unit[in_a].var(axis=0, ddof=1) if n_a > 1 else np.zeros(m)
    var_b = per_unit[~in_a].var(axis=0, ddof=1) if n_b > 1 else np.zeros(m)
    sd_pooled = np.sqrt(((n_a - 1) * var_a + (n_b - 1) * var_b) / max(n_a + n_b - 2, 1))
    rng = seed if isinstance(seed, np.random.Generator) else np.random.default_rng(seed)
    n = in_a.size
    total_c, total_w = counts.sum(axis=0), words.sum()
    per_block = max(1, _BLOCK // n)
    extreme = np.zeros(m, dtype=np.int64)
    done = 0
    tol = 1e-9 * np.maximum(np.abs(observed), 1.0)  # ties count as extreme
    while done < n_perm:
        size = min(per_block, n_perm - done)
        labels = rng.permuted(np.tile(in_a, (size, 1)), axis=1).astype(np.float64)
        a_num, a_den = labels @ counts, labels @ words
        with np.errstate(invalid="ignore", divide="ignore"):
            diff = PER_WORDS * (a_num / a_den[:, None]
                                - (total_c - a_num) / (total_w - a_den)[:, None])
        extreme += np.sum(np.abs(diff) >= np.abs(observed) - tol, axis=0)
        done += size
    out = []
    for k in range(m):
        res = dict(empty)
        res.update(rate_a=float(rate_a[k]), rate_b=float(rate_b[k]),
                   difference=float(observed[k]),
                   ratio=float(rate_a[k] / rate_b[k]) if rate_b[k] > 0 else np.nan,
                   cohens_d=float(observed[k] / sd_pooled[k]) if sd_pooled[k] > 0 else np.nan,
                   p_value=(1 + int(extreme[k])) / (1 + n_perm))
        out.append(res)
    return out


def log_odds_dirichlet(counts_i, counts_j, prior):
    """Log-odds ratio with an informative Dirichlet prior (Monroe, Colaresi &
    Quinn 2008, eq. 16-22), group i against group j, for every term.

    ``counts_i``/``counts_j``: term counts of the two groups; ``prior``: the
    Dirichlet pseudo-counts alpha_w (e.g. the background corpus counts). With
    n_i = sum(counts_i), a0 = sum(prior):

        delta_w = log((y_iw + a_w) / (n_i + a0 - y_iw - a_w))
                - log((y_jw + a_w) / (n_j + a0 - y_jw - a_w))
        var(delta_w) ~= 1 / (y_iw + a_w) + 1 / (y_jw + a_w)
        z_w = delta_w / sqrt(var)

    Returns ``(delta, z)``.
    """
    y_i = np.asarray(counts_i, dtype=np.float64)
    y_j = np.asarray(counts_j, dtype=np.float64)
    a = np.asarray(prior, dtype=np.float64)
    if not (y_i.shape == y_j.shape == a.shape):
        raise ValueError("log_odds_dirichlet: counts_i, counts_j and prior must have one shape")
    if np.any(a <= 0):
        raise ValueError("log_odds_dirichlet: every prior pseudo-count must be > 0")
    n_i, n_j, a0 = y_i.sum(), y_j.sum(), a.sum()
    delta = (np.log((y_i + a) / (n_i + a0 - y_i - a))
             - np.log((y_j + a) / (n_j + a0 - y_j - a)))
    var = 1.0 / (y_i + a) + 1.0 / (y_j + a)
    return delta, delta / np.sqrt(var)


def js_divergence(p, q) -> float:
    """Jensen-Shannon divergence (base 2, between 0 and 1) of two count or
    probability vectors; NaN if either is empty."""
    p = np.asarray(p, dtype=np.float64)
    q = np.asarray(q, dtype=np.float64)
    if p.sum() <= 0 or q.sum() <= 0:
        return np.nan
    p, q = p / p.sum(), q / q.sum()
    m = (p + q) / 2

    def kl(x):
        nz = x > 0
        return float(np.sum(x[nz] * np.log2(x[nz] / m[nz])))

    return 0.5 * kl(p) + 0.5 * kl(q)
