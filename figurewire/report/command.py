"""`figurewire report [--warehouse W] [--data-dir D] [--out PATH]`: owns its argument parser, like the
other passthrough commands, so `figurewire report --help` documents it."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from figurewire.pipeline import DEFAULT_DATA_DIR


def default_out(warehouse: Path) -> Path:
    """Beside the warehouse: data/figurewire.duckdb -> data/report.html."""
    return warehouse.with_name("report.html")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="figurewire report",
        description="Write one self-contained HTML page (charts and tables, no network needed to open it) "
                    "comparing the figures each outlet reported, from the warehouse's marts.")
    parser.add_argument("--warehouse", type=Path, default=None,
                        help="DuckDB file (default: DATA_DIR/figurewire.duckdb)")
    parser.add_argument("--data-dir", type=Path, default=DEFAULT_DATA_DIR,
                        help=f"where the default warehouse lives (default: {DEFAULT_DATA_DIR})")
    parser.add_argument("--out", type=Path, default=None,
                        help="the HTML file to write (default: report.html beside the warehouse)")
    return parser


def main(argv: list[str] | None = None) -> int:
    """Write the report; exit 2 with a line saying what to do when the warehouse is missing or its
    models were never built (loaded only, or built by an older figurewire)."""
    import duckdb

    from figurewire.report import write_report

    args = build_parser().parse_args(argv)
    warehouse = args.warehouse or args.data_dir / "figurewire.duckdb"
    try:
        out = write_report(warehouse, args.out or default_out(warehouse))
    except FileNotFoundError as exc:
        print(f"figurewire report: {exc}", file=sys.stderr)
        return 2
    except duckdb.CatalogException as exc:
        print(f"figurewire report: {warehouse} lacks a model the report reads ({str(exc).splitlines()[0]}). "
              "Build the models first: `figurewire run`, or the pipeline DAG's build task.", file=sys.stderr)
        return 2
    print(f"report written to {out} ({out.stat().st_size / 1e6:.1f} MB); open it in a browser")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
