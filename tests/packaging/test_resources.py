"""The icons FaxDesk ships: present, loadable by Qt, and one for every status the API reports."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import yaml
from PySide6.QtSvg import QSvgRenderer

import faxdesk
from faxdesk.resources import ACTION_INK, data_path, icon_path, status_icon_name, tinted_svg

SPEC = Path(__file__).resolve().parents[1] / "support" / "openapi-fax-subset.yml"

STATUSES = ["queued", "processing", "sending", "delivered", "failed", "cancelled", "receiving",
            "received", "unknown"]
ACTIONS = ["send", "cancel", "delete", "refresh", "resend", "save", "open", "mark-read", "add",
           "edit", "settings", "sync", "inbound", "outbound", "search", "contacts", "export"]
EXPECTED = [
    faxdesk.APP_ID,
    f"{faxdesk.APP_ID}-symbolic",
    *(f"tray-{state}{variant}" for state in ("idle", "sending", "error")
      for variant in ("", "-symbolic")),
    *(f"status-{name}" for name in STATUSES),
    *(f"action-{name}" for name in ACTIONS),
]


@pytest.mark.parametrize("name", EXPECTED)
def test_every_icon_the_ui_needs_is_shipped_and_renders(name: str) -> None:
    path = icon_path(name)
    root = ET.parse(path).getroot()
    _, _, width, height = (float(v) for v in root.attrib["viewBox"].split())
    assert width == height, "icons are square"
    renderer = QSvgRenderer(str(path))
    assert renderer.isValid()
    assert renderer.defaultSize().width() == renderer.defaultSize().height() > 0


def test_icon_path_accepts_the_suffix_and_rejects_unknown_names() -> None:
    assert icon_path("tray-idle.svg") == icon_path("tray-idle")
    with pytest.raises(FileNotFoundError, match=r"icons/no-such-icon\.svg"):
        icon_path("no-such-icon")


def test_data_path_points_inside_the_package() -> None:
    icons = data_path("icons")
    assert icons.is_dir()
    assert icons.parent.parent == Path(faxdesk.__file__).parent


def test_every_api_status_has_its_own_icon() -> None:
    spec = yaml.safe_load(SPEC.read_text(encoding="utf-8"))
    statuses: set[str] = set()

    def walk(node: object) -> None:
        if isinstance(node, dict):
            props = node.get("properties")
            if isinstance(props, dict) and isinstance(props.get("status"), dict):
                statuses.update(props["status"].get("enum", []))
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(spec)
    fax_statuses = {"queued", "media.processed", "sending", "delivered", "failed", "received"}
    assert fax_statuses <= statuses, "the spec's fax status enum was found"
    for status in statuses & (fax_statuses | {"originated", "initiated", "receiving",
                                              "media.processing"}):
        name = status_icon_name(status)
        assert name != "status-unknown", status
        assert icon_path(name).is_file()
    assert status_icon_name("something-new") == "status-unknown"


def test_tinted_svg_recolours_action_icons_for_dark_themes() -> None:
    svg = tinted_svg("action-send", "#eeeeee")
    assert b"#eeeeee" in svg
    assert ACTION_INK.encode() not in svg
    assert QSvgRenderer(svg).isValid()
