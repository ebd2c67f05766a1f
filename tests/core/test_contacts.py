"""The address book: what the user keeps, finds and moves in and out as CSV."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from faxdesk.core.contacts import Contact, ContactBook, ContactError


@pytest.fixture
def book(tmp_path: Path) -> ContactBook:
    b = ContactBook(tmp_path / "contacts.sqlite3")
    yield b
    b.close()


def test_contacts_survive_reopening(tmp_path: Path) -> None:
    path = tmp_path / "data" / "contacts.sqlite3"
    with ContactBook(path) as b:
        saved = b.add(Contact("Dr. Ada Lovelace", " +44 20 7946 0018 ", "Analytical Ltd", "x"))
    assert saved.id is not None
    with ContactBook(path) as b:
        assert b.all() == [Contact("Dr. Ada Lovelace", "+44 20 7946 0018", "Analytical Ltd", "x",
                                   id=saved.id)]


def test_update_and_delete(book: ContactBook) -> None:
    c = book.add(Contact("Bob", "+13125550100"))
    book.update(Contact("Robert", "+13125550101", "ACME", id=c.id))
    assert book.get(c.id or 0) == Contact("Robert", "+13125550101", "ACME", id=c.id)
    book.delete(c.id or 0)
    assert book.all() == []
    with pytest.raises(ContactError, match="no longer"):
        book.update(Contact("Robert", "+13125550101", id=c.id))


@pytest.mark.parametrize(
    ("name", "number", "message"),
    [("", "+13125550100", "needs a name"), ("Bob", "  ", "no fax number"),
     ("Bob", "12", "too few digits"), ("Bob", "call-me-maybe-123", "letters")],
)
def test_invalid_contacts_are_refused_in_words(
    book: ContactBook, name: str, number: str, message: str
) -> None:
    with pytest.raises(ContactError, match=message):
        book.add(Contact(name, number))
    assert len(book) == 0


def test_search_ranks_name_prefix_first_and_matches_company_and_digits(book: ContactBook) -> None:
    book.add(Contact("Zoe Miller", "+49 30 1234567", "Annex GmbH"))
    book.add(Contact("Anna Schmidt", "+49 40 7654321"))
    book.add(Contact("Hans Anders", "+1 312 555 0100"))
    book.add(Contact("Carl", "+1 646 555 0199"))
    assert [c.name for c in book.search("an")] == ["Anna Schmidt", "Hans Anders", "Zoe Miller"]
    assert [c.name for c in book.search("ANNEX")] == ["Zoe Miller"]
    assert [c.name for c in book.search("555 01")] == ["Carl", "Hans Anders"]
    assert book.search("   ") == []
    assert [c.name for c in book.search("a", limit=1)] == ["Anna Schmidt"]


def test_find_by_number_matches_national_and_e164_forms(book: ContactBook) -> None:
    ada = book.add(Contact("Ada", "030 1234567"))
    assert book.find_by_number("+49301234567") == ada
    assert book.find_by_number("+49 30 1234567") == ada
    assert book.find_by_number("+49301234568") is None
    # Too short to match a suffix safely.
    book.add(Contact("Short", "555"))
    assert book.find_by_number("+1312555") is None


def test_recent_numbers_most_recent_first_without_duplicates(book: ContactBook) -> None:
    book.record_recent("+13125550100", when=1)
    book.record_recent("+13125550101", when=2)
    book.record_recent("+13125550100", when=3)
    book.record_recent("   ")
    assert book.recent_numbers() == ["+13125550100", "+13125550101"]
    for i in range(60):
        book.record_recent(f"+1312555{i:04d}", when=10 + i)
    recent = book.recent_numbers(limit=100)
    assert len(recent) == 50
    assert recent[0] == "+13125550059"


def test_csv_round_trip_keeps_every_field_and_quotes(book: ContactBook, tmp_path: Path) -> None:
    book.add(Contact("Smith, John", "+13125550100", "ACME \"West\"", "line one\nline two"))
    book.add(Contact("Émile Zola", "+33 1 23 45 67 89", "", ""))
    dest = tmp_path / "out.csv"
    assert book.export_csv(dest) == 2
    assert dest.read_text(encoding="utf-8").splitlines()[0] == "name,fax_number,company,notes"
    with ContactBook(tmp_path / "other.sqlite3") as other:
        result = other.import_csv(dest)
        assert (result.added, result.updated, result.skipped) == (2, 0, [])
        assert [(c.name, c.fax_number, c.company, c.notes) for c in other.all()] == [
            ("Émile Zola", "+33 1 23 45 67 89", "", ""),
            ("Smith, John", "+13125550100", "ACME \"West\"", "line one\nline two"),
        ]


def test_export_escapes_spreadsheet_formulas(book: ContactBook) -> None:
    book.add(Contact("=HYPERLINK(\"http://x\")", "+13125550100", "@corp", "-5"))
    out = io.StringIO()
    book.export_csv(out)
    out.seek(0)
    rows = list(csv.reader(out))
    assert rows[1] == ["'=HYPERLINK(\"http://x\")", "+13125550100", "'@corp", "'-5"]


def test_import_accepts_other_headers_semicolons_and_reports_bad_rows(
    book: ContactBook, tmp_path: Path
) -> None:
    existing = book.add(Contact("Old name", "+13125550100"))
    src = tmp_path / "in.csv"
    src.write_text(
        "\ufeffName;Fax;Organization\n"
        "New name;+1 312 555 0100;ACME\n"
        ";+13125550102;Nobody\n"
        "Letters;FAX-ME;\n"
        "\n"
        "Carol;+13125550103\n",
        encoding="utf-8",
    )
    result = book.import_csv(src)
    assert (result.added, result.updated) == (1, 1)
    assert [line for line, _ in result.skipped] == [3, 4]
    assert "needs a name" in result.skipped[0][1]
    assert book.get(existing.id or 0) == Contact("New name", "+1 312 555 0100", "ACME",
                                                 id=existing.id)
    assert book.find_by_number("+13125550103") == Contact(
        "Carol", "+13125550103", id=book.search("carol")[0].id
    )


def test_import_without_usable_header_says_what_is_needed(book: ContactBook) -> None:
    with pytest.raises(ContactError, match="header row"):
        book.import_csv(io.StringIO("Ada,+13125550100\n"))
    with pytest.raises(ContactError, match="empty"):
        book.import_csv(io.StringIO(""))


def test_display_text() -> None:
    assert Contact("Ada", "+1 312", "ACME").display() == "Ada (ACME) — +1 312"
    assert Contact("Ada", "+1 312").display() == "Ada — +1 312"
