"""Fonts for PDFs drawn with reportlab, for any script: found through fontconfig, embedded.

Latin text uses the PDF base fonts (Helvetica). Anything else gets a system font that has every
character of the text: fontconfig (``fc-match -s``) proposes candidates for the text's language
(``lang=zh-cn`` for Chinese), and the first whose character map covers the text wins.

reportlab embeds only TrueType outlines, while the usual CJK fonts on Linux (Noto Sans CJK) are
OpenType with PostScript (CFF) outlines. Such a font is cut down to the characters of the text
with fontTools and its outlines converted to TrueType (cu2qu), in memory: about a second per
face the first time, then cached per character set. The font is embedded as a subset either way,
so the PDF shows the same glyphs on any computer or fax machine.
"""

from __future__ import annotations

import functools
import hashlib
import io
import logging
import shutil
import string
import subprocess
import threading
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError, TTFont

log = logging.getLogger(__name__)

BASE_FONTS = ("Helvetica", "Helvetica-Bold")
_LOCK = threading.Lock()  # font registration is global state in reportlab
_MAX_CANDIDATES = 40
# Fonts tried when fontconfig is not there (Windows, macOS): TrueType outlines, wide coverage.
_KNOWN_FONTS = (
    ("C:/Windows/Fonts/msyh.ttc", 0), ("C:/Windows/Fonts/simsun.ttc", 0),
    ("C:/Windows/Fonts/arialuni.ttf", 0), ("C:/Windows/Fonts/arial.ttf", 0),
    ("/System/Library/Fonts/Supplemental/Arial Unicode.ttf", 0),
    ("/Library/Fonts/Arial Unicode.ttf", 0), ("/System/Library/Fonts/STHeiti Light.ttc", 0),
    ("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", 0),
)
# Always in the subset, so numbers and punctuation match the rest of the text.
_ALWAYS = set(string.printable) - set(string.whitespace) | {" "}


@dataclass(frozen=True, slots=True)
class FontSource:
    path: str
    index: int  # the face inside a collection (.ttc)
    cff: bool  # PostScript outlines: converted before reportlab can embed them


def pdf_fonts(text: str) -> tuple[str, str]:
    """Registered reportlab font names (regular, bold) able to draw every character of
    ``text``; the base fonts when Latin-1 is enough or no better font is installed."""
    found = covering_fonts(text)
    if found is None:
        log.warning("no installed font covers this text; some characters will show as boxes")
        return BASE_FONTS
    return found


def covering_fonts(text: str) -> tuple[str, str] | None:
    """Like `pdf_fonts`, but None (and no warning) when no one installed font has every
    character: the caller may then pick fonts piece by piece."""
    try:
        text.encode("cp1252")
        return BASE_FONTS
    except UnicodeEncodeError:
        pass
    needed = {ch for ch in text if not ch.isspace()} | _ALWAYS
    regular = _font_for(needed, _language(text), bold=False)
    if regular is None:
        return None
    bold = _font_for(needed, _language(text), bold=True) or regular
    return regular, bold


def _language(text: str) -> str | None:
    """A fontconfig language for the text's script (CJK needs one to get the right glyphs)."""
    if any("\u3040" <= ch <= "\u30ff" for ch in text):
        return "ja"
    if any("\uac00" <= ch <= "\ud7af" for ch in text):
        return "ko"
    if any("\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf" for ch in text):
        return "zh-cn"
    return None


def _font_for(needed: set[str], language: str | None, *, bold: bool) -> str | None:
    covering = _fontconfig_covering(frozenset(needed))
    for source in _candidates(language, bold):
        if covering is not None and source.path.startswith("/") and Path(source.path).exists():
            usable = (source.path, source.index) in covering
        else:
            usable = _covers(source, needed)
        if not usable:
            continue
        try:
            return _register(source, needed)
        except (TTFError, OSError, ValueError, KeyError, AssertionError) as exc:
            log.info("font %s (%d) cannot be embedded: %s", source.path, source.index, exc)
    return None


def _candidates(language: str | None, bold: bool) -> Iterable[FontSource]:
    pattern = "sans-serif" + (f":lang={language}" if language else "")
    pattern += ":weight=bold" if bold else ":weight=regular"
    yield from _fontconfig(pattern)
    for path, index in _KNOWN_FONTS:
        if Path(path).is_file():
            yield FontSource(path, index, cff=False)


@functools.lru_cache(maxsize=16)
def _fontconfig(pattern: str) -> tuple[FontSource, ...]:
    """fontconfig's ranked list for a pattern (``fc-match -s``): best match first."""
    if shutil.which("fc-match") is None:
        return ()
    try:
        out = subprocess.run(
            ["fc-match", "-s", "-f", "%{file}|%{index}|%{fontformat}\n", pattern],
            capture_output=True, text=True, timeout=20, check=True).stdout
    except (OSError, subprocess.SubprocessError) as exc:
        log.info("fc-match failed: %s", exc)
        return ()
    found = []
    for line in out.splitlines()[:_MAX_CANDIDATES]:
        path, _, rest = line.partition("|")
        index, _, fmt = rest.partition("|")
        if path and Path(path).suffix.lower() in (".ttf", ".ttc", ".otf", ".otc"):
            found.append(FontSource(path, int(index or 0), cff=fmt.strip() == "CFF"))
    return tuple(found)


