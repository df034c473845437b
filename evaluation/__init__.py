"""Agreement of framing's numbers with human annotations.

Each module here exposes ``evaluate(data_dir) -> list[dict]`` (keys: task,
dataset, metric, value, reference, n, limits) and returns ``[]`` when its data
is absent. ``python -m evaluation`` (``make evaluate``) runs them all and
writes docs/validity.md.
"""

from pathlib import Path

#: The shared validation data, beside the repository (never copied into it).
DEFAULT_DATA_DIR = Path(__file__).resolve().parents[1] / ".." / "shared" / "data"


def print_rows(rows: list[dict], missing: str = "its data was not found") -> None:
    """The figures of one evaluation module, a line each (``python -m evaluation.<name>``)."""
    if not rows:
        print(f"{missing}; nothing to evaluate")
    width = max((len(r["task"]) for r in rows), default=0)
    metric = max((len(r["metric"]) for r in rows), default=0)
    for r in rows:
        reference = f"; {r['reference']}" if r.get("reference") else ""
        print(f"{r['task']:<{width}}  {r['metric']:<{metric}}  {r['value']:.3f}  (n={r['n']}{reference})")
