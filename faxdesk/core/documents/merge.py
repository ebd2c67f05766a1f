"""Merge documents into the one PDF that is uploaded, in the order the user chose.

Pages are copied as they are: size, /Rotate and content untouched, so a landscape page stays
landscape. Images become pages at the resolution the fax ``quality`` carries (imaging.py).
``build_fax_document`` puts a cover page first with the total page count on it.
"""

from __future__ import annotations

import io
import os
import tempfile
from collections.abc import Sequence
from pathlib import Path

from pypdf import PdfReader, PdfWriter
from pypdf.errors import DependencyError

from .cover import render_cover_page
from .cover_content import CoverPage
from .intake import (
    cannot_decrypt,
    image_to_pdf_bytes,
    inspect_document,
    open_pdf,
    sniff_kind,
)
from .pages import DocumentInfo, Paper


def merge_documents(
    sources: Sequence[Path | str],
    dest: Path | str,
    *,
    paper: Paper = "letter",
    quality: str | None = None,
    monochrome: bool = False,
) -> DocumentInfo:
    """Write every page of ``sources`` (PDF or image files), in order, to ``dest``.

    ``quality`` and ``monochrome`` are Telnyx's send options (None: Telnyx's default quality).
    """
    return _write(
        [_reader(s, paper, quality, monochrome) for s in sources], Path(dest)
    )


def build_fax_document(
    documents: Sequence[Path | str],
    cover: CoverPage | None,
    dest: Path | str,
    *,
    paper: Paper = "letter",
    quality: str | None = None,
    monochrome: bool = False,
) -> DocumentInfo:
    """The document to send: the cover page (if any) then ``documents`` in order.

    The cover's page count includes the cover itself.
    """
    readers = [_reader(s, paper, quality, monochrome) for s in documents]
    if cover is not None:
        total = 1 + sum(len(r[1].pages) for r in readers)
        cover_reader = PdfReader(io.BytesIO(render_cover_page(cover, total)))
        readers.insert(0, (Path("cover page"), cover_reader))
    return _write(readers, Path(dest))


def _reader(
    source: Path | str, paper: Paper, quality: str | None, monochrome: bool
) -> tuple[Path, PdfReader]:
    if sniff_kind(source) == "pdf":
        return Path(source), open_pdf(source)
    data = image_to_pdf_bytes(source, paper=paper, quality=quality, monochrome=monochrome)
    return Path(source), PdfReader(io.BytesIO(data))


def _write(readers: Sequence[tuple[Path, PdfReader]], dest: Path) -> DocumentInfo:
    if not readers:
        raise ValueError("no documents to merge")
    writer = PdfWriter()
    for _, reader in readers:
        for page in reader.pages:
            writer.add_page(page)
    writer.add_metadata({"/Producer": "FaxDesk"})
    dest.parent.mkdir(parents=True, exist_ok=True)
    # Written beside the destination then renamed, so a half-written file is never uploaded.
    fd, tmp_name = tempfile.mkstemp(prefix=".merge-", suffix=".pdf", dir=dest.parent)
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as fh:
            writer.write(fh)
        tmp.replace(dest)
    except DependencyError as exc:
        # Intake decrypts a stream of every encrypted PDF, so this is a last line of defence.
        tmp.unlink(missing_ok=True)
        encrypted = [path for path, r in readers if r.is_encrypted] or [readers[0][0]]
        raise cannot_decrypt(encrypted[0]) from exc
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return inspect_document(dest)
