"""Document timings: thumbnails of long PDFs and scans, merging 400 pages, re-rendering for fax.

There is no rival here: the figures tell whether the send dialog's preview feels instant (the first
thumbnail) and how long the slow, backgrounded steps (merge, re-render) make the user wait.
"""

from __future__ import annotations

import os
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from common import Report, is_quick, run_standalone
from PIL import Image
from reportlab.lib.pagesizes import LETTER
from reportlab.pdfgen.canvas import Canvas

from faxdesk.core.documents import iter_thumbnails, merge_documents, rerender_for_fax


def text_pdf(path: Path, texts: Sequence[str]) -> Path:
    """One page per text, each showing its text (the same PDFs the documents tests make)."""
    c = Canvas(str(path), pagesize=LETTER)
    for text in texts:
        c.setFont("Helvetica-Bold", 28)
        c.drawString(72, LETTER[1] - 120, text)
        c.rect(36, 36, LETTER[0] - 72, LETTER[1] - 72)
        c.showPage()
    c.save()
    return path


def thumbnails(path: Path, *, all_pages: bool) -> tuple[float, float, int]:
    """Seconds to the first thumbnail, seconds to all of them, and how many."""
    start = time.perf_counter()
    thumbs = iter_thumbnails(path, width=160)
    next(thumbs)
    first = time.perf_counter() - start
    if not all_pages:
        thumbs.close()
        return first, first, 1
    count = 1 + sum(1 for _ in thumbs)
    return first, time.perf_counter() - start, count


def main() -> Report:
    quick = is_quick()
    report = Report("Documents (thumbnails at 160 px, merge, re-render for fax)")
    with tempfile.TemporaryDirectory() as tmp:
        d = Path(tmp)
        hundred = text_pdf(d / "hundred.pdf", [f"PAGE {i + 1}" for i in range(100)])
        first, total, count = thumbnails(hundred, all_pages=True)
        report.add("first thumbnail, 100-page PDF", first * 1000, "ms", target="< 100 ms",
                   met=first < 0.1)
        report.add(f"all {count} thumbnails, 100-page PDF", total * 1000, "ms")

        big = text_pdf(d / "big.pdf", [f"BIG-{i + 1}" for i in range(400)])
        head = text_pdf(d / "head.pdf", ["HEAD"])
        start = time.perf_counter()
        info = merge_documents([head, big], d / "merged.pdf")
        report.add("merge 1 + 400 pages", (time.perf_counter() - start) * 1000, "ms",
                   note=f"{info.page_count} pages, {info.size_bytes / 1e3:.0f} KB; incl. checks")
        first, _, _ = thumbnails(big, all_pages=False)
        report.add("first thumbnail, 400-page PDF", first * 1000, "ms", target="< 100 ms",
                   met=first < 0.1)

        scan = d / "scan.pdf"
        n_pages = 4 if quick else 12
        pages = [Image.frombytes("RGB", (1000, 1300), os.urandom(1000 * 1300 * 3))
                 for _ in range(n_pages)]
        pages[0].save(scan, "PDF", save_all=True, append_images=pages[1:], resolution=117.6,
                      quality=100)
        mb = scan.stat().st_size / 1e6
        first, total, count = thumbnails(scan, all_pages=True)
        report.add(f"first thumbnail, {mb:.0f} MB scan", first * 1000, "ms", target="< 100 ms",
                   met=first < 0.1)
        report.add(f"all {count} thumbnails, {mb:.0f} MB scan", total * 1000, "ms")
        for mode in ("gray", "mono"):
            start = time.perf_counter()
            res = rerender_for_fax(scan, d / f"{mode}.pdf", mode=mode)
            report.add(f"re-render {mb:.0f} MB scan, {mode}", time.perf_counter() - start, "s",
                       note=f"{res.before_bytes / 1e6:.1f} MB -> {res.after_bytes / 1e6:.1f} MB")
        if not quick:
            start = time.perf_counter()
            res = rerender_for_fax(hundred, d / "mono.pdf", mode="mono")
            report.add("re-render 100 text pages, mono", time.perf_counter() - start, "s",
                       note=f"{res.before_bytes / 1e3:.0f} KB -> {res.after_bytes / 1e3:.0f} KB")
    return report


if __name__ == "__main__":
    run_standalone("documents", main)
