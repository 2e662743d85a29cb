"""Vega-Lite specs (built with altair, so every spec is validated against the Vega-Lite schema) for the
report's charts.

Specs carry no rows: each names the dataset it draws (``data: {name: ...}``) and filters it to its
quantity, and the page hands every chart the rows embedded once in the page. So what a chart draws is
exactly the mart rows, and the page stays small however many charts there are.

Every layer that draws one mark per row has a ``name``; Vega's SVG renderer gives its marks the class
``<name>_marks``, which is how the browser test counts them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import altair as alt

from figurewire.report.data import ReportData, Row

NUMBER = ",~f"
WHEN = "%d %b %Y %H:%M UTC"
PALETTE = ["#4c78a8", "#f58518", "#54a24b", "#e45756", "#72b7b2", "#b279a2", "#eeca3b", "#9d755d",
           "#ff9da6", "#bab0ac"]
STATUS_COLOURS = {"ok": "#54a24b", "degraded": "#f2b447", "failed": "#d6604d"}
OTHER_STATUS_COLOUR = "#9d755d"
QUALIFIER_SIGNS = {"exact": "", "approx": "≈ ", "more_than": "> ", "at_least": "≥ ", "less_than": "< ",
                   "at_most": "≤ ", "range": "", "vague": "~ "}
VALUES_WIDTH = 470
TIMELINE_WIDTH = 470
ROW_STEP = 34
LABEL_LIMIT = 240

# Mark names (one mark per row of the dataset, in the layer of that name).
VALUE_MARKS = "figure_value"
BAND_MARKS = "figure_band"
OPEN_MARKS = "figure_open"
ARROW_MARKS = "figure_arrow"
STEP_MARKS = "revision_step"
DIVERGENCE_MARKS = "divergence_share"
GAP_MARKS = "divergence_gap"
CLAIMANT_MARKS = "claimant_cell"
ITEMS_MARKS = "health_items"
ERRORS_MARKS = "health_errors"
STATUS_MARKS = "health_status"


@dataclass
class ChartSpec:
    """One chart of the page: its element id, the datasets it reads, its Vega-Lite spec, and how many
    marks each named layer must draw for the rows it reads (what the browser test checks)."""

    chart_id: str
    datasets: tuple[str, ...]
    spec: dict[str, Any]
    expected_marks: dict[str, int] = field(default_factory=dict)


def outlet_scale(data: ReportData) -> alt.Scale:
    """One colour per outlet, the same in every chart of the page."""
    outlets = sorted({r["outlet"] for rows in (data.comparison, data.timeline, data.divergence,
                                               data.claimants, data.scrape_health) for r in rows
                      if r.get("outlet")})
    return alt.Scale(domain=outlets, range=[PALETTE[i % len(PALETTE)] for i in range(len(outlets))])


def _to_spec(chart: alt.TopLevelMixin) -> dict[str, Any]:
    """The Vega-Lite dict, validated against the schema by altair."""
    return _config(chart).to_dict()


class SpecTemplates:
    """Specs of one kind that differ only in a few values (event, key, axis bounds) are made once with
    altair, from sentinel values, and stamped for each quantity: altair copies the whole chart at every
    step and validates it, 0.1-0.3 s a chart, which a report with hundreds of quantities cannot afford."""

    def __init__(self) -> None:
        self._made: dict[str, tuple[dict[str, Any], dict[str, Any]]] = {}

    def spec(self, kind: str, make, **values: Any) -> dict[str, Any]:
        if kind not in self._made:
            sentinels = {name: f"@@{name}@@" if isinstance(value, str) else 1e15 + i
                         for i, (name, value) in enumerate(values.items())}
            self._made[kind] = (sentinels, _to_spec(make(**sentinels)))
        sentinels, template = self._made[kind]
        return _stamp(template, {sentinels[name]: value for name, value in values.items()})


def _num(value: float) -> str:
    """A number as written into a Vega expression (and how its sentinel is found there)."""
    return repr(float(value))


def _stamp(node: Any, values: dict[Any, Any]) -> Any:
    if isinstance(node, dict):
        return {k: _stamp(v, values) for k, v in node.items()}
    if isinstance(node, list):
        return [_stamp(v, values) for v in node]
    if isinstance(node, str):
        if node in values:
            return values[node]
        for sentinel, value in values.items():
            token = sentinel if isinstance(sentinel, str) else _num(sentinel)
            if token in node:
                node = node.replace(token, value if isinstance(value, str) else _num(value))
        return node
    if isinstance(node, float) and node in values:
        return values[node]
    return node


def _config(chart: alt.TopLevelMixin) -> alt.TopLevelMixin:
    return chart.configure(font="system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif").configure_axis(
        labelFontSize=12, titleFontSize=12, labelLimit=LABEL_LIMIT, titleFontWeight="normal",
    ).configure_legend(labelFontSize=12, titleFontSize=12, labelLimit=LABEL_LIMIT).configure_view(stroke=None)


def _key_filter(event_id: str, comparison_key: str) -> dict:
    return {"and": [{"field": "event_id", "equal": event_id},
                    {"field": "comparison_key", "equal": comparison_key}]}


def _js(text: str) -> str:
    """A string literal for a Vega expression."""
    return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'"


def _qualifier_sign_expr() -> str:
    cases = " : ".join(f"datum.qualifier == {_js(q)} ? {_js(s)}" for q, s in QUALIFIER_SIGNS.items())
    return f"({cases} : '')"


def value_domain(rows: list[Row]) -> tuple[float, float]:
    """From zero to a little past the largest value or bound, so open bounds have room for their arrow."""
    numbers = [r[c] for r in rows for c in ("value", "lower_bound", "upper_bound", "low", "high")
               if r.get(c) is not None]
    top = max(numbers, default=1.0) or 1.0
    low = min(numbers, default=0.0)
    return (min(0.0, low * 1.1), top * 1.15)


def figure_values_chart(templates: SpecTemplates, data: ReportData, event_id: str, comparison_key: str,
                        colour: alt.Scale, chart_id: str) -> ChartSpec:
    """One mark per outlet: its latest value, its interval (approx/range as a band, more than / at
    least / less than / at most as an open interval ending in an arrow), coloured by outlet; the
    claimant, words and sentence in the tooltip; a click opens the article at the quoted words."""
    rows = [r for r in data.comparison if r["event_id"] == event_id and r["comparison_key"] == comparison_key]
    lo, hi = value_domain(rows)
    expected = {
        VALUE_MARKS: sum(r["value"] is not None for r in rows),
        BAND_MARKS: sum(r["lower_bound"] is not None and r["upper_bound"] is not None
                        and r["lower_bound"] < r["upper_bound"] for r in rows),
        OPEN_MARKS: sum((r["lower_bound"] is None) != (r["upper_bound"] is None) for r in rows),
    }
    expected[ARROW_MARKS] = expected[OPEN_MARKS]
    spec = templates.spec("values", lambda **v: _values_layers(colour, **v),
                          event_id=event_id, comparison_key=comparison_key, lo=lo, hi=hi)
    return ChartSpec(chart_id, ("comparison",), spec, expected)


def _values_layers(colour: alt.Scale, event_id: str, comparison_key: str, lo: float, hi: float) -> alt.LayerChart:
    base = alt.Chart(alt.Data(name="comparison")).transform_filter(_key_filter(event_id, comparison_key)).transform_calculate(
        row_label="datum.copied_from_outlet ? datum.outlet + ' (copy of ' + datum.copied_from_outlet + ')' "
                  ": datum.outlet",
        value_text=f"{_qualifier_sign_expr()} + (isValid(datum.value) ? format(datum.value, '{NUMBER}') : "
                   f"format(datum.low, '{NUMBER}') + '–' + format(datum.high, '{NUMBER}'))",
        open_from=f"isValid(datum.lower_bound) ? datum.lower_bound : {_num(lo)}",
        open_to=f"isValid(datum.upper_bound) ? datum.upper_bound : {_num(hi)}",
        arrow_at=f"isValid(datum.upper_bound) ? {_num(lo)} : {_num(hi)}",
        arrow_shape="isValid(datum.upper_bound) ? 'triangle-left' : 'triangle-right'",
    )
    x_scale = alt.Scale(domain=[lo, hi], nice=False, zero=False)
    y = alt.Y("row_label:N", title=None, sort=alt.EncodingSortField("outlet"),
              axis=alt.Axis(labelLimit=LABEL_LIMIT, labelFontSize=13))
    outlet = alt.Color("outlet:N", scale=colour, legend=None)
    tooltip = [
        alt.Tooltip("outlet:N", title="outlet"),
        alt.Tooltip("surface:N", title="words"),
        alt.Tooltip("value:Q", title="value", format=NUMBER),
        alt.Tooltip("qualifier:N", title="qualifier"),
        alt.Tooltip("lower_bound:Q", title="at least", format=NUMBER),
        alt.Tooltip("upper_bound:Q", title="at most", format=NUMBER),
        alt.Tooltip("claimant:N", title="claimant"),
        alt.Tooltip("via:N", title="via"),
        alt.Tooltip("last_reported_at:T", title="reported", format=WHEN, formatType="utc"),
        alt.Tooltip("article_title:N", title="article"),
        alt.Tooltip("sentence:N", title="sentence"),
        alt.Tooltip("source_link:N", title="link"),
    ]
    bounded = "isValid(datum.lower_bound) && isValid(datum.upper_bound) && datum.lower_bound < datum.upper_bound"
    open_ended = "isValid(datum.lower_bound) != isValid(datum.upper_bound)"
    band = base.transform_filter(bounded).mark_bar(height=14, opacity=0.28, cornerRadius=3).encode(
        x=alt.X("lower_bound:Q", scale=x_scale, title=None), x2="upper_bound:Q", y=y, color=outlet,
        tooltip=tooltip, href="source_link:N").properties(name=BAND_MARKS)
    open_line = base.transform_filter(open_ended).mark_rule(strokeWidth=3, opacity=0.55).encode(
        x=alt.X("open_from:Q", scale=x_scale), x2="open_to:Q", y=y, color=outlet,
        tooltip=tooltip, href="source_link:N").properties(name=OPEN_MARKS)
    arrow = base.transform_filter(open_ended).mark_point(filled=True, size=150, opacity=0.8).encode(
        x=alt.X("arrow_at:Q", scale=x_scale), y=y, color=outlet, shape=alt.Shape("arrow_shape:N", scale=None),
        tooltip=tooltip, href="source_link:N").properties(name=ARROW_MARKS)
    point = base.transform_filter("isValid(datum.value)").mark_point(filled=True, size=130, opacity=1).encode(
        x=alt.X("value:Q", scale=x_scale, title="value reported (band: approximate, arrow: open bound)",
                axis=alt.Axis(format=NUMBER, grid=True, tickCount=6)),
        y=y, color=outlet, stroke=alt.value("#222"), strokeWidth=alt.value(0.6),
        tooltip=tooltip, href="source_link:N").properties(name=VALUE_MARKS)
    label = base.mark_text(dy=-13, fontSize=11, color="#333").encode(
        x=alt.X("value_center:Q", scale=x_scale), y=y, text="value_text:N",
    ).transform_calculate(value_center="isValid(datum.value) ? datum.value : (datum.low + datum.high) / 2")
    return alt.layer(band, open_line, arrow, point, label).properties(width=VALUES_WIDTH, height=alt.Step(ROW_STEP))


def figure_timeline_chart(templates: SpecTemplates, data: ReportData, event_id: str, comparison_key: str,
                          colour: alt.Scale, chart_id: str) -> ChartSpec:
    """Each outlet's successive values for the quantity (revisions, updates, later articles), in time. A
    vague or range figure ("des centaines") is drawn at its middle with a line across its bounds."""
    rows = [r for r in data.timeline if r["event_id"] == event_id and r["comparison_key"] == comparison_key]
    ranged = any(r["value"] is None and r["low"] is not None and r["high"] is not None for r in rows)
    expected = {STEP_MARKS: sum(r["reported_at"] is not None and (
        r["value"] is not None or (r["low"] is not None and r["high"] is not None)) for r in rows)}
    spec = templates.spec(f"timeline-ranged-{ranged}", lambda **v: _timeline_layers(colour, ranged, **v),
                          event_id=event_id, comparison_key=comparison_key)
    return ChartSpec(chart_id, ("timeline",), spec, expected)


def _timeline_layers(colour: alt.Scale, ranged: bool, event_id: str, comparison_key: str) -> alt.LayerChart:
    base = alt.Chart(alt.Data(name="timeline")).transform_filter(_key_filter(event_id, comparison_key)).transform_calculate(
        shown_value="isValid(datum.value) ? datum.value : "
                    "(isValid(datum.low) && isValid(datum.high) ? (datum.low + datum.high) / 2 : null)",
    ).transform_filter("isValid(datum.reported_at) && isValid(datum.shown_value)")
    x = alt.X("reported_at:T", title=None, scale=alt.Scale(type="utc"),
              axis=alt.Axis(format="%d %b %H:%M", labelAngle=0, tickCount=4, labelOverlap="greedy", labelSeparation=8))
    y = alt.Y("shown_value:Q", title="value", scale=alt.Scale(zero=True), axis=alt.Axis(format=NUMBER, tickCount=5))
    outlet = alt.Color("outlet:N", scale=colour, title="outlet", legend=alt.Legend(orient="right"))
    tooltip = [
        alt.Tooltip("outlet:N"), alt.Tooltip("step:Q"), alt.Tooltip("revision:Q"),
        alt.Tooltip("surface:N", title="words"), alt.Tooltip("value:Q", format=NUMBER),
        alt.Tooltip("low:Q", format=NUMBER), alt.Tooltip("high:Q", format=NUMBER),
        alt.Tooltip("previous_value:Q", title="previous", format=NUMBER),
        alt.Tooltip("change:Q", format="+,~f"), alt.Tooltip("claimant:N"),
        alt.Tooltip("is_syndicated_copy:N", title="copy"),
        alt.Tooltip("reported_at:T", title="reported", format=WHEN, formatType="utc"),
        alt.Tooltip("sentence:N"), alt.Tooltip("source_link:N", title="link"),
    ]
    line = base.mark_line(strokeWidth=2, opacity=0.6, interpolate="step-after").encode(
        x=x, y=y, color=outlet, detail="outlet:N")
    spread = base.transform_filter("!isValid(datum.value)").mark_rule(strokeWidth=2, opacity=0.5).encode(
        x=x, y="low:Q", y2="high:Q", color=outlet)
    steps = base.mark_point(filled=True, size=80).encode(
        x=x, y=y, color=outlet, shape=alt.Shape("is_syndicated_copy:N", legend=None,
                                                scale=alt.Scale(domain=[False, True], range=["circle", "diamond"])),
        tooltip=tooltip, href="source_link:N").properties(name=STEP_MARKS)
    layers = [line, spread, steps] if ranged else [line, steps]
    return alt.layer(*layers).properties(width=TIMELINE_WIDTH, height=150)


DIVERGENCE_KINDS = ["agrees with the others", "in between", "highest", "lowest"]
DIVERGENCE_COLOURS = ["#c9d6e3", "#f2b447", "#d6604d", "#4393c3"]


def divergence_chart(data: ReportData, colour: alt.Scale, chart_id: str) -> ChartSpec:
    """Per outlet: of the quantities other outlets also reported, how many it gives the same value as
    them, a value in between, the highest or the lowest; and how far it is from their median."""
    base = alt.Chart(alt.Data(name="divergence"))
    y = alt.Y("outlet:N", title=None, sort=alt.EncodingSortField("outlet"))
    shares = base.transform_calculate(**{
        DIVERGENCE_KINDS[0]: "datum.keys_compared - datum.keys_differing",
        DIVERGENCE_KINDS[1]: "datum.keys_differing - datum.keys_highest - datum.keys_lowest",
        DIVERGENCE_KINDS[2]: "datum.keys_highest",
        DIVERGENCE_KINDS[3]: "datum.keys_lowest",
    }).transform_fold(DIVERGENCE_KINDS, as_=["how", "quantities"]).transform_calculate(
        how_order=" : ".join(f"datum.how == {_js(k)} ? {i}" for i, k in enumerate(DIVERGENCE_KINDS)) + " : 9",
    ).mark_bar().encode(
        x=alt.X("quantities:Q", title="quantities also reported by other outlets", stack="zero",
                axis=alt.Axis(tickMinStep=1)),
        y=y,
        color=alt.Color("how:N", title="its latest value is", sort=DIVERGENCE_KINDS,
                        scale=alt.Scale(domain=DIVERGENCE_KINDS, range=DIVERGENCE_COLOURS),
                        legend=alt.Legend(orient="bottom", columns=2)),
        order=alt.Order("how_order:Q"),
        tooltip=["outlet:N", "how:N", "quantities:Q", alt.Tooltip("keys_compared:Q", title="compared"),
                 alt.Tooltip("share_differing:Q", title="share differing", format=".0%")],
    ).properties(width=380, height=alt.Step(30), name=DIVERGENCE_MARKS, title="how often it differs")
    gap = base.mark_bar().encode(
        x=alt.X("mean_relative_gap:Q", title="mean distance from the others' median", axis=alt.Axis(format=".0%")),
        y=y, color=alt.Color("outlet:N", scale=colour, legend=None),
        tooltip=["outlet:N", alt.Tooltip("mean_relative_gap:Q", title="mean gap", format=".1%"),
                 alt.Tooltip("max_relative_gap:Q", title="largest gap", format=".1%"),
                 alt.Tooltip("keys_with_inconsistent_bounds:Q", title="incompatible bounds")],
    ).properties(width=300, height=alt.Step(30), name=GAP_MARKS, title="how far")
    chart = alt.hconcat(shares, gap, spacing=40).resolve_scale(color="independent")
    expected = {DIVERGENCE_MARKS: len(DIVERGENCE_KINDS) * len(data.divergence),
                GAP_MARKS: sum(r["mean_relative_gap"] is not None for r in data.divergence)}
    return ChartSpec(chart_id, ("divergence",), _to_spec(chart), expected)


def claimants_chart(data: ReportData, chart_id: str) -> ChartSpec:
    """Who each outlet cites, and for how many figures (all events and quantities together)."""
    cells = {(r["claimant_name"], r["outlet"]) for r in data.claimants}
    base = alt.Chart(alt.Data(name="claimants")).transform_aggregate(
        figures="sum(figures)", quantities="distinct(comparison_key)", groupby=["claimant_name", "outlet"])
    x = alt.X("outlet:N", title=None, axis=alt.Axis(orient="top", labelAngle=0))
    y = alt.Y("claimant_name:N", title=None, sort=alt.EncodingSortField("figures", op="sum", order="descending"))
    heat = base.mark_rect(cornerRadius=2).encode(
        x=x, y=y, color=alt.Color("figures:Q", title="figures cited", scale=alt.Scale(scheme="blues"),
                                  legend=alt.Legend(orient="right")),
        tooltip=[alt.Tooltip("claimant_name:N", title="claimant"), "outlet:N", "figures:Q",
                 alt.Tooltip("quantities:Q", title="quantities")],
    ).properties(name=CLAIMANT_MARKS)
    text = base.mark_text(fontSize=11).encode(
        x=x, y=y, text="figures:Q",
        color=alt.condition("datum.figures > 4", alt.value("white"), alt.value("#222")))
    chart = alt.layer(heat, text).properties(width=alt.Step(110), height=alt.Step(22))
    return ChartSpec(chart_id, ("claimants",), _to_spec(chart), {CLAIMANT_MARKS: len(cells)})


def scrape_health_chart(data: ReportData, colour: alt.Scale, chart_id: str) -> ChartSpec:
    """Per run and outlet: items scraped, fetch errors, and the run's status, oldest run on the left."""
    base = alt.Chart(alt.Data(name="scrape_health"))
    def x(with_axis: bool) -> alt.X:
        return alt.X("run_id:O", title="run" if with_axis else None, sort="ascending",
                     axis=alt.Axis(labelAngle=-30, labelLimit=200) if with_axis else None)

    tooltip = ["outlet:N", "run_id:N", alt.Tooltip("started_at:T", title="started", format=WHEN, formatType="utc"),
               alt.Tooltip("items_scraped:Q", title="items"), alt.Tooltip("articles_loaded:Q", title="articles loaded"),
               alt.Tooltip("fetch_errors:Q", title="errors"), alt.Tooltip("requests:Q"),
               alt.Tooltip("sources:Q"), alt.Tooltip("status:N"), alt.Tooltip("rules_broken:N", title="rules broken")]

    def series(field_name: str, title: str, mark_name: str, legend: bool) -> alt.LayerChart:
        y = alt.Y(f"{field_name}:Q", title=title, axis=alt.Axis(tickMinStep=1))
        outlet = alt.Color("outlet:N", scale=colour, title="outlet",
                           legend=alt.Legend(orient="right") if legend else None)
        line = base.mark_line(strokeWidth=2, opacity=0.6).encode(x=x(False), y=y, color=outlet, detail="outlet:N")
        points = base.mark_point(filled=True, size=70).encode(
            x=x(False), y=y, color=outlet, tooltip=tooltip).properties(name=mark_name)
        return alt.layer(line, points).properties(width=720, height=130)

    status_domain = sorted({r["status"] for r in data.scrape_health} | set(STATUS_COLOURS))
    status = base.mark_rect(cornerRadius=2, stroke="white").encode(
        x=x(True), y=alt.Y("outlet:N", title=None),
        color=alt.Color("status:N", title="status", scale=alt.Scale(
            domain=status_domain, range=[STATUS_COLOURS.get(s, OTHER_STATUS_COLOUR) for s in status_domain])),
        tooltip=tooltip,
    ).properties(width=720, height=alt.Step(20), name=STATUS_MARKS)
    chart = alt.vconcat(series("items_scraped", "items scraped", ITEMS_MARKS, True),
                        series("fetch_errors", "fetch errors", ERRORS_MARKS, False), status, spacing=12
                        ).resolve_scale(color="independent")
    n = len(data.scrape_health)
    return ChartSpec(chart_id, ("scrape_health",), _to_spec(chart),
                     {ITEMS_MARKS: n, ERRORS_MARKS: n, STATUS_MARKS: n})
