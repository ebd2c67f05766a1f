"""Merge documents into the one PDF that is uploaded, in the order the user chose.

Pages are copied as they are: size, /Rotate and content untouched, so a landscape page stays
landscape. ``build_fax_document`` puts a cover page first with the total page count on it.
"""

from __future__ import annotations

import io
import os
import tempfile
from collections.abc import Sequence
from pathlib import Path

from pypdf import PdfReader, PdfWriter

from .cover import CoverPage, render_cover_page
from .intake import DocumentInfo, Paper, image_to_pdf_bytes, inspect_document, open_pdf, sniff_kind


def merge_documents(
    sources: Sequence[Path | str], dest: Path | str, *, paper: Paper = "letter"
) -> DocumentInfo:
    """Write every page of ``sources`` (PDF or image files), in order, to ``dest``."""
    return _write([_reader(s, paper) for s in sources], Path(dest))


def build_fax_document(
    documents: Sequence[Path | str],
    cover: CoverPage | None,
    dest: Path | str,
    *,
    paper: Paper = "letter",
) -> DocumentInfo:
    """The document to send: the cover page (if any) then ``documents`` in order.

    The cover's page count includes the cover itself.
    """
    readers = [_reader(s, paper) for s in documents]
    if cover is not None:
        total = 1 + sum(len(r.pages) for r in readers)
        readers.insert(0, PdfReader(io.BytesIO(render_cover_page(cover, total))))
    return _write(readers, Path(dest))


def _reader(source: Path | str, paper: Paper) -> PdfReader:
    if sniff_kind(source) == "pdf":
        return open_pdf(source)
    return PdfReader(io.BytesIO(image_to_pdf_bytes(source, paper=paper)))


def _write(readers: Sequence[PdfReader], dest: Path) -> DocumentInfo:
    if not readers:
        raise ValueError("no documents to merge")
    writer = PdfWriter()
    for reader in readers:
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
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return inspect_document(dest)
