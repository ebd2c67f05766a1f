"""Words for statuses, directions and failure reasons in the UI's language.

The status and failure tables live in `faxdesk.core.words` (marked there for lupdate), so the
command line shows the same English words.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QTranslator

from faxdesk.core.documents.cover_content import CoverWords
from faxdesk.core.sending import Refusal, SendRefused
from faxdesk.core.status_words import STATUS_WORDS as _STATUS
from faxdesk.core.words import (
    FAILURE_REASONS,
    Sentence,
    application_delete_sentences,
    error_sentences,
)

_DIRECTION = {
    "inbound": QT_TRANSLATE_NOOP("Direction", "Received"),
    "outbound": QT_TRANSLATE_NOOP("Direction", "Sent"),
}


_QUALITY = {
    "normal": QT_TRANSLATE_NOOP("Quality", "Normal"),
    "high": QT_TRANSLATE_NOOP("Quality", "High"),
    "very_high": QT_TRANSLATE_NOOP("Quality", "Very high"),
    "ultra_light": QT_TRANSLATE_NOOP("Quality", "Ultra light"),
    "ultra_dark": QT_TRANSLATE_NOOP("Quality", "Ultra dark"),
}


def quality_text(quality: str | None) -> str:
    known = _QUALITY.get(quality or "")
    return QCoreApplication.translate("Quality", str(known)) if known else (quality or "")


def status_text(status: str | None) -> str:
    if not status:
        return QCoreApplication.translate("Status", "Unknown")
    known = _STATUS.get(status)
    # An unknown status is shown as it came, never hidden.
    return QCoreApplication.translate("Status", str(known)) if known else status


_STATUS_ICONS = {
    "queued": "status-queued",
    "media.processed": "status-processing",
    "media.processing": "status-processing",
    "originated": "status-sending",
    "sending": "status-sending",
    "delivered": "status-delivered",
    "failed": "status-failed",
    "initiated": "status-receiving",
    "receiving": "status-receiving",
    "received": "status-received",
    # Steps FaxDesk records itself: each with an icon that says what happened, so none
    # looks like an error (status-unknown is for a status nobody knows).
    "submitted": "status-queued",
    "cancel_requested": "status-cancelled",
    "retry_scheduled": "status-queued",
    "link_refreshed": "refresh",
    "downloaded": "save",
    # A send Telnyx has not created yet (the fax list shows these too: models.fax_status_icon).
    "preparing": "status-queued",
    "uploading": "status-processing",
    "waiting": "status-queued",
    "held": "status-queued",
    "scheduled": "status-queued",
    "checking": "status-queued",
    "rejected": "status-failed",
}


def status_icon_name(status: str | None) -> str:
    return _STATUS_ICONS.get(status or "", "status-unknown")


def direction_text(direction: str | None) -> str:
    known = _DIRECTION.get(direction or "")
    return QCoreApplication.translate("Direction", str(known)) if known else (direction or "")


def failure_text(reason: str | None) -> str:
    if not reason:
        return ""
    known = FAILURE_REASONS.get(reason)
    if known:
        return QCoreApplication.translate("FailureReason", str(known))
    return QCoreApplication.translate(
        "FailureReason", "The fax failed ({reason}).").format(reason=reason)


def cover_words(language: str) -> CoverWords:
    """The cover page's words in `language` ("en", "zh_CN"), from the catalogues, whatever
    language the window itself shows (the sender chooses the cover's)."""
    from faxdesk.ui.i18n import CATALOGUE, SOURCE_LANGUAGE, translations_dir

    if not language or language == SOURCE_LANGUAGE:
        return CoverWords()
    translator = _cover_translators.get(language)
    if translator is None:
        translator = QTranslator()
        if not translator.load(f"{CATALOGUE}_{language}", str(translations_dir())):
            return CoverWords()
        _cover_translators[language] = translator
    return CoverWords.translated(lambda text: translator.translate("Cover", text) or "")


_cover_translators: dict[str, QTranslator] = {}


def format_time(value: datetime | None) -> str:
    if value is None:
        return ""
    local = value.astimezone()
    return local.strftime("%Y-%m-%d %H:%M")


def format_time_long(value: datetime | None) -> str:
    if value is None:
        return ""
    return value.astimezone().strftime("%Y-%m-%d %H:%M:%S")


def refusal_text(refusal: Refusal) -> str:
    """A refusal of the core's send checks in the UI's language (words the core marked for
    translation; the documents' and numbers' own words stay as the core wrote them)."""
    return sentence_text(refusal.sentence)


#: Values that are words of their own (a field's label, a country's name): translated too, in
#: the context the core marked them in.
_TRANSLATED_VALUES = {"label": "Errors", "country": "Numbers"}


def sentence_text(sentence: Sentence) -> str:
    """A core sentence in the UI's language (its values as the core gave them, except the
    names of Telnyx's fields, which are translated too)."""
    values = {k: QCoreApplication.translate(_TRANSLATED_VALUES[k], v)
              if k in _TRANSLATED_VALUES else v for k, v in sentence.values}
    return QCoreApplication.translate(sentence.context, sentence.template).format(**values)


def error_text(exc: BaseException) -> str:
    """Any error from a worker task or the engine, in words for the person, in the UI's
    language: never a class name, an errno or a request field (faxdesk.core.words)."""
    if isinstance(exc, SendRefused):
        return "\n".join(refusal_text(r) for r in exc.refusals)
    return "\n".join(sentence_text(s) for s in error_sentences(exc))


def application_delete_refused_text(exc: BaseException, name: str) -> str:
    """Why Telnyx kept a fax application the person asked to delete (for a dialog)."""
    return "\n".join(sentence_text(s) for s in application_delete_sentences(exc, name))


# Marks after which Chinese and Japanese put no space: they are full-width, with room of their own.
_FULL_WIDTH_ENDS = tuple("。！？；：）」』")


def join_sentences(*sentences: str) -> str:
    """Sentences one after the other, the empty ones left out: a space between two, except
    after a full-width mark."""
    text = ""
    for sentence in sentences:
        if not sentence:
            continue
        if text and not text.endswith(_FULL_WIDTH_ENDS):
            text += " "
        text += sentence
    return text
