"""Small helpers for the sandbox tests."""

from __future__ import annotations

from typing import Any

import httpx


def create_app(api: httpx.Client, webhook_url: str = "http://127.0.0.1:9/none",
               **extra: Any) -> dict[str, Any]:
    body = {"application_name": "Test office", "webhook_event_url": webhook_url, **extra}
    response = api.post("/fax_applications", json=body)
    assert response.status_code == 201, response.text
    return response.json()["data"]  # type: ignore[no-any-return]


def upload_pdf(api: httpx.Client, pdf: bytes, name: str | None = None) -> dict[str, Any]:
    data = {"media_name": name} if name else None
    response = api.post("/media", files={"media": ("doc.pdf", pdf, "application/pdf")}, data=data)
    assert response.status_code == 201, response.text
    return response.json()["data"]  # type: ignore[no-any-return]


def send(api: httpx.Client, app_id: str, to: str = "+14155550123", **extra: Any) -> httpx.Response:
    body = {"connection_id": app_id, "from": "+12025550100", "to": to, **extra}
    if "media_url" not in body and "media_name" not in body:
        body["media_url"] = "https://example.com/doc.pdf"
    return api.post("/faxes", json=body)
