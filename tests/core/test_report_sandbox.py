"""The transmission report of faxes that really went through the engine and the sandbox: its
text, its one page, the reduced image of the first page, and the automatic copy on delivery."""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from faxdesk.core.contacts import Contact, ContactBook
from faxdesk.core.engine import FaxEngine
from faxdesk.core.report import (
    ReportError,
    ReportFacts,
    ReportSaver,
    render_report,
    write_report,
)
from faxdesk.core.report_words import ReportWords, local_time_text
from faxdesk.core.sending import Recipient, SendRequest
from tests.core.conftest import FROM_NUMBER
from tests.support.report_checks import (
    embedded_images,
    marked_pdf,
    page_count,
    pdf_text,
    quadrant_means,
)

TO = "+14155550123"
BUSY = "+12025550101"


def deliver(sandbox: Any, engine: FaxEngine, document: Path, to: str = TO) -> str:
    """Send through the outbox, then let the sandbox's clock run in small steps so every
    status is seen by a poll (queued, ..., sending, delivered or failed)."""
    request = SendRequest(documents=(document,), recipients=(Recipient(to),),
                          connection_id=engine.store.applications()[0].id,
                          from_number=FROM_NUMBER)
    (journal_id,) = engine.send(request)
    entry = engine.outbox.process(journal_id)
    assert entry is not None and entry.fax_id
    for _ in range(120):
        record = engine.store.get_fax(entry.fax_id)
        if record is not None and record.is_final:
            return entry.fax_id
        sandbox.advance(1)
        assert engine.syncer.tick()
    raise AssertionError("the fax never finished on the sandbox")


@pytest.fixture
def ready_engine(engine: FaxEngine, app_id: str) -> FaxEngine:
    engine.refresh_applications()
    return engine


@pytest.fixture
def book(tmp_path: Path) -> ContactBook:
    contacts = ContactBook(tmp_path / "contacts.sqlite3")
    contacts.add(Contact("Acme Dental", TO, company="Acme"))
    contacts.add(Contact("Front desk", FROM_NUMBER))
    return contacts


def test_a_delivered_fax_has_a_one_page_report_with_every_fact_and_its_first_page(
    sandbox: Any, ready_engine: FaxEngine, book: ContactBook, tmp_path: Path
) -> None:
    fax_id = deliver(sandbox, ready_engine, marked_pdf(tmp_path / "letter.pdf", pages=2))
    facts = ReportFacts.from_store(ready_engine.store, fax_id, contacts=book)
    report = write_report(facts, tmp_path / "report.pdf")

    assert page_count(report) == 1
    text = pdf_text(report)
    timeline = {t.status: t.at for t in ready_engine.store.timeline(fax_id)}
    entry = ready_engine.store.journal_for_fax(fax_id)
    assert entry is not None
    expected = [
        "Fax transmission report",
        "Result", "Delivered",
        "From", f"{FROM_NUMBER} (Front desk)",
        "To", f"{TO} (Acme Dental, Acme)",
        "Fax application", "Test office",
        "Queued", local_time_text(timeline["queued"]),
        "Sending started", local_time_text(timeline["sending"]),
        "Finished", local_time_text(timeline["delivered"]),
        "(from the status times)",  # the API's fax object has no call duration
        "Pages", "Quality", "High",
        "Fax ID", fax_id,
        "FaxDesk journal", entry.token,
        "First page", "Made by FaxDesk",
    ]
    missing = [item for item in expected if item not in text]
    assert not missing, f"missing {missing} in:\n{text}"
    assert "\nPages" in text and " 2\n" in text.split("Pages", 1)[1][:80]
    assert "Reason" not in text  # only a failed fax has one

    # The first page, reduced: black top-left quarter, white elsewhere, in a page-wide box.
    ((image, (left, bottom, _right, top)),) = embedded_images(report)
    tl, tr, bl, br = quadrant_means(image)
    assert tl < 40 and min(tr, bl, br) > 215, (tl, tr, bl, br)
    assert image.width <= 800 and 0 < bottom < top < 792 / 2 + 200 and left >= 54


def test_a_failed_fax_report_gives_the_reason_and_a_red_result(
    sandbox: Any, ready_engine: FaxEngine, tmp_path: Path
) -> None:
    fax_id = deliver(sandbox, ready_engine, marked_pdf(tmp_path / "a.pdf", 1), to=BUSY)
    words = ReportWords(failure_text=lambda code: {"user_busy": "The line was busy."}[code or ""])
    report = write_report(ReportFacts.from_store(ready_engine.store, fax_id),
                          tmp_path / "failed.pdf", words)
    text = pdf_text(report)
    assert "Failed" in text and "Reason" in text and "The line was busy." in text
    assert f"{BUSY}\n" in text  # no contact for this number: just the number


