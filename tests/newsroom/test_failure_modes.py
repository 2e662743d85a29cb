"""Failure modes (issue 6): an outlet host switched to 500 / empty / layout / slow, at start or at runtime."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pytest
from lxml import etree, html
from newsroom_http import admin, fetch

from figurewire.newsroom.server import MODES, serve_newsroom

RT_FEED = "http://rt.newsroom.test/fr/rss.xml"
RT_PAGE = "http://rt.newsroom.test/fr/international/31240-choigou-bilan-frappes-syrie/"
SAFE = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)


def test_mode_given_at_start_hits_only_that_host():
    with serve_newsroom(modes={"rt.newsroom.test": "500"}) as base:
        assert [fetch(base, u).status for u in (RT_FEED, RT_PAGE, "http://rt.newsroom.test/robots.txt")] == [500] * 3
        assert fetch(base, "http://sputnik.newsroom.test/fr/rss.xml").status == 200
        assert admin(base, "/_admin/mode")["modes"] == {"rt.newsroom.test": "500"}


def test_modes_switch_at_runtime():
    with serve_newsroom() as base:
        normal_feed, normal_page = fetch(base, RT_FEED), fetch(base, RT_PAGE)
        assert len(etree.fromstring(normal_feed.body, SAFE).findall("channel/item")) == 8

        assert admin(base, "/_admin/mode?host=rt.newsroom.test&mode=empty", "POST")["modes"] == {
            "rt.newsroom.test": "empty"}
        empty = fetch(base, RT_FEED)
        assert empty.status == 200 and etree.fromstring(empty.body, SAFE).findall("channel/item") == []
        assert empty.headers["ETag"] != normal_feed.headers["ETag"]
        assert fetch(base, RT_FEED, headers={"If-None-Match": normal_feed.headers["ETag"]}).status == 200

        admin(base, "/_admin/mode?host=rt.newsroom.test&mode=layout", "POST")
        changed = html.fromstring(fetch(base, RT_PAGE).body)
        assert html.fromstring(normal_page.body).xpath("//h1/text()") == [
            "Choïgou : l'aviation russe a effectué plus de 71 000 frappes en Syrie"]
        assert (changed.xpath("//h1"), changed.xpath("//p"), changed.xpath("//meta[@property]")) == ([], [], [])
        assert changed.findtext(".//title") == "rt.newsroom.test"
        assert fetch(base, RT_FEED).body == normal_feed.body  # layout mode leaves feeds alone

        admin(base, "/_admin/mode?host=rt.newsroom.test&mode=500", "POST")
        assert fetch(base, RT_FEED).status == 500
        admin(base, "/_admin/mode?host=rt.newsroom.test&mode=ok", "POST")
        assert fetch(base, RT_FEED).body == normal_feed.body
        assert admin(base, "/_admin/mode")["modes"] == {}


def test_slow_mode_outlasts_a_client_timeout_and_still_stops_fast():
    with serve_newsroom(modes={"levantpost.newsroom.test": "slow"}) as base:
        started = time.monotonic()
        with pytest.raises(TimeoutError):
            fetch(base, "http://levantpost.newsroom.test/feed.xml", timeout=1.0)
        assert 0.9 < time.monotonic() - started < 2.0
        assert fetch(base, "http://rt.newsroom.test/robots.txt", timeout=1.0).status == 200
        leaving = time.monotonic()
    assert time.monotonic() - leaving < 1.0


def test_bad_mode_requests_are_refused():
    with serve_newsroom() as base:
        bad_mode = fetch(base, "/_admin/mode?host=rt.newsroom.test&mode=melt", method="POST")
        bad_host = fetch(base, "/_admin/mode?host=bbc.newsroom.test&mode=500", method="POST")
        assert (bad_mode.status, bad_host.status) == (400, 400)
        assert b"unknown mode 'melt'" in bad_mode.body and b"unknown host 'bbc.newsroom.test'" in bad_host.body
    with pytest.raises(ValueError, match="unknown mode"):
        with serve_newsroom(modes={"rt.newsroom.test": "down"}):
            pass
    assert set(MODES) == {"ok", "500", "empty", "layout", "slow"}


def test_command_line_serves_until_interrupted():
    proc = subprocess.Popen([sys.executable, "-m", "figurewire.newsroom.server", "--mode",
                             "sputnik.newsroom.test=empty"], stdout=subprocess.PIPE, text=True)
    try:
        first = proc.stdout.readline()
        assert first.startswith("Sample newsroom at http://127.0.0.1:")
        base = first.split()[3]
        lines = [proc.stdout.readline() for _ in range(7)]
        assert f"  curl -x {base} http://rt.newsroom.test/fr/rss.xml\n" in lines
        feed = etree.fromstring(fetch(base, "http://sputnik.newsroom.test/fr/rss.xml").body, SAFE)
        assert feed.findall("channel/item") == []
        proc.send_signal(signal.SIGINT)
        assert proc.wait(timeout=20) == 0  # a liveness bound, generous for a loaded 2-core machine
        assert proc.stdout.read() == "stopped\n"
    finally:
        if proc.poll() is None:
            os.kill(proc.pid, signal.SIGKILL)
