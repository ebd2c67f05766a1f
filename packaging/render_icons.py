"""Render FaxDesk's SVG icons to PNG with Qt's SVG renderer (no librsvg needed).

    python packaging/render_icons.py png SVG OUT.png SIZE
    python packaging/render_icons.py hicolor SVG HICOLOR_DIR NAME SIZE...
    python packaging/render_icons.py sheet ICON_DIR OUT.png [SIZE ...]

`hicolor` writes HICOLOR_DIR/NxN/apps/NAME.png for each size (the Linux install script uses it);
`sheet` draws every icon at several sizes on a light and a dark strip, to look at them at once.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer


def render_png(svg: Path, out: Path, size: int) -> None:
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"invalid SVG: {svg}")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    out.parent.mkdir(parents=True, exist_ok=True)
    if not image.save(str(out)):
        raise SystemExit(f"cannot write {out}")


def contact_sheet(icon_dir: Path, out: Path, sizes: list[int]) -> None:
    svgs = sorted(icon_dir.glob("*.svg"))
    label_w, pad = 230, 8
    row_h = max(sizes) + pad
    strip_w = sum(sizes) + pad * (len(sizes) + 1)
    width, height = label_w + 2 * strip_w, row_h * len(svgs) + pad
    image = QImage(width, height, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(QColor("#ffffff"))
    painter = QPainter(image)
    painter.fillRect(label_w + strip_w, 0, strip_w, height, QColor("#2b2f36"))
    painter.setFont(QFont("sans", 9))
    for row, svg in enumerate(svgs):
        renderer = QSvgRenderer(str(svg))
        top = pad + row * row_h
        painter.setPen(QColor("#000000"))
        painter.drawText(QRectF(4, top, label_w - 8, max(sizes)),
                         Qt.AlignmentFlag.AlignVCenter, svg.stem)
        for strip in range(2):
            x = label_w + strip * strip_w + pad
            for size in sizes:
                y = top + (max(sizes) - size) / 2
                renderer.render(painter, QRectF(x, y, size, size))
                x += size + pad
    painter.end()
    image.save(str(out))


def main(argv: list[str]) -> int:
    app = QGuiApplication.instance() or QGuiApplication([])  # fonts need an application
    if argv[:1] == ["png"] and len(argv) == 4:
        render_png(Path(argv[1]), Path(argv[2]), int(argv[3]))
    elif argv[:1] == ["hicolor"] and len(argv) >= 5:
        for size in (int(s) for s in argv[4:]):
            render_png(Path(argv[1]), Path(argv[2]) / f"{size}x{size}" / "apps" / f"{argv[3]}.png",
                       size)
    elif argv[:1] == ["sheet"] and len(argv) >= 3:
        contact_sheet(Path(argv[1]), Path(argv[2]), [int(s) for s in argv[3:]] or [16, 24, 48, 128])
    else:
        print(__doc__, file=sys.stderr)
        return 2
    del app
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
