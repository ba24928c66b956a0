"""`warwire serve` pages through Datasette's test client: each page, its JSON twin, escaping."""

from __future__ import annotations

import asyncio
import sqlite3

import pytest
from click.testing import CliRunner
from fixture_store import BAD_URL, IMG, SCRIPT, build_demo_store

from warwire.cli import cli
from warwire.web.app import ServeOptions, build_datasette
from warwire.web.metadata import DATABASE

#: Every page a user can reach that shows article text (the escaping test walks them all).
TEXT_PAGES = [
    "/",
    "/warwire",
    "/warwire/events",
    "/warwire/mentions",
    "/warwire/mentions?_search=civilians",
    "/warwire/documents",
    "/warwire/documents/d_demo_b",
    "/warwire/claims",
    "/warwire/links",
    "/-/warwire/event/ev_demo_strikes",
    "/-/warwire/event/ev_demo_drones",
    "/-/warwire/timeline",
]


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    return build_demo_store(tmp_path_factory.mktemp("web") / "demo.db")


@pytest.fixture(scope="module")
def ds(demo):
    return build_datasette(ServeOptions(db=demo.path, tiles="http://127.0.0.1:9/tiles/{z}/{x}/{y}.png"))


def get(ds, path: str):  # type: ignore[no-untyped-def]
    return asyncio.run(ds.client.get(path))


def test_web_index_has_metadata_and_links(ds):
    r = get(ds, "/")
    assert r.status_code == 200
    assert "Escalation timeline" in r.text and "/-/warwire/timeline" in r.text
    index = get(ds, "/.json").json()
    assert index[DATABASE]["tables_count"] >= 6
    meta = get(ds, "/-/metadata.json").json()
    tables = meta["databases"][DATABASE]["tables"]
    assert "real-world event" in tables["events"]["description"]
    assert tables["events"]["columns"]["fatalities_best"]
    assert tables["mentions"]["columns"]["sentence_text"]
    assert meta["license"] and meta["source"]
    # The store is the only database: no empty _memory database on the index.
    assert [d["name"] for d in get(ds, "/-/databases.json").json()] == [DATABASE]


def test_web_events_table_has_facets_map_and_event_links(ds):
    data = get(ds, "/warwire/events.json").json()
    assert set(data["facet_results"]) == {"type", "country", "actor1_name", "date"}
    types = {r["value"]: r["count"] for r in data["facet_results"]["type"]["results"]}
    assert types == {"ASSAULT": 4, "PROTEST": 1, "COERCE": 1}
    html = get(ds, "/warwire/events").text
    assert "datasette-cluster-map.js" in html
    # The --tiles URL reaches the cluster map, so an offline user can point it at local tiles.
    assert 'DATASETTE_CLUSTER_MAP_TILE_LAYER = "http://127.0.0.1:9/tiles/{z}/{x}/{y}.png"' in html
    assert 'href="/-/warwire/event/ev_demo_strikes"' in html
    row = get(ds, "/warwire/events/ev_demo_strikes").text
    assert "Open the event page" in row


def test_web_event_page_quotes_claims_and_links(ds, demo):
    r = get(ds, "/-/warwire/event/ev_demo_strikes")
    assert r.status_code == 200
    html = r.text
    # Three reports, each highlighted in its paragraph.
    assert html.count('<article class="ww-quote">') == 3
    assert '<mark class="trigger">air strikes</mark>' in html
    assert '<mark class="quote">The ministry said the strikes <mark class="trigger">killed</mark> 12 fighters.</mark>' in html
    # Claims side by side: the ministry's 12 against the militia's 4 and 9 injured.
    assert html.count('<section class="ww-claim">') == 2
    assert "Defence Ministry" in html and "militia spokesman" in html
    assert '<dd class="ww-killed">12</dd>' in html and '<dd class="ww-killed">4</dd>' in html
    # Cause link backwards (rocket attack) and forwards (drone attack), and the chain.
    assert "in retaliation for" in html and 'href="/-/warwire/event/ev_demo_rocket"' in html
    assert 'href="/-/warwire/event/ev_demo_drones"' in html
    assert 'id="ww-event-map"' in html


