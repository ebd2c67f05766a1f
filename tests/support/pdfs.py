"""Small real PDFs for tests (reportlab, vector text: a few KB each)."""

from __future__ import annotations

import io
from pathlib import Path

from reportlab.lib.pagesizes import letter
from reportlab.pdfgen import canvas


def pdf_bytes(pages: int = 1, *, title: str = "FaxDesk test document") -> bytes:
    buf = io.BytesIO()
    pdf = canvas.Canvas(buf, pagesize=letter, invariant=True)
    for n in range(1, pages + 1):
        pdf.setFont("Helvetica", 14)
        pdf.drawString(72, 720, title)
        pdf.drawString(72, 700, f"Page {n} of {pages}")
        pdf.showPage()
    pdf.save()
    return buf.getvalue()


def make_pdf(path: Path | str, pages: int = 1, *, title: str = "FaxDesk test document") -> Path:
    target = Path(path)
    target.write_bytes(pdf_bytes(pages, title=title))
    return target
