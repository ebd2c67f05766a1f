"""The address book: contacts (name, fax number, company, notes) and recently used numbers.

Stored in its own small SQLite file in the data directory so the send dialog can look names up
without touching the fax store. Numbers are kept as the user typed them; a digits-only key makes
lookups work whether the number was entered as E.164 or in national form. CSV import and export
use the columns ``name, fax_number, company, notes`` (a header row is required on import; common
alternative spellings such as "Fax" or "Number" are accepted).
"""

from __future__ import annotations

import csv
import io
import re
import sqlite3
import threading
import time
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TextIO

from faxdesk.core.paths import atomic_write_text

CONTACTS_FILE = "contacts.sqlite3"
CSV_FIELDS = ("name", "fax_number", "company", "notes")
# Shorter digit strings are too ambiguous to match a national number against an E.164 one.
_MIN_SUFFIX_MATCH = 7
_MAX_RECENT = 50

_SCHEMA = """
CREATE TABLE IF NOT EXISTS contacts (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    name TEXT NOT NULL,
    fax_number TEXT NOT NULL,
    digits TEXT NOT NULL,
    company TEXT NOT NULL DEFAULT '',
    notes TEXT NOT NULL DEFAULT ''
);
CREATE INDEX IF NOT EXISTS contacts_digits ON contacts(digits);
CREATE TABLE IF NOT EXISTS recent_numbers (
    number TEXT PRIMARY KEY,
    used_at REAL NOT NULL
);
"""

# Header spellings accepted on import, mapped to our field names.
_HEADER_ALIASES = {
    "name": "name",
    "full name": "name",
    "contact": "name",
    "fax_number": "fax_number",
    "fax number": "fax_number",
    "fax": "fax_number",
    "number": "fax_number",
    "company": "company",
    "organization": "company",
    "organisation": "company",
    "notes": "notes",
    "note": "notes",
}


class ContactError(ValueError):
    """A contact could not be saved; ``str()`` says why in words."""


@dataclass(frozen=True, slots=True)
class Contact:
    name: str
    fax_number: str
    company: str = ""
    notes: str = ""
    id: int | None = None

    def display(self) -> str:
        """'Name (Company) — number', the text shown in lists and the autocomplete popup."""
        who = f"{self.name} ({self.company})" if self.company else self.name
        return f"{who} — {self.fax_number}"


@dataclass(slots=True)
class ImportResult:
    added: int = 0
    updated: int = 0
    # (line number in the file, reason in words)
    skipped: list[tuple[int, str]] = field(default_factory=list)


def number_digits(number: str) -> str:
    """The digits of a number, without '+', spaces or punctuation."""
    return re.sub(r"\D", "", number)


def same_number(a: str, b: str) -> bool:
    """Whether two numbers (any formatting, national or E.164) are the same line."""
    a, b = number_digits(a), number_digits(b)
    if not a or not b:
        return False
    if a == b:
        return True
    short, long_ = sorted((a, b), key=len)
    # "0301234567" (national, trunk prefix 0) vs "49301234567": compare without the trunk zero.
    short = short.lstrip("0")
    return len(short) >= _MIN_SUFFIX_MATCH and long_.endswith(short)


def find_number(contacts: Iterable[Contact], number: str) -> Contact | None:
    """The first of ``contacts`` with this fax number (works on a list already in memory)."""
    for c in contacts:
        if same_number(number, c.fax_number):
            return c
    return None


def _clean(contact: Contact) -> Contact:
    name = contact.name.strip()
    number = contact.fax_number.strip()
    if not name:
        raise ContactError("A contact needs a name.")
    if not number:
        raise ContactError(f"{name} has no fax number.")
    if len(number_digits(number)) < 3:
        raise ContactError(f"“{number}” does not look like a fax number (too few digits).")
    if re.search(r"[A-Za-z]", number):
        raise ContactError(f"“{number}” does not look like a fax number (it contains letters).")
    return replace(
        contact, name=name, fax_number=number, company=contact.company.strip(),
        notes=contact.notes.strip(),
    )


