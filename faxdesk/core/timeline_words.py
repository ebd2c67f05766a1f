"""One step of a fax's timeline in words, for every front door: what happened, the notes a
person can read, and what only a technician needs.

The window translates the sentences (their templates are marked for lupdate) and the command
line prints them in English; neither reads the engine's own note formats.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from faxdesk.core.outbox import RESENT_HERE, SENT_HERE, read_retry_note
from faxdesk.core.records import TimelineEntry
from faxdesk.core.status_words import STATUS_WORDS
from faxdesk.core.translatable import QT_TRANSLATE_NOOP
from faxdesk.core.words import FAILURE_REASONS, Sentence

#: Steps of a send before Telnyx has the fax.
PENDING_STEPS = {
    "preparing": QT_TRANSLATE_NOOP("PendingSend", "Preparing"),
    "uploading": QT_TRANSLATE_NOOP("PendingSend", "Uploading"),
    "waiting": QT_TRANSLATE_NOOP("PendingSend", "Waiting for the network"),
    "held": QT_TRANSLATE_NOOP("PendingSend", "Waiting for a valid API key"),
    "scheduled": QT_TRANSLATE_NOOP("PendingSend", "Automatic retry scheduled"),
    "checking": QT_TRANSLATE_NOOP("PendingSend", "May have been sent; checking with Telnyx"),
    "rejected": QT_TRANSLATE_NOOP("PendingSend", "Rejected"),
}

#: Notes the engine writes in the timeline, in words.
NOTES = {
    SENT_HERE: QT_TRANSLATE_NOOP("FaxDetailPane", "Sent from FaxDesk"),
    RESENT_HERE: QT_TRANSLATE_NOOP("FaxDetailPane", "Sent again from FaxDesk"),
    "media link refreshed": QT_TRANSLATE_NOOP("FaxDetailPane",
                                              "The link to the document was renewed"),
    "the media link had expired": QT_TRANSLATE_NOOP("FaxDetailPane",
                                                    "The link to the document had expired"),
}


@dataclass(frozen=True, slots=True)
class StepWords:
    """`step` may hold a {time} (when an automatic retry goes): `at` is that time, for the
    caller to write in its own format (`with_time`)."""

    step: Sentence
    notes: tuple[Sentence, ...] = ()
    hidden: tuple[str, ...] = ()  # identifiers and codes: a tooltip, never the main text
    at: datetime | None = None

    def with_time(self, text: str) -> Sentence:
        """The step with its time written as `text` (the step itself when it has none)."""
        if self.at is None:
            return self.step
        return replace(self.step, values=(*self.step.values, ("time", text)))


def _said(context: str, template: str, **values: str) -> Sentence:
    return Sentence(context, template, tuple(values.items()))


def timeline_words(entry: TimelineEntry) -> StepWords:
    pending = PENDING_STEPS.get(entry.status)
    if pending is not None:
        step = _said("PendingSend", pending)
    elif entry.status in STATUS_WORDS:
        step = _said("Status", STATUS_WORDS[entry.status])
    else:  # an unknown status is shown as it came, never hidden
        step = _said("Errors", "{text}", text=entry.status or "?")
    notes: list[Sentence] = []
    hidden: list[str] = []
    note = read_retry_note(entry.detail)
    if entry.status == "retry_scheduled" and note is not None:
        of = {"n": str(note.attempt), "of": str(note.of)}
        if note.delay_secs is not None and entry.at is not None:
            return StepWords(_said("FaxDetailPane", QT_TRANSLATE_NOOP(
                "FaxDetailPane", "Automatic retry {n} of {of} at {time}"), **of),
                at=entry.at + timedelta(seconds=note.delay_secs))
        return StepWords(_said("FaxDetailPane", QT_TRANSLATE_NOOP(
            "FaxDetailPane", "Automatic retry {n} of {of} scheduled"), **of))
    if note is not None:
        notes.append(_said("FaxDetailPane", QT_TRANSLATE_NOOP(
            "FaxDetailPane", "Attempt {n} of {of}"), n=str(note.attempt), of=str(note.of)))
    elif entry.detail and entry.status != "downloaded":
        for part in entry.detail.split("; "):
            if part in FAILURE_REASONS:
                notes.append(_said("FailureReason", FAILURE_REASONS[part]))
            elif part in NOTES:
                notes.append(_said("FaxDetailPane", NOTES[part]))
            elif entry.status in PENDING_STEPS:
                notes.append(_said("Errors", "{text}", text=part))  # the core's own words
            else:
                hidden.append(part)
    elif entry.detail:
        hidden.append(entry.detail)
    return StepWords(step, tuple(notes), tuple(hidden))
