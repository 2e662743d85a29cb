"""`figurewire` command line: parses arguments and calls one function; the work lives elsewhere."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from figurewire import __version__
from figurewire.pipeline import DEFAULT_DATA_DIR, SAMPLE_SOURCES

PASSTHROUGH = {"newsroom", "extract", "eval", "report"}
EXAMPLE_SQL = (
    "select outlet, category, value, qualifier, claimant from fct_figures "
    "order by outlet, category limit 10"
)


def _warehouse_arg(p: argparse.ArgumentParser) -> None:
    p.add_argument("--warehouse", type=Path, default=None,
                   help="DuckDB file (default: DATA_DIR/figurewire.duckdb)")
    p.add_argument("--data-dir", type=Path, default=DEFAULT_DATA_DIR,
                   help=f"raw snapshots, staging and crawl state (default: {DEFAULT_DATA_DIR})")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="figurewire",
        description="Scrape news feeds, extract the figures they report, compare outlets in DuckDB.",
    )
    parser.add_argument("--version", action="version", version=f"figurewire {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser("run", help="crawl, extract, load and build (the sample newsroom by default)",
                       description="Run the whole pipeline once: crawl every enabled source, extract "
                                   "figures, load the warehouse, rebuild the marts, print a summary.")
    p.add_argument("--sources", type=Path, default=SAMPLE_SOURCES,
                   help="sources file (default: the bundled sample newsroom)")
    p.add_argument("--only", nargs="+", metavar="SOURCE_ID", help="crawl only these source ids")
    _warehouse_arg(p)
    p.set_defaults(func=cmd_run)

    p = sub.add_parser("sources", help="list the sources of a sources file")
    p.add_argument("--sources", type=Path, default=SAMPLE_SOURCES)
    p.add_argument("--all", action="store_true", help="include disabled sources")
    p.set_defaults(func=cmd_sources)

    # These own their argument parsers (see _passthrough); listed here for `figurewire --help`.
    sub.add_parser("newsroom", help="serve the sample newsroom on 127.0.0.1 until Ctrl-C (--help for options)")
    sub.add_parser("extract", help="print the figures of a text file as JSON lines (--help for options)")
    sub.add_parser("eval", help="score the extractor against a gold file (--help for options)")
    sub.add_parser("report", help="write the HTML report comparing outlets' figures (--help for options)")

    p = sub.add_parser("sql", help="run a SQL query on the warehouse and print a table")
    p.add_argument("query", help='e.g. "select * from mart_figure_comparison limit 5"')
    p.add_argument("--format", choices=["table", "csv", "json"], default="table",
                   help="table for people (default), csv or json lines for programs")
    _warehouse_arg(p)
    p.set_defaults(func=cmd_sql)

    p = sub.add_parser("health", help="judge each outlet's scrapes; exit 1 when one is failing",
                       description="Apply the health rules of the sources file to the scrape runs in the "
                                   "warehouse and print a colour table of outlets and the rules that fired "
                                   "(or JSON). Exit status 1 when an outlet that is not silenced is failing.")
    p.add_argument("--sources", type=Path, default=SAMPLE_SOURCES,
                   help="sources file whose [health] rules apply (default: the bundled sample newsroom)")
    p.add_argument("--json", action="store_true", help="print JSON for other programs instead of a table")
    _warehouse_arg(p)
    p.set_defaults(func=cmd_health)

    p = sub.add_parser("raw", help="print a kept raw response body, by URL or raw id",
                       description="Write the newest kept body of a URL (or of a raw id, or its first 8+ "
                                   "characters) to standard output, as the crawl received it; "
                                   "--headers prints its status and headers instead.")
    p.add_argument("key", help="the page's URL or its raw_id (raw_snapshots, articles.raw_id)")
    p.add_argument("--headers", action="store_true", help="print the status, URL, fetch time and headers")
    p.add_argument("--data-dir", type=Path, default=DEFAULT_DATA_DIR,
                   help=f"raw snapshots, staging and crawl state (default: {DEFAULT_DATA_DIR})")
    p.set_defaults(func=cmd_raw)

    p = sub.add_parser("rebuild", help="recompute everything downstream of the raw snapshots")
    _warehouse_arg(p)
    p.set_defaults(func=cmd_rebuild)
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    if argv and argv[0] in PASSTHROUGH:
        return _passthrough(argv[0], argv[1:])
    args = parser.parse_args(argv)
    from warehouse.connection import WarehouseBusy, WarehouseLocked

    try:
        return int(args.func(args) or 0)
    except (WarehouseBusy, WarehouseLocked) as busy:
        print(f"figurewire: {busy}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # `figurewire sql ... | head` closed the pipe: not an error
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


def _passthrough(command: str, rest: list[str]) -> int:
    """Commands whose module owns its own argument parser (and `--help`)."""
    if command == "newsroom":
        from figurewire.newsroom.server import main as newsroom_main

        return int(newsroom_main(rest) or 0)
    if command == "report":
        from figurewire.report.command import main as report_main

        return int(report_main(rest) or 0)
    from figurewire import evaluate

    entry = evaluate.main_extract if command == "extract" else evaluate.main_eval
    return int(entry(rest) or 0)


def cmd_run(args) -> int:
    from figurewire import pipeline
    from figurewire.summary import print_run_summary

    summary = pipeline.run(args.sources, args.warehouse, args.data_dir, only=args.only)
    print_run_summary(summary, EXAMPLE_SQL)
    return 0


def cmd_sources(args) -> int:
    from figurewire.pipeline import resolve_sources
    from figurewire.summary import print_sources

    print_sources(resolve_sources(args.sources, include_disabled=args.all))
    return 0


def cmd_sql(args) -> int:
    from figurewire.summary import print_rows
    from warehouse.query import run_sql

    warehouse = args.warehouse or args.data_dir / "figurewire.duckdb"
    columns, rows = run_sql(warehouse, args.query)
    print_rows(columns, rows, args.format)
    return 0


def cmd_raw(args) -> int:
    from figurewire.layout import DataLayout
    from figurewire.raw_lookup import latest_snapshot
    from scrapers.staging import read_raw_body

    data = DataLayout.at(args.data_dir)
    snapshot = latest_snapshot(data, args.key)
    if snapshot is None:
        print(f"figurewire: no raw response kept for {args.key!r} under {data.root}", file=sys.stderr)
        return 2
    if args.headers:
        print(f"{snapshot.status} {snapshot.url}\nfetched {snapshot.fetched_at.isoformat()}  raw_id {snapshot.raw_id}")
        for name, value in snapshot.headers.items():
            print(f"{name}: {value}")
        return 0
    sys.stdout.buffer.write(read_raw_body(data, snapshot))
    sys.stdout.flush()
    return 0


def cmd_health(args) -> int:
    from figurewire.health import run_health_command
    from figurewire.summary import console

    warehouse = args.warehouse or args.data_dir / "figurewire.duckdb"
    return run_health_command(warehouse, args.sources, as_json=args.json, console=console)


def cmd_rebuild(args) -> int:
    from figurewire import pipeline
    from figurewire.summary import print_rebuild

    print_rebuild(pipeline.rebuild(args.warehouse, args.data_dir))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