def test_web_event_json_twin_matches_the_page(ds, demo):
    data = get(ds, "/-/warwire/event/ev_demo_strikes.json").json()
    assert data["event"]["event_id"] == "ev_demo_strikes"
    assert "data" not in data["event"]
    assert [q["mention_id"] for q in data["quotes"]] == ["m_a2", "m_a3", "m_b1"]
    store = sqlite3.connect(demo.path)
    try:
        for q in data["quotes"]:
            (original,) = store.execute(
                "SELECT original FROM documents WHERE doc_id = ?", [q["doc_id"]]
            ).fetchone()
            p = q["passage"]
            assert original[p["start"] : p["end"]] == p["text"]
            assert original[p["trigger"]["start"] : p["trigger"]["end"]] == q["trigger_text"]
            assert p["quote"]["text"] == q["sentence_text"]
    finally:
        store.close()
    assert sorted((c["claimant"], c["killed"]) for c in data["claims"]) == [
        ("Defence Ministry", 12),
        ("militia spokesman", 4),
    ]
    assert [l["cause_event_id"] for l in data["caused_by"]] == ["ev_demo_rocket"]
    assert [l["event_id"] for l in data["led_to"]] == ["ev_demo_drones"]
    assert [e["event_id"] for e in data["chain"]] == ["ev_demo_rocket", "ev_demo_strikes", "ev_demo_drones"]


def test_web_event_without_coordinates(ds):
    html = get(ds, "/-/warwire/event/ev_demo_arrests").text
    assert "no coordinates" in html and 'id="ww-event-map"' not in html
    assert "No source gives casualty figures" in html


def test_web_unknown_event_is_404(ds):
    assert get(ds, "/-/warwire/event/ev_nope").status_code == 404
    r = get(ds, "/-/warwire/event/ev_nope.json")
    assert r.status_code == 404 and r.json()["ok"] is False


def test_web_timeline_draws_the_retaliation_chain(ds):
    html = get(ds, "/-/warwire/timeline").text
    assert html.index('data-event-id="ev_demo_rocket" data-depth="0"') < html.index(
        'data-event-id="ev_demo_strikes" data-depth="1"'
    ) < html.index('data-event-id="ev_demo_drones" data-depth="2"')
    assert "in retaliation for" in html and "in response to" in html
    data = get(ds, "/-/warwire/timeline.json").json()
    assert [e["event_id"] for e in data["events"]] == [
        "ev_demo_clash", "ev_demo_rocket", "ev_demo_strikes", "ev_demo_drones",
        "ev_demo_arrests", "ev_demo_protest",
    ]
    (chain,) = data["chains"]
    assert [(i["event"]["event_id"], i["depth"]) for i in chain] == [
        ("ev_demo_rocket", 0), ("ev_demo_strikes", 1), ("ev_demo_drones", 2),
    ]
    assert chain[1]["link"]["cue"] == "in retaliation for"
    assert data["truncated"] is False


def test_web_timeline_filters(ds):
    only = get(ds, "/-/warwire/timeline.json?chains_only=1").json()
    assert {e["event_id"] for e in only["events"]} == {"ev_demo_rocket", "ev_demo_strikes", "ev_demo_drones"}
    since = get(ds, "/-/warwire/timeline.json?since=2024-03-05&type=ASSAULT").json()
    assert [e["event_id"] for e in since["events"]] == ["ev_demo_drones"]
    until = get(ds, "/-/warwire/timeline.json?until=2024-03&limit=2").json()
    assert len(until["events"]) == 2 and until["truncated"] is True


def test_web_full_text_search_over_mentions(ds):
    rows = get(ds, "/warwire/mentions.json?_search=retaliation&_shape=array").json()
    assert [r["mention_id"] for r in rows] == ["m_a2"]
    rows = get(ds, "/warwire/mentions.json?_search=drones&_shape=array").json()
    assert {r["mention_id"] for r in rows} == {"m_b2", "m_c1"}


