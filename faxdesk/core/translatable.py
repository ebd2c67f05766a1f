"""Words marked for translation in a core that never imports Qt.

`QT_TRANSLATE_NOOP(context, text)` is the name Qt's lupdate looks for: it records `text` under
`context` in the catalogues, and here it returns `text` unchanged. The window translates the
words when it shows them (`QCoreApplication.translate(context, text)`).
"""

from __future__ import annotations


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # the name lupdate reads
    return text
