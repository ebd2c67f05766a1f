"""Reading the project's Qt translation files (.ts) and running Qt's tools on them."""

from __future__ import annotations

import re
import subprocess
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

import PySide6

ROOT = Path(__file__).resolve().parents[2]
TS_DIR = ROOT / "resources" / "translations"
QM_DIR = ROOT / "faxdesk" / "data" / "translations"
UI_DIR = ROOT / "faxdesk" / "ui"
LANGUAGES = ("en", "zh_CN")
# The language the code is written in: its catalogue carries plural forms only.
SOURCE_LANGUAGE = "en"

# Placeholders that must come through translation unchanged: Qt's %1..%99 and %n, Python's
# {name} / {n:.1f} / {} fields (not "{{"), and %s-style conversions.
PLACEHOLDER = re.compile(r"%L?\d{1,2}|%n|(?<!\{)\{[A-Za-z_0-9]*(?:[:!][^{}]*)?\}(?!\})|%[sd]")
# A mnemonic: "&" before a character, but not "&&" (a literal ampersand) nor an HTML entity.
MNEMONIC = re.compile(r"(?<!&)&(?![&\s]|[a-z]+;|#\d+;)")
TAG = re.compile(r"</?([a-zA-Z]+)[^>]*>")


@dataclass(frozen=True)
class Message:
    context: str
    source: str
    translations: tuple[str, ...]  # one, or the plural forms of a numerus message
    kind: str  # the <translation type=...>: "" (finished), "unfinished", "vanished", "obsolete"
    numerus: bool
    line: int


def qt_tool(name: str) -> Path:
    """lupdate / lrelease as shipped inside the PySide6 wheel (no PATH needed)."""
    path = Path(PySide6.__file__).parent / name
    assert path.exists(), f"Qt's {name} is not in the PySide6 install at {path}"
    return path


def read_ts(path: Path) -> list[Message]:
    root = ET.parse(path).getroot()
    messages = []
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None, f"{path}: message without <translation>"
            forms = translation.findall("numerusform")
            texts = tuple(f.text or "" for f in forms) if forms else (translation.text or "",)
            location = message.find("location")
            messages.append(Message(
                context=name,
                source=message.findtext("source") or "",
                translations=texts,
                kind=translation.get("type", ""),
                numerus=message.get("numerus") == "yes",
                line=int(location.get("line", "0")) if location is not None else 0,
            ))
    return messages


def translated_files() -> list[Path]:
    """What lupdate reads (packaging/update-translations.sh): the UI, and every core module
    that marks words for it (statuses, failures, send checks, numbers, timeline steps)."""
    core = ROOT / "faxdesk" / "core"
    marking = [p for p in sorted(core.glob("*.py")) if "QT_TRANSLATE_NOOP(" in p.read_text()]
    return [*sorted(UI_DIR.glob("*.py")), *marking]


def ui_sources() -> list[str]:
    return [str(p.relative_to(ROOT)) for p in translated_files()]


def run_lupdate(ts_out: Path, language: str) -> None:
    """What packaging/update-translations.sh runs, into another file."""
    extra = ["-pluralonly"] if language == SOURCE_LANGUAGE else []
    subprocess.run(
        [str(qt_tool("lupdate")), "-silent", "-no-obsolete", "-locations", "absolute", *extra,
         "-source-language", "en", "-target-language", language, *ui_sources(),
         "-ts", str(ts_out)],
        cwd=ROOT, check=True, capture_output=True, timeout=60,
    )


def run_lrelease(ts: Path, qm_out: Path) -> None:
    subprocess.run(
        [str(qt_tool("lrelease")), "-silent", "-removeidentical", str(ts), "-qm", str(qm_out)],
        cwd=ROOT, check=True, capture_output=True, timeout=60,
    )
