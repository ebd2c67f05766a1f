"""Locate the files shipped inside the `faxdesk.data` package (icons, translations, fixtures).

No Qt here: the UI turns these paths into QIcons. The files sit in `faxdesk/data` beside this
module wherever the package lives: a source tree, an installed wheel, or a PyInstaller bundle
(the spec copies `faxdesk/data` into the bundle next to the frozen modules, under
`sys._MEIPASS`). Zipped installs are not supported: the paths must be real files because Qt and
the desktop open them by name. (Found from this module's own place, not `importlib.resources`:
that import costs a start-up more than finding the folder does.)
"""

from __future__ import annotations

from pathlib import Path

_DATA = Path(__file__).resolve().parent / "data"

# Statuses of the Telnyx fax object (plus the client-side "cancelled") → status icon names.
_STATUS_ICONS = {
    "queued": "queued",
    "media.processing": "processing",
    "media.processed": "processing",
    "originated": "sending",
    "sending": "sending",
    "delivered": "delivered",
    "failed": "failed",
    "cancelled": "cancelled",
    "canceled": "cancelled",
    "initiated": "receiving",
    "receiving": "receiving",
    "received": "received",
}

# The single ink colour of the action icons; the UI may swap it for its palette (see tinted_svg).
ACTION_INK = "#4a5568"


def data_path(*parts: str) -> Path:
    """Path of a file or directory under faxdesk/data, e.g. data_path("icons", "tray-idle.svg").

    Raises FileNotFoundError when it is not shipped, so a packaging slip fails loudly.
    """
    path = _DATA.joinpath(*parts)
    if not path.exists():
        raise FileNotFoundError(f"FaxDesk resource missing: {'/'.join(parts)}")
    return path


def icon_path(name: str) -> Path:
    """Path of an SVG icon by name: "io.github.faxdesk.FaxDesk", "tray-idle", "action-send",
    "status-delivered" (the ".svg" suffix is optional)."""
    filename = name if name.endswith(".svg") else f"{name}.svg"
    return data_path("icons", filename)


def status_icon_name(status: str) -> str:
    """Icon name for a fax status as the API reports it; unknown statuses get "status-unknown"."""
    return f"status-{_STATUS_ICONS.get(status, 'unknown')}"


def tinted_svg(name: str, color: str) -> bytes:
    """An action icon's SVG with its ink replaced by `color` (e.g. the palette's text colour on a
    dark theme); feed the bytes to QSvgRenderer or QPixmap.loadFromData."""
    return icon_path(name).read_text(encoding="utf-8").replace(ACTION_INK, color).encode("utf-8")
