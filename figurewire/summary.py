"""What the CLI prints: rich tables on a terminal, plain text when piped."""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Sequence

from rich.console import Console
from rich.table import Table

console = Console(width=None if sys.stdout.isatty() else 140)


def print_table(columns: Sequence[str], rows: Sequence[Sequence[object]], title: str | None = None) -> None:
    """A horizontal table when it fits the terminal, else one block per row (like psql's expanded mode)."""
    cells = [["" if v is None else str(v) for v in row] for row in rows]
    widths = [max([len(str(c))] + [len(r[i]) for r in cells]) for i, c in enumerate(columns)]
    if sum(min(w, 60) + 3 for w in widths) <= console.width:
        table = Table(title=title)
        for column in columns:
            table.add_column(str(column), overflow="fold", max_width=60)
        for row in cells:
            table.add_row(*row)
        console.print(table)
        return
    if title:
        console.print(f"[bold]{title}[/bold]")
    label_width = max(len(str(c)) for c in columns)
    for n, row in enumerate(cells, 1):
        console.print(f"[dim]-[ row {n} ]{'-' * 40}[/dim]")
        for column, value in zip(columns, row, strict=True):
            console.print(f"{str(column):<{label_width}} | {value}", markup=False, highlight=False)
    console.print(f"({len(cells)} rows)")


def print_rows(columns: Sequence[str], rows: Sequence[Sequence[object]], fmt: str) -> None:
    """`figurewire sql --format`: a table for people, CSV or JSON lines for other programs."""
    if fmt == "table":
        print_table(columns, rows)
    elif fmt == "csv":
        writer = csv.writer(sys.stdout)
        writer.writerow(columns)
        writer.writerows(rows)
    else:
        for row in rows:
            print(json.dumps(dict(zip(columns, row, strict=True)), ensure_ascii=False, default=str))


def print_sources(sources) -> None:
    print_table(["id", "outlet", "kind", "language", "enabled", "url"],
                [(s.id, s.outlet, s.kind, s.language, s.enabled, s.url) for s in sources],
                title="sources")


def print_run_summary(summary, example_sql: str) -> None:
    from warehouse.query import run_named

    print_table(["source", "status", "items", "errors", "reason"],
                [(o.source_id, "FAILED" if o.failed else "ok", o.items, o.errors,
                  "" if o.reason == "ok" else o.reason) for o in summary.crawl],
                title=f"crawl {summary.run_id}")
    columns, rows = run_named(summary.warehouse, "run_summary", run_id=summary.run_id)
    keep = [i for i, c in enumerate(columns) if c != "run_id"]
    print_table([columns[i] for i in keep], [[row[i] for i in keep] for row in rows],
                title="in the warehouse, per outlet (this run / all runs)")
    loaded = ", ".join(f"{table} {count}" for table, count in summary.loaded.items()) or "nothing new"
    console.print(f"figures extracted this run: {summary.figures}; loaded: {loaded}; "
                  f"models built: {len(summary.built)}")
    console.print(f"warehouse: [bold]{summary.warehouse}[/bold]")
    console.print(f'try: [cyan]figurewire sql "{example_sql}"[/cyan]')


def print_rebuild(result: dict) -> None:
    print_table(["step", "count"], sorted(result.items()), title="rebuild")