@pytest.mark.parametrize("path", TEXT_PAGES)
def test_web_article_text_is_escaped_everywhere(ds, path):
    r = get(ds, path)
    assert r.status_code == 200
    assert SCRIPT not in r.text and "alert(1)</script>" not in r.text
    assert IMG not in r.text and "<img src=x" not in r.text
    assert f'href="{BAD_URL}"' not in r.text


def test_web_event_page_shows_hostile_text_as_text(ds):
    html = get(ds, "/-/warwire/event/ev_demo_strikes").text
    # Only http(s) document URLs become links; the javascript: one does not.
    assert 'href="https://courier.example/erbil-rockets"' in html
    assert BAD_URL not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=&#34;alert(2)&#34;&gt;" in html


def test_web_store_is_read_only(ds):
    db = ds.get_database(DATABASE)
    with pytest.raises(sqlite3.OperationalError):
        asyncio.run(db.execute("DELETE FROM sources"))
    assert get(ds, "/warwire.json?sql=delete+from+sources").status_code == 400


def test_web_serve_refuses_a_missing_store(tmp_path):
    result = CliRunner().invoke(cli, ["serve", "--db", str(tmp_path / "none.db")])
    assert result.exit_code == 2
    assert "no warwire store" in result.output


def test_web_metadata_file_overrides_tiles_for_both_maps(demo, tmp_path):
    extra = tmp_path / "metadata.json"
    extra.write_text(
        '{"title": "my conflict data", "plugins": {"datasette-cluster-map": '
        '{"tile_layer": "http://127.0.0.1:9/local/{z}/{x}/{y}.png"}}}'
    )
    ds = build_datasette(ServeOptions(db=demo.path, metadata=extra))
    events = get(ds, "/warwire/events").text
    assert "http://127.0.0.1:9/local/{z}/{x}/{y}.png" in events
    assert "my conflict data" in get(ds, "/").text
    # The event page's map follows the same setting; facets and descriptions are kept.
    assert "http://127.0.0.1:9/local/{z}/{x}/{y}.png" in get(ds, "/-/warwire/event/ev_demo_strikes").text
    assert set(get(ds, "/warwire/events.json").json()["facet_results"]) == {"type", "country", "actor1_name", "date"}


def test_web_default_tiles_are_openstreetmap_and_blank_is_local(demo):
    ds = build_datasette(ServeOptions(db=demo.path))
    assert "tile.openstreetmap.org" in get(ds, "/warwire/events").text
    blank = build_datasette(ServeOptions(db=demo.path, tiles="blank"))
    assert '"/warwire-static/blank-tile.png"' in get(blank, "/warwire/events").text
    png = get(blank, "/warwire-static/blank-tile.png")
    assert png.status_code == 200 and png.content.startswith(b"\x89PNG")


def test_web_serve_refuses_a_bad_metadata_file(demo, tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text("[1, 2]")
    result = CliRunner().invoke(cli, ["serve", "--db", str(demo.path), "--metadata", str(bad)])
    assert result.exit_code == 2 and "not an object" in result.output


def test_web_importing_the_plugin_registers_nothing():
    import importlib.util

    import warwire.web.plugin
    from datasette.plugins import pm

    before = len(pm.get_plugins())
    # Execute the plugin module's code afresh, as a first import would.
    spec = importlib.util.spec_from_file_location("warwire.web._plugin_probe", warwire.web.plugin.__file__)
    probe = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(probe)
    assert len(pm.get_plugins()) == before and not pm.is_registered(probe)


def test_web_immutable_mode_serves_the_same_pages(demo):
    ds = build_datasette(ServeOptions(db=demo.path, immutable=True))
    assert ds.get_database(DATABASE).is_mutable is False
    data = get(ds, "/-/warwire/event/ev_demo_drones.json").json()
    assert sorted(c["injured"] for c in data["claims"]) == [3, 5]
