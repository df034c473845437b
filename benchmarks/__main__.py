"""``python -m benchmarks``: the pipeline's throughput and memory on news_bench.

Text-reuse detection has its own benchmark: ``python -m benchmarks.reuse``.
"""

import sys

from benchmarks.pipeline import main

sys.exit(main())