@functools.lru_cache(maxsize=16)
def _fontconfig_covering(needed: frozenset[str]) -> frozenset[tuple[str, int]] | None:
    """(file, index) of every installed font with all of ``needed`` (``fc-list :charset=``);
    None without fontconfig."""
    if shutil.which("fc-list") is None:
        return None
    points = sorted(ord(ch) for ch in needed)
    ranges: list[list[int]] = []
    for cp in points:
        if ranges and cp == ranges[-1][1] + 1:
            ranges[-1][1] = cp
        else:
            ranges.append([cp, cp])
    charset = " ".join(f"{a:x}" if a == b else f"{a:x}-{b:x}" for a, b in ranges)
    try:
        out = subprocess.run(["fc-list", "-f", "%{file}|%{index}\n", f":charset={charset}"],
                             capture_output=True, text=True, timeout=20, check=True).stdout
    except (OSError, subprocess.SubprocessError) as exc:
        log.info("fc-list failed: %s", exc)
        return None
    found = set()
    for line in out.splitlines():
        path, _, index = line.partition("|")
        found.add((path, int(index or 0)))
    return frozenset(found)


def _covers(source: FontSource, needed: set[str]) -> bool:
    """Coverage from the font's own character map (where fontconfig is not available)."""
    coverage = _coverage(source)
    # Without fontTools coverage is unknown: trust fontconfig's choice of a TrueType font.
    return (not source.cff) if coverage is None else needed <= coverage


@functools.lru_cache(maxsize=64)
def _coverage(source: FontSource) -> frozenset[str] | None:
    """The characters a font has glyphs for; None when fontTools is not installed."""
    try:
        from fontTools.ttLib import TTFont as ToolsFont
    except ImportError:
        return None
    try:
        font = ToolsFont(source.path, fontNumber=source.index, lazy=True)
        try:
            cmap = font.getBestCmap() or {}
        finally:
            font.close()
    except Exception as exc:  # fontTools raises many kinds on damaged font files
        log.info("cannot read font %s: %s", source.path, exc)
        return frozenset()
    return frozenset(chr(cp) for cp in cmap)


def _register(source: FontSource, needed: set[str]) -> str:
    key = f"{source.path}|{source.index}"
    if source.cff:
        key += "|" + "".join(sorted(needed))
    name = "FaxDesk-" + hashlib.sha1(key.encode(), usedforsecurity=False).hexdigest()[:12]
    with _LOCK:
        if name in pdfmetrics.getRegisteredFontNames():
            return name
        data: str | io.BytesIO = source.path
        if source.cff:
            # reportlab tells fonts apart by PostScript name and file name: each subset gets
            # its own, or a second subset of the same font would reuse the first one's glyphs.
            data = io.BytesIO(_truetype_subset(source, needed, name))
            data.name = f"{name}.ttf"
        font = TTFont(name, data, subfontIndex=0 if source.cff else source.index)
        pdfmetrics.registerFont(font)
    return name


def _truetype_subset(source: FontSource, needed: set[str], postscript_name: str) -> bytes:
    """The font cut down to ``needed``, with its CFF outlines converted to TrueType."""
    from fontTools import subset
    from fontTools.pens.cu2quPen import Cu2QuPen
    from fontTools.pens.ttGlyphPen import TTGlyphPen
    from fontTools.ttLib import TTFont as ToolsFont
    from fontTools.ttLib import newTable

    font = ToolsFont(source.path, fontNumber=source.index, lazy=True)
    options = subset.Options()
    options.layout_features = []
    options.name_IDs = ["*"]
    options.notdef_outline = True
    options.hinting = False
    options.desubroutinize = True
    subsetter = subset.Subsetter(options)
    subsetter.populate(text="".join(sorted(needed)))
    subsetter.subset(font)

    # fontTools' otf2ttf recipe: draw every glyph through cu2qu into a glyf table.
    order = font.getGlyphOrder()
    glyphs = font.getGlyphSet()
    glyf = newTable("glyf")
    glyf.glyphOrder = order
    glyf.glyphs = {}
    for glyph_name in order:
        pen = TTGlyphPen(None)
        glyphs[glyph_name].draw(Cu2QuPen(pen, 1.0, reverse_direction=True))
        glyf[glyph_name] = pen.glyph()
    font["loca"] = newTable("loca")
    font["glyf"] = glyf
    maxp = newTable("maxp")
    maxp.tableVersion = 0x00010000
    for attr in ("maxTwilightPoints", "maxStorage", "maxFunctionDefs", "maxInstructionDefs",
                 "maxStackElements", "maxSizeOfInstructions", "maxComponentElements"):
        setattr(maxp, attr, 0)
    maxp.maxZones = 1
    font["maxp"] = maxp
    for table in ("CFF ", "VORG"):
        if table in font:
            del font[table]
    font["head"].glyphDataFormat = 0
    post = font["post"]
    post.formatType = 2.0
    post.extraNames = []
    post.mapping = {}
    post.glyphOrder = order
    font.sfntVersion = "\x00\x01\x00\x00"
    names = font["name"]
    names.names = [n for n in names.names if n.nameID != 6]
    names.setName(postscript_name, 6, 3, 1, 0x409)
    names.setName(postscript_name, 6, 1, 0, 0)
    out = io.BytesIO()
    font.save(out)
    return out.getvalue()
