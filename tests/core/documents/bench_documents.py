"""Timings for the report (not a test): first/all thumbnails of 100 pages, merging 400 pages.

Run: PYTHONPATH=$PWD python tests/core/documents/bench_documents.py
"""

from __future__ import annotations

import os
import tempfile
import time
from pathlib import Path

from PIL import Image

from faxdesk.core.documents import iter_thumbnails, merge_documents, rerender_for_fax
from tests.core.documents.conftest import text_pdf


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        d = Path(tmp)
        hundred = text_pdf(d / "hundred.pdf", [f"PAGE {i + 1}" for i in range(100)])
        start = time.perf_counter()
        thumbs = iter_thumbnails(hundred, width=160)
        next(thumbs)
        first = time.perf_counter() - start
        count = 1 + sum(1 for _ in thumbs)
        total = time.perf_counter() - start
        print(
            f"thumbnails 100 pages @160px: first {first * 1000:.0f} ms, all {count} "
            f"in {total * 1000:.0f} ms"
        )

        big = text_pdf(d / "big.pdf", [f"BIG-{i + 1}" for i in range(400)])
        head = text_pdf(d / "head.pdf", ["HEAD"])
        start = time.perf_counter()
        info = merge_documents([head, big], d / "merged.pdf")
        print(
            f"merge 1 + 400 pages: {(time.perf_counter() - start) * 1000:.0f} ms "
            f"({info.page_count} pages, {info.size_bytes} bytes)"
        )

        start = time.perf_counter()
        thumbs = iter_thumbnails(big, width=160)
        next(thumbs)
        first = time.perf_counter() - start
        thumbs.close()
        print(f"thumbnails 400 pages: first {first * 1000:.0f} ms")

        scan = d / "scan.pdf"
        pages = [
            Image.frombytes("RGB", (1000, 1300), os.urandom(1000 * 1300 * 3)) for _ in range(12)
        ]
        pages[0].save(scan, "PDF", save_all=True, append_images=pages[1:], resolution=117.6,
                      quality=100)  # fmt: skip
        start = time.perf_counter()
        thumbs = iter_thumbnails(scan, width=160)
        next(thumbs)
        first = time.perf_counter() - start
        count = 1 + sum(1 for _ in thumbs)
        total = time.perf_counter() - start
        print(
            f"thumbnails {scan.stat().st_size / 1e6:.0f} MB scan: first {first * 1000:.0f} ms, "
            f"all {count} in {total * 1000:.0f} ms"
        )
        for mode in ("gray", "mono"):
            start = time.perf_counter()
            res = rerender_for_fax(scan, d / f"{mode}.pdf", mode=mode)
            print(
                f"re-render scan {mode}: {time.perf_counter() - start:.1f} s, "
                f"{res.before_bytes / 1e6:.1f} MB -> {res.after_bytes / 1e6:.1f} MB"
            )

        start = time.perf_counter()
        result = rerender_for_fax(hundred, d / "mono.pdf", mode="mono")
        print(
            f"re-render 100 pages mono 200 dpi: {time.perf_counter() - start:.1f} s, "
            f"{result.before_bytes} -> {result.after_bytes} bytes"
        )


if __name__ == "__main__":
    main()
