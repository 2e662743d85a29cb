"""Extract the figures of some staged batches in this process; prints how many figures it wrote.

    python -m figurewire.extract_batches --run-id R BATCH_DIR [BATCH_DIR ...]

Started by ``figurewire.pipeline.extract`` to use more than one core on a large run.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m figurewire.extract_batches", description=__doc__.split("\n\n")[0])
    parser.add_argument("--run-id", required=True)
    parser.add_argument("batches", nargs="+", type=Path)
    args = parser.parse_args(argv)
    from figurewire.pipeline import extract_batch

    print(sum(extract_batch(batch, args.run_id) for batch in args.batches))
    return 0


if __name__ == "__main__":
    sys.exit(main())
