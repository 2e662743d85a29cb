"""Number reading: digit groups in every space style, decimals, scales, words; property tests round-trip."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from transforms.numbers import format_number, normalize_digits, parse_digits, parse_number, parse_words

CASES = [
    ("71.000", "fr", 71000),
    ("1 500", "fr", 1500),
    ("34\u00a0000", "fr", 34000),
    ("34\u202f000", "fr", 34000),
    ("1\u2009350", "fr", 1350),
    ("1,500", "en", 1500),
    ("2,5 millions", "fr", 2_500_000),
    ("1.5 million", "en", 1_500_000),
    ("1,9 milliard", "fr", 1_900_000_000),
    ("1,089 million", "fr", 1_089_000),
    ("3.2 billion", "en", 3_200_000_000),
    ("6,8", "fr", 6.8),
    ("27.25", "en", 27.25),
    ("trente-cinq mille", "fr", 35000),
    ("thirty-five", "en", 35),
    ("six", "fr", 6),
    ("Cent quinze", "fr", 115),
    ("One hundred and fifteen", "en", 115),
    ("une vingtaine", "fr", 20),
    ("٣٤", "fr", 34),
    ("١٢٠٠", "en", 1200),
]


@pytest.mark.parametrize("expr,lang,value", CASES)
def test_parse_number(expr, lang, value):
    assert parse_number(expr, lang) == value


def test_arabic_indic_digits_keep_offsets():
    text = "قتل ٣٥ شخصا"
    assert len(normalize_digits(text)) == len(text)
    assert normalize_digits(text) == "قتل 35 شخصا"


def test_ambiguous_groups_follow_language():
    assert parse_digits("1,500", "en") == 1500
    assert parse_digits("1,5", "fr") == 1.5
    assert parse_digits("10.000", "fr") == 10000
    assert parse_digits("4.9", "fr") == 4.9


def test_words_reject_article_phrases():
    assert parse_words("un deux", "fr") is None
    assert parse_words("one", "en") == 1


STYLES = ["fr_space", "fr_nbsp", "fr_nnbsp", "fr_thin", "fr_dot", "en_comma", "plain"]


@settings(max_examples=300, deadline=None)
@given(st.integers(min_value=0, max_value=10**12), st.sampled_from(STYLES))
def test_any_integer_in_any_group_style_parses_back(n, style):
    lang = "en" if style == "en_comma" else "fr"
    assert parse_number(format_number(n, style), lang) == n


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=1, max_value=999_999), st.sampled_from(["fr_million", "en_million"]))
def test_millions_with_decimals_parse_back(thousands, style):
    value = thousands * 1000
    lang = "fr" if style.startswith("fr") else "en"
    assert parse_number(format_number(value, style), lang) == value
