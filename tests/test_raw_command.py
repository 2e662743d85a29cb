"""`figurewire raw`: a kept response body read back from its crawl's raw file, by raw id or URL, on the
session's real sample run."""

from __future__ import annotations

from figurewire import cli
from scrapers.staging import raw_id_for
from warehouse.query import run_sql


def _raw(capfdbinary, sample_runs, *args) -> tuple[int, bytes, bytes]:
    code = cli.main(["raw", *args, "--data-dir", str(sample_runs.data.root)])
    out, err = capfdbinary.readouterr()
    return code, out, err


def test_a_body_is_read_back_by_raw_id_and_by_url(sample_runs, capfdbinary):
    _, rows = run_sql(sample_runs.warehouse, """
        select s.raw_id, s.url, a.title from articles a join raw_snapshots s using (raw_id)
        where s.url = (select url from raw_snapshots where url like '%levant%' and status = 200
                       and raw_id in (select raw_id from articles) order by url limit 1)
        order by s.fetched_at desc limit 1""")
    [(raw_id, url, title)] = rows
    code, by_id, _ = _raw(capfdbinary, sample_runs, raw_id[:12])
    assert code == 0 and raw_id_for(url, by_id) == raw_id
    assert title.split()[0].encode() in by_id
    code, by_url, _ = _raw(capfdbinary, sample_runs, url)
    assert code == 0 and by_url == by_id
    code, headers, _ = _raw(capfdbinary, sample_runs, raw_id, "--headers")
    assert code == 0 and headers.decode().startswith(f"200 {url}\nfetched ")
    assert f"raw_id {raw_id}" in headers.decode() and b"content-type: text/html" in headers.lower()


def test_an_unknown_key_says_so_and_exits_2(sample_runs, capfdbinary):
    code, out, err = _raw(capfdbinary, sample_runs, "http://nowhere.test/none")
    assert (code, out) == (2, b"") and b"no raw response kept for 'http://nowhere.test/none'" in err
    assert _raw(capfdbinary, sample_runs, "0123")[0] == 2
