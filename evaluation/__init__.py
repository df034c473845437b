"""Agreement of framing's numbers with human annotations.

Each module here exposes ``evaluate(data_dir) -> list[dict]`` (keys: task,
dataset, metric, value, reference, n, limits) and returns ``[]`` when its data
is absent. ``python -m evaluation`` (``make evaluate``) runs them all and
writes docs/validity.md.
"""

from pathlib import Path

#: The shared validation data, beside the repository (never copied into it).
DEFAULT_DATA_DIR = Path(__file__).resolve().parents[1] / ".." / "shared" / "data"
