"""A large seeded history: paging, ordering and filters stay correct over 10,000 faxes."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from faxdesk.sandbox.server import SandboxServer


@pytest.fixture(scope="module")
def big() -> Iterator[tuple[SandboxServer, httpx.Client]]:
    server = SandboxServer(manual_clock=True, seed_history=10_000).start()
    client = httpx.Client(base_url=server.base_url, trust_env=False, timeout=30,
                          headers={"Authorization": f"Bearer {server.api_key}"})
    try:
        yield server, client
    finally:
        client.close()
        server.stop()


def all_pages(client: httpx.Client, **params: Any) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    page = 1
    while True:
        body = client.get("/faxes", params={**params, "page[size]": 250,
                                            "page[number]": page}).json()
        out.extend(body["data"])
        if page >= body["meta"]["total_pages"]:
            return out
        page += 1


def test_history_pages_cover_every_fax_newest_first(big):
    _, client = big
    first = client.get("/faxes").json()
    assert first["meta"] == {"page_number": 1, "page_size": 20, "total_pages": 500,
                             "total_results": 10_000}
    faxes = all_pages(client)
    assert len(faxes) == 10_000 and len({f["id"] for f in faxes}) == 10_000
    created = [f["created_at"] for f in faxes]
    assert created == sorted(created, reverse=True)
    assert {f["status"] for f in faxes} == {"delivered", "failed", "received"}
    assert all(f["failure_reason"] for f in faxes if f["status"] == "failed")


def test_history_filters_match_a_full_scan(big):
    _, client = big
    everything = all_pages(client)
    pivot = everything[4_321]["created_at"]
    inbound_after = [f["id"] for f in everything
                     if f["direction"] == "inbound" and f["created_at"] >= pivot]
    got = all_pages(client, **{"filter[direction][eq]": "inbound",
                               "filter[created_at][gte]": pivot})
    assert [f["id"] for f in got] == inbound_after
    before = client.get("/faxes", params={"filter[created_at][lt]": pivot}).json()["meta"]
    assert before["total_results"] == 10_000 - 4_322
    one_number = everything[17]["to"]
    got_to = all_pages(client, **{"filter[to][eq]": one_number})
    assert [f["id"] for f in got_to] == [f["id"] for f in everything if f["to"] == one_number]


def test_new_faxes_come_first_after_the_history(big):
    server, client = big
    app_id = next(iter(server.state.applications))
    sent = client.post("/faxes", json={"connection_id": app_id, "from": "+12025550100",
                                       "to": "+14155550123",
                                       "media_url": "https://example.com/x.pdf"}).json()["data"]
    assert client.get("/faxes", params={"page[size]": 1}).json()["data"][0]["id"] == sent["id"]
    client.delete(f"/faxes/{sent['id']}")
    assert client.get("/faxes").json()["meta"]["total_results"] == 10_000
