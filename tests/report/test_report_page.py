"""The report page of the hand-written newsroom (report_newsroom.py): the rows it embeds are exactly the
mart rows, every figure links to its article and sentence, scraped text stays text, nothing is fetched
from the network, and the command writes it where it says."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from urllib.parse import quote

import pytest
from report_newsroom import (
    AFP_V1,
    AFP_V2,
    FIGURES,
    HOSTILE,
    RT_ALEPPO,
    RUN_1,
    RUN_2,
)

from figurewire.records import article_text
from figurewire.report import command
from figurewire.report.page import VENDOR_DIR, VENDOR_SCRIPTS
from warehouse.query import run_sql

MART_ORDER = {
    "mart_figure_comparison": ("comparison", "event_id, comparison_key, outlet"),
    "mart_figure_timeline": ("timeline", "event_id, comparison_key, outlet, step"),
    "mart_outlet_divergence": ("divergence", "outlet"),
    "mart_claimants": ("claimants", "claimant_name, outlet, via nulls first, event_id, comparison_key"),
}


def as_json(value):
    if isinstance(value, datetime):
        return value.astimezone(UTC).isoformat()
    if isinstance(value, timedelta):
        return value.total_seconds()
    if isinstance(value, list):
        return [as_json(v) for v in value]
    return value


def mart_rows(warehouse, mart: str, order: str) -> tuple[list[str], list[dict]]:
    columns, rows = run_sql(warehouse, f"select * from {mart} order by {order}")
    return columns, [{c: as_json(v) for c, v in zip(columns, row, strict=True)} for row in rows]


def filtered_keys(node) -> set[str]:
    """The comparison keys a spec filters its rows to, in any of its layers."""
    if isinstance(node, dict):
        found = {node["equal"]} if node.get("field") == "comparison_key" and "equal" in node else set()
        return found.union(*(filtered_keys(v) for v in node.values()))
    if isinstance(node, list):
        return set().union(*(filtered_keys(v) for v in node))
    return set()


def aleppo_event(report) -> str:
    return run_sql(report.warehouse, "select event_id from dim_articles where article_id = $a",
                   {"a": AFP_V2.article_id})[1][0][0]


@pytest.mark.parametrize("mart", sorted(MART_ORDER))
def test_the_embedded_rows_are_exactly_the_mart_rows(hand_report, mart):
    dataset, order = MART_ORDER[mart]
    columns, expected = mart_rows(hand_report.warehouse, mart, order)
    embedded = hand_report.embedded("figurewire-data")[dataset]
    assert [{c: row[c] for c in columns} for row in embedded] == expected
    assert len(expected) == {"comparison": 12, "timeline": 13, "divergence": 5, "claimants": 7}[dataset]


def test_the_events_and_their_labels(hand_report):
    events = hand_report.embedded("figurewire-data")["events"]
    assert [(e["event_id"] == aleppo_event(hand_report), e["label"], e["stories"], e["outlets"], e["quantities"],
             e["compared_quantities"], e["first_reported_at"], e["last_reported_at"]) for e in events] == [
        (True, "Alep : au moins 25 000 personnes déjà évacuées", 4, ["AFP", "Levant Post", "RT", "Sputnik"], 3, 2,
         "2016-12-21T18:00:00+00:00", "2016-12-22T12:00:00+00:00"),
        (False, "Syrie : 71 000 frappes de l'aviation russe, selon Choïgou", 2, ["RT", "Sputnik"], 2, 2,
         "2016-12-22T09:00:00+00:00", "2016-12-22T09:30:00+00:00"),
    ]


def test_each_value_links_to_its_article_and_sentence(hand_report):
    [rt] = [r for r in hand_report.embedded("figurewire-data")["comparison"]
            if r["outlet"] == "RT" and r["comparison_key"] == "evacuated:people@aleppo"]
    fig = FIGURES[RT_ALEPPO.article_id][0]
    assert (rt["url"], rt["article_title"], rt["lang"], rt["sentence"], rt["start_offset"], rt["end_offset"]) == (
        "http://rt-en.newsroom.test/rt-aleppo-evacuees", RT_ALEPPO.title, "en", fig.sentence_in(article_text(RT_ALEPPO)), fig.start,
        fig.end)
    assert rt["source_link"] == "http://rt-en.newsroom.test/rt-aleppo-evacuees#:~:text=More%20than%2035%2C000%20people"
    assert rt["claimant"] == "Russian Defence Ministry"
    links = {a["href"] for a in hand_report.soup.select("table.comparison-table a")}
    assert rt["source_link"] in links


def test_a_quantity_only_one_outlet_reported_is_a_table_row_with_an_encoded_link(hand_report):
    [row] = hand_report.soup.select("details.single table.single-table tbody tr")
    cells = [td.get_text(" ", strip=True) for td in row.find_all("td")]
    assert cells == ["wounded:wounded@aleppo", "RT", "forty-seven wounded", "47", "", "22 Dec 2016 12:00 UTC",
                     "article"]
    # in a text fragment '-' separates prefix and suffix, so the hyphen of the quoted words is encoded
    assert row.find("a")["href"] == ("http://rt-en.newsroom.test/rt-aleppo-evacuees#:~:text=forty%2Dseven%20wounded")


def test_the_timeline_keeps_each_revision_with_its_own_sentence(hand_report):
    afp = [(r["step"], r["revision"], r["value"], r["qualifier"], r["sentence"], r["source_link"])
           for r in hand_report.embedded("figurewire-data")["timeline"]
           if r["outlet"] == "AFP" and r["comparison_key"] == "evacuated:people@aleppo"]
    url = "http://afp-wire.newsroom.test/urn:newsml:afp.com:20161221:alep-sorties"
    assert afp == [
        (1, 1, 25000.0, "at_least", FIGURES[AFP_V1.article_id][0].sentence_in(article_text(AFP_V1)),
         f"{url}#:~:text={quote('au moins 25 000 personnes', safe='')}"),
        (2, 2, 34000.0, "approx", FIGURES[AFP_V2.article_id][0].sentence_in(article_text(AFP_V2)),
         f"{url}#:~:text={quote('Près de 34 000 personnes', safe='')}"),
    ]


def test_scrape_health_per_run_and_outlet(hand_report):
    got = [(r["run_id"], r["outlet"], r["sources"], r["items_scraped"], r["fetch_errors"], r["status"],
            r["rules_broken"]) for r in hand_report.embedded("figurewire-data")["scrape_health"]]
    assert got == [
        (RUN_1, "AFP", 1, 1, 0, "ok", []),
        (RUN_1, "Fault Gazette", 1, 0, 0, "ok", []),
        (RUN_1, "Sputnik", 1, 1, 0, "ok", []),
        (RUN_2, "AFP", 1, 1, 0, "ok", []),
        (RUN_2, "Fault Gazette", 1, 0, 2, "failed", ["error_ratio"]),
        (RUN_2, "Levant Post", 1, 1, 0, "ok", []),
        (RUN_2, "RT", 2, 2, 0, "ok", []),
        (RUN_2, "Sputnik", 1, 1, 0, "ok", []),
    ]


def test_scrape_health_now_is_the_monitoring_marts_verdict(hand_report):
    columns, expected = mart_rows(hand_report.warehouse, "mart_scrape_health", "outlet")
    now = hand_report.embedded("figurewire-data")["scrape_health_now"]
    wanted = [{c: row[c] for c in now[0]} for row in expected if row["level"] == "outlet"]
    assert now == wanted
    # 2016 articles are long stale; the Fault Gazette also broke the error ratio in its last run
    assert [(r["outlet"], r["status"], r["rules_fired"]) for r in now] == [
        ("AFP", "stale", ["stale", "feed_unchanged"]),
        ("Fault Gazette", "stale", ["error_ratio", "stale", "feed_unchanged"]),
        ("Levant Post", "stale", ["stale", "feed_unchanged"]),
        ("RT", "stale", ["stale", "feed_unchanged"]),
        ("Sputnik", "stale", ["stale", "feed_unchanged"]),
    ]


def test_one_values_chart_and_one_timeline_per_compared_quantity(hand_report):
    charts = hand_report.embedded("figurewire-specs")
    assert [c["id"] for c in charts] == [
        "chart-e1-q1-values", "chart-e1-q1-timeline",  # evacuated:people@aleppo (3 independent outlets)
        "chart-e1-q2-values", "chart-e1-q2-timeline",  # vehicles:buses@ramousseh
        "chart-e2-q1-values", "chart-e2-q1-timeline",  # sorties:sorties (bounds contradict: first)
        "chart-e2-q2-values", "chart-e2-q2-timeline",  # strikes:strikes
        "chart-divergence", "chart-claimants", "chart-scrape-health",
    ]
    keys = [filtered_keys(c["spec"]) for c in charts[:8:2]]
    assert keys == [{k} for k in [filtered_keys(c["spec"]).pop() for c in charts[1:8:2]]]
    keys = [k.pop() for k in keys]
    assert keys == ["evacuated:people@aleppo", "vehicles:buses@ramousseh", "sorties:sorties", "strikes:strikes"]
    assert {c["spec"]["$schema"] for c in charts} == {"https://vega.github.io/schema/vega-lite/v6.4.1.json"}
    assert all("datasets" not in c["spec"] for c in charts)  # rows come from the one embedded copy
    cards = hand_report.soup.select("article.quantity")
    assert [card["data-comparison-key"] for card in cards] == keys
    assert [len(card.select("table.comparison-table tbody tr")) for card in cards] == [4, 3, 2, 2]
    assert [len(card.select("table.timeline-table tbody tr")) for card in cards] == [5, 3, 2, 2]


def test_scraped_markup_is_shown_as_text_never_run(hand_report):
    assert HOSTILE not in hand_report.html
    assert "<script>document.title" not in hand_report.html
    cells = [td.get_text() for td in hand_report.soup.select("table.comparison-table td.sentence")]
    assert any(HOSTILE in text for text in cells)
    sentences = [r["sentence"] for r in hand_report.embedded("figurewire-data")["comparison"]]
    rt_sentence = FIGURES[RT_ALEPPO.article_id][0].sentence_in(article_text(RT_ALEPPO))
    assert rt_sentence in sentences and HOSTILE in rt_sentence


def test_the_page_loads_nothing_from_anywhere(hand_report):
    soup = hand_report.soup
    scripts = soup.find_all("script")
    assert [s for s in scripts if s.get("src")] == []
    assert soup.find_all(["link", "img", "iframe", "object", "embed"]) == []
    inline = "\n".join(s.string or "" for s in scripts)
    for name in VENDOR_SCRIPTS:
        assert (VENDOR_DIR / name).read_text(encoding="utf-8")[:5000] in inline
    assert "sourceMappingURL" not in hand_report.html
    data = hand_report.embedded("figurewire-data")
    article_links = {r["source_link"] for rows in (data["comparison"], data["timeline"]) for r in rows}
    outside = {a["href"] for a in soup.find_all("a", href=True) if not a["href"].startswith("#")}
    assert outside <= article_links and len(outside) == 13


def test_the_command_writes_beside_the_warehouse_by_default(hand_report, tmp_path, capsys):
    assert command.main(["--warehouse", str(hand_report.warehouse)]) == 0
    default = hand_report.warehouse.with_name("report.html")
    assert capsys.readouterr().out.startswith(f"report written to {default} (")
    out = tmp_path / "elsewhere" / "page.html"
    assert command.main(["--data-dir", str(hand_report.data.root), "--out", str(out)]) == 0
    for page in (default, out):
        html = page.read_text(encoding="utf-8")
        start = html.index('<script type="application/json" id="figurewire-data">')
        block = html[start:html.index("</script>", start)].split(">", 1)[1]
        assert json.loads(block) == hand_report.embedded("figurewire-data")
    assert not list(out.parent.glob(".*.tmp"))


def test_the_command_says_to_build_first_on_a_warehouse_without_models(tmp_path, capsys):
    """A warehouse loaded but never built (or built by an older figurewire) gets a line saying what to do,
    and exit status 2, instead of DuckDB's catalog traceback; so does a missing warehouse."""
    from report_newsroom import stage_newsroom

    from figurewire.layout import DataLayout
    from warehouse.load import load_batches

    data = DataLayout.at(tmp_path / "data")
    stage_newsroom(data)
    load_batches(data.default_warehouse, data)
    assert command.main(["--warehouse", str(data.default_warehouse)]) == 2
    said = capsys.readouterr().err
    assert "lacks a model the report reads" in said and "figurewire run" in said and "does not exist" in said
    assert not data.default_warehouse.with_name("report.html").exists()

    assert command.main(["--warehouse", str(tmp_path / "none.duckdb")]) == 2
    assert "no warehouse at" in capsys.readouterr().err
