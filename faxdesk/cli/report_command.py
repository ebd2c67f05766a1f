"""`faxdesk report ID`: save a fax's transmission report as a PDF.

The report is made from this computer's history (a fax not in it yet is fetched first), in the
language of the settings (or `--language`), with contacts' names from the address book.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from faxdesk.cli.fax_commands import sync

if TYPE_CHECKING:
    from PySide6.QtCore import QCoreApplication

    from faxdesk.core.report_words import ReportWords
from faxdesk.cli.running import (
    EXIT_OK,
    Context,
    common_options,
    handler,
)


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = subparsers.add_parser(
        "report", help="save a fax's transmission report (PDF)",
        description="Save the one-page transmission report of a fax: result, times, duration, "
                    "pages, the fax id and an image of the first page.")
    p.add_argument("fax_id", metavar="ID", help="the fax id (as `faxdesk list` shows it)")
    p.add_argument("--out", type=Path, default=None, metavar="FILE",
                   help="where to save it (default: a file named by date and recipient in the "
                        "current folder)")
    p.add_argument("--paper", choices=("letter", "a4"), default=None,
                   help="paper size (default: from the settings' country)")
    p.add_argument("--language", default=None, metavar="LANG",
                   help="en or zh_CN (default: the settings' language, else the system's)")
    common_options(p)
    p.set_defaults(handler=handler(cmd_report))


def cmd_report(ctx: Context) -> int:
    from faxdesk.core.contacts import CONTACTS_FILE, ContactBook
    from faxdesk.core.documents.paper import paper_for_country

    args: argparse.Namespace = ctx.args
    engine = ctx.engine
    settings = ctx.settings
    if engine.row(args.fax_id) is None:
        sync(ctx)  # a fax of the account that this computer has not seen yet
    row = engine.refresh(args.fax_id)  # the latest status (a fax not known: exit 5)
    fax_id = row.fax_id or args.fax_id
    book_path = Path(engine.data_dir) / CONTACTS_FILE
    book = ContactBook(book_path) if book_path.is_file() else None
    words = _words(args.language if args.language is not None else settings.language)
    paper = args.paper or paper_for_country(settings.default_country)
    try:
        dest = engine.write_report(row.id, args.out, words, paper=paper, contacts=book)
    finally:
        if book is not None:
            book.close()
    ctx.out(f"Saved the transmission report of fax {fax_id} to {dest}",
            {"fax_id": fax_id, "path": str(dest)})
    return EXIT_OK


def _words(language: str) -> ReportWords:
    """The report's words in `language` ("" = the system's), from the window's catalogues."""
    from PySide6.QtCore import QCoreApplication

    from faxdesk.ui.i18n import install_translations
    from faxdesk.ui.report_words import report_words

    global _APP
    app = QCoreApplication.instance()
    if app is None:
        # Kept for the process: the translators live as long as the application object.
        app = _APP = QCoreApplication(sys.argv[:1])
    install_translations(app, language)
    return report_words()


_APP: QCoreApplication | None = None