class ContactBook:
    """The address book in a SQLite file; safe to use from several threads (one lock)."""

    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._lock = threading.Lock()
        self._db = sqlite3.connect(self.path, check_same_thread=False)
        self._db.row_factory = sqlite3.Row
        # WAL + NORMAL: a commit survives an app crash; only a power cut may lose the last one.
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=NORMAL")
        with self._db:
            self._db.executescript(_SCHEMA)

    @classmethod
    def open_default(cls) -> ContactBook:
        """The book in the user's data directory (honours ``FAXDESK_HOME``)."""
        from faxdesk.core.paths import data_dir

        return cls(data_dir() / CONTACTS_FILE)

    def close(self) -> None:
        with self._lock:
            self._db.close()

    def __enter__(self) -> ContactBook:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- contacts -----------------------------------------------------------------------------

    def add(self, contact: Contact) -> Contact:
        c = _clean(contact)
        with self._lock, self._db:
            cur = self._db.execute(
                "INSERT INTO contacts(name, fax_number, digits, company, notes) VALUES (?,?,?,?,?)",
                (c.name, c.fax_number, number_digits(c.fax_number), c.company, c.notes),
            )
        return replace(c, id=cur.lastrowid)

    def update(self, contact: Contact) -> Contact:
        if contact.id is None:
            raise ContactError("Only a saved contact can be updated.")
        c = _clean(contact)
        with self._lock, self._db:
            cur = self._db.execute(
                "UPDATE contacts SET name=?, fax_number=?, digits=?, company=?, notes=? WHERE id=?",
                (c.name, c.fax_number, number_digits(c.fax_number), c.company, c.notes, c.id),
            )
        if cur.rowcount == 0:
            raise ContactError(f"{c.name} is no longer in the address book.")
        return c

    def delete(self, contact_id: int) -> None:
        with self._lock, self._db:
            self._db.execute("DELETE FROM contacts WHERE id=?", (contact_id,))

    def get(self, contact_id: int) -> Contact | None:
        with self._lock:
            row = self._db.execute("SELECT * FROM contacts WHERE id=?", (contact_id,)).fetchone()
        return _row(row) if row else None

    def all(self) -> list[Contact]:
        with self._lock:
            rows = self._db.execute("SELECT * FROM contacts").fetchall()
        return sorted((_row(r) for r in rows), key=lambda c: (_sort_key(c.name), c.id or 0))

    def __len__(self) -> int:
        with self._lock:
            return int(self._db.execute("SELECT COUNT(*) FROM contacts").fetchone()[0])

    def search(self, text: str, limit: int = 20) -> list[Contact]:
        """Contacts whose name, company or number matches ``text`` (case-insensitive).

        Name matches at the start of a word rank first, then other name/company matches, then
        number matches; an empty query returns nothing.
        """
        query = text.strip().casefold()
        if not query:
            return []
        digits = number_digits(query)
        ranked: list[tuple[int, str, Contact]] = []
        for c in self.all():
            name = c.name.casefold()
            words = re.split(r"[\s\-.,']+", name)
            if name.startswith(query) or any(w.startswith(query) for w in words):
                rank = 0
            elif query in name or query in c.company.casefold():
                rank = 1
            elif digits and len(digits) >= 2 and digits in number_digits(c.fax_number):
                rank = 2
            else:
                continue
            ranked.append((rank, _sort_key(c.name), c))
        ranked.sort(key=lambda t: (t[0], t[1]))
        return [c for _, _, c in ranked[:limit]]

    def find_by_number(self, number: str) -> Contact | None:
        """The contact with this fax number (national or E.164 form), if any."""
        return find_number(self.all(), number)

    # -- recent numbers -----------------------------------------------------------------------

    def record_recent(self, number: str, *, when: float | None = None) -> None:
        """Remember that a fax went to ``number`` (keeps the latest 50)."""
        number = number.strip()
        if not number:
            return
        used_at = time.time() if when is None else when
        with self._lock, self._db:
            self._db.execute(
                "INSERT INTO recent_numbers(number, used_at) VALUES (?, ?) "
                "ON CONFLICT(number) DO UPDATE SET used_at=excluded.used_at",
                (number, used_at),
            )
            self._db.execute(
                "DELETE FROM recent_numbers WHERE number NOT IN "
                "(SELECT number FROM recent_numbers ORDER BY used_at DESC LIMIT ?)",
                (_MAX_RECENT,),
            )

    def recent_numbers(self, limit: int = 10) -> list[str]:
        """Numbers faxed to lately, most recent first."""
        with self._lock:
            rows = self._db.execute(
                "SELECT number FROM recent_numbers ORDER BY used_at DESC LIMIT ?", (limit,)
            ).fetchall()
        return [str(r[0]) for r in rows]

    # -- CSV ----------------------------------------------------------------------------------

    def export_csv(self, dest: Path | str | TextIO) -> int:
        """Write every contact as CSV (with a header row); returns how many were written."""
        contacts = self.all()
        if isinstance(dest, (str, Path)):
            # Whole or not at all: a full disk leaves an older export as it was.
            text = io.StringIO(newline="")
            _write_csv(text, contacts)
            atomic_write_text(dest, text.getvalue())
        else:
            _write_csv(dest, contacts)
        return len(contacts)

    def import_csv(self, src: Path | str | TextIO) -> ImportResult:
        """Add the contacts of a CSV file; a row whose number is already in the book updates it.

        Rows that cannot be used are skipped with the reason; the rest still go in.
        """
        if isinstance(src, (str, Path)):
            with Path(src).open(newline="", encoding="utf-8-sig") as handle:
                return self._import_rows(handle)
        return self._import_rows(src)

    def _import_rows(self, handle: TextIO) -> ImportResult:
        text = handle.read()
        result = ImportResult()
        # Spreadsheets in many locales write ';' or tab: take whichever the header uses most.
        first_line = text.splitlines()[0] if text else ""
        delimiter = max(",;\t", key=first_line.count)
        reader = csv.reader(io.StringIO(text), delimiter=delimiter)
        header = next(reader, None)
        if header is None:
            raise ContactError("The file is empty.")
        columns = [_HEADER_ALIASES.get(h.strip().casefold()) for h in header]
        if "name" not in columns or "fax_number" not in columns:
            raise ContactError(
                "The file needs a header row with at least the columns “name” and “fax_number”."
            )
        for values in reader:
            line = reader.line_num
            if not any(v.strip() for v in values):
                continue
            fields = {col: values[i] for i, col in enumerate(columns) if col and i < len(values)}
            try:
                contact = _clean(Contact(
                    name=fields.get("name", ""), fax_number=fields.get("fax_number", ""),
                    company=fields.get("company", ""), notes=fields.get("notes", ""),
                ))
            except ContactError as exc:
                result.skipped.append((line, str(exc)))
                continue
            existing = self.find_by_number(contact.fax_number)
            if existing is not None:
                self.update(replace(contact, id=existing.id))
                result.updated += 1
            else:
                self.add(contact)
                result.added += 1
        return result


def _write_csv(handle: TextIO, contacts: Iterable[Contact]) -> None:
    writer = csv.writer(handle)
    writer.writerow(CSV_FIELDS)
    for c in contacts:
        writer.writerow([csv_safe(c.name), c.fax_number, csv_safe(c.company), csv_safe(c.notes)])


def csv_safe(value: str) -> str:
    # A leading =, +, - or @ makes spreadsheets run the cell as a formula (CSV injection).
    # Numbers legitimately start with '+', so only free-text columns are escaped.
    return "'" + value if value[:1] in ("=", "+", "-", "@") else value


def _sort_key(name: str) -> str:
    # "Émile" sorts with "E", not after "Z".
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _row(row: sqlite3.Row) -> Contact:
    return Contact(
        id=int(row["id"]), name=row["name"], fax_number=row["fax_number"],
        company=row["company"], notes=row["notes"],
    )
