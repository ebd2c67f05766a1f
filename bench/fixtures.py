"""What several benchmarks set up on the sandbox: an application, a number, small PDFs, faxes."""

from __future__ import annotations

import io
from typing import Any

from reportlab.lib.pagesizes import LETTER
from reportlab.pdfgen.canvas import Canvas

FROM_NUMBER = "+12025550100"
TO_NUMBER = "+14155550123"  # not in the sandbox's failure table: delivered
SLOW_TO_NUMBER = "+12025550199"  # delivered, 20x slower: stays in flight for minutes


def pdf_bytes(pages: int = 1) -> bytes:
    buf = io.BytesIO()
    c = Canvas(buf, pagesize=LETTER, invariant=True)
    for n in range(1, pages + 1):
        c.setFont("Helvetica", 14)
        c.drawString(72, 720, f"FaxDesk benchmark page {n} of {pages}")
        c.showPage()
    c.save()
    return buf.getvalue()


def make_application(client: Any, sandbox: Any, *, webhook_url: str | None = None) -> str:
    """A fax application with one number; returns its id (the connection_id)."""
    # Port 9 (discard) is closed on loopback: deliveries fail fast and nobody listens.
    fields = {"application_name": "Benchmarks",
              "webhook_event_url": webhook_url or "http://127.0.0.1:9/unused"}
    app_id = str(client.create_fax_application(fields).id)
    sandbox.state.add_phone_number(FROM_NUMBER, app_id)
    return app_id


def send_faxes(client: Any, app_id: str, count: int, *, to: str = TO_NUMBER) -> list[str]:
    """`count` faxes of one uploaded document, sent straight through the client."""
    media = client.upload_media(pdf_bytes(1), media_name=f"bench-{count}-{id(client)}.pdf")
    return [str(client.send_fax(connection_id=app_id, from_number=FROM_NUMBER, to=to,
                                media_name=media.media_name).id) for _ in range(count)]