def test_a_received_fax_report_says_when_receiving_started(
    sandbox: Any, ready_engine: FaxEngine, tmp_path: Path
) -> None:
    fax_id = sandbox.receive_inbound(from_number="+16175550134", to=FROM_NUMBER, pages=3)
    for _ in range(30):
        sandbox.advance(1)
        ready_engine.syncer.tick()
    ready_engine.inbox.download_pending()
    facts = ReportFacts.from_store(ready_engine.store, fax_id)
    assert facts.document is not None and facts.fax.status == "received"
    text = pdf_text(write_report(facts, tmp_path / "in.pdf"))
    assert "Receiving started" in text and "Sending started" not in text
    assert "Received" in text and "3" in text.split("Pages", 1)[1][:40]
    assert len(embedded_images(tmp_path / "in.pdf")) == 1


def test_without_the_document_the_report_says_so_and_long_texts_keep_it_one_page(
    sandbox: Any, ready_engine: FaxEngine, tmp_path: Path
) -> None:
    fax_id = deliver(sandbox, ready_engine, marked_pdf(tmp_path / "a.pdf", 1))
    facts = ReportFacts.from_store(ready_engine.store, fax_id)
    assert facts.document is not None
    facts.document.unlink()  # the journal's copy is gone (cleaned up, disk moved...)
    long_name = "Dr. " + "Bartholomew-Featherstonehaugh " * 30
    facts = ReportFacts.from_store(ready_engine.store, fax_id)
    facts = ReportFacts(**{**vars_of(facts), "recipient_name": long_name,
                           "sender_name": long_name, "application_name": long_name})
    report = tmp_path / "nodoc.pdf"
    report.write_bytes(render_report(facts, paper="a4"))
    assert page_count(report) == 1
    text = pdf_text(report)
    assert "The document is not on this computer." in text
    assert embedded_images(report) == []


def vars_of(facts: ReportFacts) -> dict[str, Any]:
    return {name: getattr(facts, name) for name in facts.__dataclass_fields__}


def test_a_fax_that_is_not_in_the_history_is_refused_in_words(ready_engine: FaxEngine) -> None:
    with pytest.raises(ReportError, match="There is no fax nope in this computer's history"):
        ReportFacts.from_store(ready_engine.store, "nope")


def wait_for(condition: Callable[[], bool], timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.02)


def test_reports_are_saved_on_delivery_once_each_with_names_that_sort_by_time(
    sandbox: Any, ready_engine: FaxEngine, book: ContactBook, tmp_path: Path
) -> None:
    folder = tmp_path / "reports"
    saved: list[tuple[str, Path]] = []
    saver = ReportSaver(ready_engine.store, folder, contacts=book,
                        on_saved=lambda fid, path: saved.append((fid, path))).attach(
        ready_engine.events)
    try:
        first = deliver(sandbox, ready_engine, marked_pdf(tmp_path / "a.pdf", 1))
        sandbox.advance(5)
        second = deliver(sandbox, ready_engine, marked_pdf(tmp_path / "b.pdf", 1), to=BUSY)
        wait_for(lambda: len(saved) == 2)
        # Changes that are not a new final status save nothing more.
        ready_engine.mark_read(first)
        ready_engine.set_note(second, "called them")
        assert saver.save(first) is None and saver.save(second) is None
    finally:
        saver.stop()
    assert [fid for fid, _ in saved] == [first, second]
    names = sorted(p.name for p in folder.iterdir())
    assert names == [p.name for _, p in saved]  # sorting by name is sorting by time
    assert "delivered" in names[0] and TO in names[0] and "Acme Dental, Acme" in names[0]
    assert "failed" in names[1] and f"({second[:8]})" in names[1]
    assert all(page_count(folder / n) == 1 for n in names)
    assert oct(os.stat(folder / names[0]).st_mode & 0o777) == "0o644"

    # After a restart, a new saver does not save those faxes again.
    again = ReportSaver(ready_engine.store, folder)
    try:
        assert again.save(first) is None
    finally:
        again.stop()
    assert len(list(folder.iterdir())) == 2
