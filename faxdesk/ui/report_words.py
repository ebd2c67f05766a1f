"""The transmission report's words in the window's language (the report itself is drawn by
faxdesk.core.report, which has no Qt). Uses only QtCore, so `faxdesk report` can use it too."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from faxdesk.core.report_words import ReportWords, local_time_text
from faxdesk.ui.texts import direction_text, failure_text, quality_text, status_text


def duration_text(seconds: int) -> str:
    minutes, secs = divmod(max(0, int(seconds)), 60)
    if minutes:
        return QCoreApplication.translate("Report", "{minutes} min {seconds:02d} s").format(
            minutes=minutes, seconds=secs)
    return QCoreApplication.translate("Report", "{seconds} s").format(seconds=secs)


def report_words() -> ReportWords:
    """Every text of the report, translated with the translators installed now."""
    return ReportWords(
        title=QCoreApplication.translate("Report", "Fax transmission report"),
        result=QCoreApplication.translate("Report", "Result"),
        failure_reason=QCoreApplication.translate("Report", "Reason"),
        direction=QCoreApplication.translate("Report", "Direction"),
        sender=QCoreApplication.translate("Report", "From"),
        recipient=QCoreApplication.translate("Report", "To"),
        application=QCoreApplication.translate("Report", "Fax application"),
        queued=QCoreApplication.translate("Report", "Queued"),
        sending_started=QCoreApplication.translate("Report", "Sending started"),
        receiving_started=QCoreApplication.translate("Report", "Receiving started"),
        finished=QCoreApplication.translate("Report", "Finished"),
        duration=QCoreApplication.translate("Report", "Duration"),
        measured=QCoreApplication.translate("Report", "{duration} (from the status times)"),
        pages=QCoreApplication.translate("Report", "Pages"),
        quality=QCoreApplication.translate("Report", "Quality"),
        fax_id=QCoreApplication.translate("Report", "Fax ID"),
        journal=QCoreApplication.translate("Report", "FaxDesk journal"),
        first_page=QCoreApplication.translate("Report", "First page"),
        no_document=QCoreApplication.translate("Report",
                                               "The document is not on this computer."),
        made_by=QCoreApplication.translate("Report", "Made by FaxDesk {version} on {time}"),
        unknown="—",
        status_text=status_text,
        failure_text=failure_text,
        quality_text=quality_text,
        direction_text=direction_text,
        duration_text=duration_text,
        time_text=local_time_text,
    )
