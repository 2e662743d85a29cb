"""Short property-based fuzzing, part of `make test` (a few seconds); `make fuzz` runs the long version."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from strategies import langs, mutated, news_text, number_text
from targets import BYTES_TARGETS, check_extract, check_number

# Derandomized and without an example database: the same inputs every run, so `make test` is not flaky;
# the long randomized search is `make fuzz`.
QUICK = settings(max_examples=40, deadline=None, derandomize=True, database=None,
                 suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


@QUICK
@given(number_text(), langs)
def test_number_parser_never_crashes_and_gives_finite_values(text, lang):
    check_number(text, lang)


@QUICK
@given(news_text(), langs)
def test_extractor_offsets_always_point_at_their_surface(text, lang):
    check_extract(text, lang)


@pytest.mark.parametrize("target", sorted(BYTES_TARGETS))
def test_byte_parsers_parse_or_refuse_with_a_recorded_kind(target):
    @QUICK
    @given(mutated(target))
    def run(body):
        BYTES_TARGETS[target](body)

    run()
