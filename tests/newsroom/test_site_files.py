"""The static site: generated files in sync, feeds well-formed, expected.json true to the files."""

from __future__ import annotations

from collections import Counter

from lxml import etree, html

from figurewire.newsroom import sitegen
from figurewire.newsroom.faults import FAULTS
from figurewire.newsroom.server import OVERSIZED_BYTES, SAMPLE_DOWNLOAD_MAXSIZE, site_dir
from figurewire.records import ERROR_KINDS, load_sources

SAFE = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
G2 = "{http://iptc.org/std/nar/2006-10-01/}"


def test_committed_site_matches_the_generator(tmp_path):
    rendered = sitegen.render_site()
    on_disk = {p.relative_to(site_dir()).as_posix(): p.read_bytes() for p in site_dir().rglob("*") if p.is_file()}
    assert sorted(on_disk) == sorted(rendered)
    stale = [path for path, data in rendered.items() if on_disk[path] != data]
    assert stale == [], "run python -m figurewire.newsroom.sitegen"
    assert sitegen.write(tmp_path / "site", tmp_path / "expected.json") and \
        (tmp_path / "expected.json").read_text(encoding="utf-8") == sitegen.EXPECTED_JSON.read_text(encoding="utf-8")


def test_every_feed_and_wire_item_is_well_formed_except_the_declared_ones():
    broken = {}
    for path in sorted(site_dir().rglob("*.xml")):
        try:
            etree.fromstring(path.read_bytes(), SAFE)
        except etree.XMLSyntaxError as exc:
            broken[path.relative_to(site_dir()).as_posix()] = str(exc)
    assert sorted(broken) == ["faults.newsroom.test/bomb.xml", "faults.newsroom.test/malformed.xml"]
    assert b"<!ENTITY lol9" in (site_dir() / "faults.newsroom.test/bomb.xml").read_bytes()


def test_feeds_use_their_standard_vocabularies():
    rt = etree.fromstring((site_dir() / "rt.newsroom.test/fr/rss.xml").read_bytes(), SAFE)
    item = rt.find("channel/item")
    assert rt.get("version") == "2.0"
    assert item.find("{http://purl.org/dc/elements/1.1/}creator").text == "RT France"
    assert item.find("enclosure").get("type") == "image/gif"
    assert item.find("{http://search.yahoo.com/mrss/}content") is not None
    assert item.find("guid").get("isPermaLink") == "true"
    assert "?utm_source=rss" in item.find("link").text and "?" not in item.find("guid").text
    sitemap = etree.fromstring((site_dir() / "sputnik.newsroom.test/sitemap-news.xml").read_bytes(), SAFE)
    news = "{http://www.google.com/schemas/sitemap-news/0.9}"
    assert len(sitemap) == 5
    assert {u.find(f"{news}news/{news}publication/{news}language").text for u in sitemap} == {"en"}
    assert sitemap[0].find(f"{news}news/{news}publication/{news}name").text == "Sputnik International"
    atom = etree.fromstring((site_dir() / "afp.newsroom.test/wire/index.xml").read_bytes(), SAFE)
    assert len(atom.findall("{http://www.w3.org/2005/Atom}entry")) == 13


def _title_in_file(article: dict, charsets: dict[str, str]) -> str:
    data = (site_dir() / article["site_path"]).read_bytes()
    if article["format"] == "g2":
        return etree.fromstring(data, SAFE).find(f"{G2}contentMeta/{G2}headline").text
    if article["format"] == "nml12":
        return etree.fromstring(data, SAFE).find("NewsItem/NewsComponent/NewsLines/HeadLine").text
    doc = html.fromstring(data.decode(charsets.get(article["url"], "utf-8")))
    return doc.xpath("//meta[@property='og:title']/@content")[0]


def test_expected_articles_match_the_files(expected):
    articles = expected["articles"]
    assert len(articles) == expected["article_count"] == 52
    assert expected["distinct_articles"] == 51
    assert len(articles) >= 40
    assert Counter(a["lang"] for a in articles) == {"fr": 32, "en": 17, "es": 1, "de": 1, "ru": 1}
    assert {a["feed_kind"] for a in articles} == {"rss", "newsml", "sitemap"}
    charsets = {e["url"]: e["charset"] for e in expected["encoding_pages"]}
    for article in articles:
        assert _title_in_file(article, charsets) == article["title"], article["site_path"]
        assert article["published_at"].endswith("+00:00")
    by_source = Counter(a["source_id"] for a in articles)
    assert by_source == expected["articles_per_source"]
    source_ids = {s.id for s in load_sources(sitegen.HERE / "sources.toml")}
    assert set(by_source) <= source_ids


def test_revisions_syndication_and_the_drop_folder_duplicate(expected):
    bilan = [a for a in expected["articles"] if a["story_key"] == "urn:newsml:afp.com:20161221:TX-PAR-HBN12"]
    assert [(a["revision"], a["title"]) for a in bilan] == [
        (1, "Alep : près de 25 000 personnes évacuées, selon le CICR"),
        (2, "Alep : près de 34 000 personnes évacuées, selon le CICR")]
    assert bilan[1]["updated_at"] == "2016-12-22T09:15:00+00:00" > bilan[0]["published_at"]
    assert [r["winner"] for r in expected["revisions"]] == [2, 2]
    [copy] = expected["syndicated"]
    assert copy["original"]["story_key"] == "urn:newsml:afp.com:20161222:TX-PAR-HBP03"
    [dup] = expected["same_item_two_sources"]
    assert dup["sources"] == ["afp-wire", "afp-drop"]
    drop = (site_dir() / "afp-drop/20161222-aleppo-34000-en.xml").read_bytes()
    assert drop == (site_dir() / "afp.newsroom.test/wire/items/20161222-aleppo-34000-en.xml").read_bytes()
    alerts = [a for a in expected["articles"] if a["is_alert"]]
    assert [(a["paragraphs"], a["published_at"]) for a in alerts] == [(1, "2016-12-22T18:02:00+00:00")]


def test_timestamps_mix_offsets_and_convert_to_utc(expected):
    by_key = {a["site_path"]: a for a in expected["articles"]}
    assert by_key["rt.newsroom.test/fr/international/31240-choigou-bilan-frappes-syrie/index.html"][
        "published_at"] == "2016-12-22T09:40:00+00:00"
    assert by_key["afp.newsroom.test/wire/items/20161215-alep-debut-evacuation.xml"][
        "published_at"] == "2016-12-15T10:20:00+00:00"
    nml = (site_dir() / "afp.newsroom.test/wire/items/20161222-moscou-frappes-v2.xml").read_text()
    assert "<ThisRevisionCreated>20161222T150500+0100</ThisRevisionCreated>" in nml


def test_faults_use_the_error_vocabulary(expected):
    assert expected["faults"] == FAULTS
    assert {f["kind"] for f in FAULTS} <= set(ERROR_KINDS)
    assert Counter(f["kind"] for f in FAULTS) == {
        "http_error": 2, "truncated": 2, "hostile_xml": 2, "timeout": 1, "redirect_loop": 1, "too_large": 1,
        "robots_disallowed": 1, "malformed_xml": 1, "empty_feed": 1, "duplicate_guid": 1}
    assert expected["oversized_bytes"] == OVERSIZED_BYTES > SAMPLE_DOWNLOAD_MAXSIZE == 2 * 1024 * 1024
    assert [(e["charset"], e["declared_in"]) for e in expected["encoding_pages"]] == [
        ("windows-1251", "header"), ("iso-8859-1", "meta")]
