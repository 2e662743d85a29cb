"""What Airflow does when a crawl task is retried or cleared: the same task runs again for the same run.

The retry must succeed and leave the batch as one successful attempt would (issue 9: "a task retried
after a failure produces the same rows as a first-time success").
"""

from __future__ import annotations

import json

import pytest

from figurewire import pipeline
from figurewire.layout import ARTICLES, DataLayout

pytestmark = [pytest.mark.airflow, pytest.mark.e2e]

STAGING_RUN = "20260101T000000Z-a1rf10"


def test_rerunning_a_crawl_task_for_the_same_run_succeeds_with_the_same_batch(tmp_path):
    first = pipeline.crawl_source("rt-fr", STAGING_RUN, data_dir=tmp_path)
    batch = DataLayout.at(tmp_path).batch_dir(STAGING_RUN, "rt-fr") / ARTICLES
    ids_first = sorted(json.loads(line)["article_id"] for line in batch.read_text().splitlines())
    again = pipeline.crawl_source("rt-fr", STAGING_RUN, data_dir=tmp_path)
    ids_again = sorted(json.loads(line)["article_id"] for line in batch.read_text().splitlines())
    assert first["items"] == 8
    assert again["errors"] == first["errors"]
    assert ids_again == ids_first
