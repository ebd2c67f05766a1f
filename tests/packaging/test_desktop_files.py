"""The Linux desktop integration validates with the freedesktop tools and agrees on one app id."""

from __future__ import annotations

import configparser
import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import yaml

import faxdesk

ROOT = Path(__file__).resolve().parents[2]
DESKTOP = ROOT / "resources" / f"{faxdesk.APP_ID}.desktop"
METAINFO = ROOT / "resources" / f"{faxdesk.APP_ID}.metainfo.xml"
FLATPAK = ROOT / "packaging" / "flatpak" / f"{faxdesk.APP_ID}.yml"
APT_HINT = "apt-get install -y desktop-file-utils appstream"


def tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        pytest.fail(f"{name} is missing: {APT_HINT}")
    return path


def run(*cmd: str, env: dict[str, str] | None = None,
        cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(cmd, capture_output=True, text=True, timeout=60, env=env, cwd=cwd,
                          check=False)


def desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, delimiters=("=",))
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    parser.read(DESKTOP, encoding="utf-8")
    return parser["Desktop Entry"]


def test_desktop_entry_passes_desktop_file_validate() -> None:
    result = run(tool("desktop-file-validate"), str(DESKTOP))
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip() == "", "no warnings either"


def test_metainfo_passes_appstreamcli_validate() -> None:
    result = run(tool("appstreamcli"), "validate", "--no-net", str(METAINFO))
    assert result.returncode == 0, result.stdout + result.stderr


def test_open_with_faxdesk_is_offered_for_pdfs_and_images() -> None:
    entry = desktop_entry()
    assert entry["Exec"] == "faxdesk %F"
    mime = entry["MimeType"].rstrip(";").split(";")
    assert {"application/pdf", "image/tiff", "image/png", "image/jpeg"} <= set(mime)
    assert "Office" in entry["Categories"].split(";")


def test_every_file_names_the_same_application() -> None:
    entry = desktop_entry()
    assert entry["Icon"] == faxdesk.APP_ID
    meta = ET.parse(METAINFO).getroot()
    assert meta.findtext("id") == faxdesk.APP_ID
    assert meta.findtext("launchable") == DESKTOP.name
    assert meta.findtext("provides/binary") == entry["Exec"].split()[0]
    manifest = yaml.safe_load(FLATPAK.read_text(encoding="utf-8"))
    assert manifest["id"] == faxdesk.APP_ID
    assert manifest["command"] == entry["Exec"].split()[0]


def test_flatpak_asks_only_for_what_faxdesk_uses() -> None:
    manifest = yaml.safe_load(FLATPAK.read_text(encoding="utf-8"))
    assert set(manifest["finish-args"]) == {
        "--share=network", "--share=ipc", "--socket=wayland", "--socket=fallback-x11",
        "--device=dri", "--talk-name=org.freedesktop.Notifications",
        "--talk-name=org.freedesktop.secrets", "--talk-name=org.kde.StatusNotifierWatcher",
    }
    assert not [arg for arg in manifest["finish-args"] if arg.startswith("--filesystem")]


def test_flatpak_builder_reads_the_manifest(tmp_path: Path) -> None:
    builder = shutil.which("flatpak-builder")
    if builder is None:
        pytest.fail("flatpak-builder is missing: apt-get install -y flatpak-builder")
    # cwd: flatpak-builder leaves a .flatpak-builder/ state directory where it runs
    result = run(builder, "--show-manifest", str(FLATPAK), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert f'"id" : "{faxdesk.APP_ID}"' in result.stdout
    assert '"name" : "python3-faxdesk-deps"' in result.stdout  # the included pip module


def test_install_script_stages_a_tree_appstream_accepts(tmp_path: Path) -> None:
    env = {**os.environ, "DESTDIR": str(tmp_path), "PYTHON": sys.executable,
           "QT_QPA_PLATFORM": "offscreen"}
    result = run("sh", str(ROOT / "packaging" / "install-linux.sh"), "/usr", env=env)
    assert result.returncode == 0, result.stderr
    share = tmp_path / "usr" / "share"
    hicolor = share / "icons" / "hicolor"
    assert (share / "applications" / DESKTOP.name).is_file()
    assert (share / "metainfo" / METAINFO.name).is_file()
    assert (hicolor / "scalable" / "apps" / f"{faxdesk.APP_ID}.svg").is_file()
    assert (hicolor / "symbolic" / "apps" / f"{faxdesk.APP_ID}-symbolic.svg").is_file()
    for size in (16, 24, 32, 48, 64, 128, 256):
        png = hicolor / f"{size}x{size}" / "apps" / f"{faxdesk.APP_ID}.png"
        header = png.read_bytes()[:24]
        assert header[:8] == b"\x89PNG\r\n\x1a\n"
        assert int.from_bytes(header[16:20], "big") == size  # IHDR width
    # validate-tree also checks that the desktop entry and an icon exist for the component
    tree = run(tool("appstreamcli"), "validate-tree", "--no-net", str(tmp_path / "usr"))
    assert tree.returncode == 0, tree.stdout + tree.stderr
