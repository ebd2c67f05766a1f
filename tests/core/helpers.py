"""Small builders shared by the core tests."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from faxdesk.api.models import Fax

T0 = datetime(2026, 11, 26, 12, 0, 0, tzinfo=UTC)


def fax(fax_id: str = "f1", status: str = "queued", *, direction: str = "outbound",
        minutes: float = 0, **extra: Any) -> Fax:
    """A Fax as the API would return it (created T0 + minutes)."""
    created = T0 + timedelta(minutes=minutes)
    data: dict[str, Any] = {
        "id": fax_id, "record_type": "fax", "direction": direction, "status": status,
        "from": "+15550001111", "to": "+15550002222", "connection_id": "app1",
        "created_at": created.isoformat().replace("+00:00", "Z"),
        "updated_at": created.isoformat().replace("+00:00", "Z"),
    }
    data.update(extra)
    return Fax.from_json(data)
