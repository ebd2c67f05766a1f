"""Preparing a send: every rule a fax must pass before it may reach the journal.

Both front doors (the send dialog and `faxdesk send`) build a `SendRequest` from what a person
typed and call `prepare_send`. It reads and checks the documents, parses the numbers with the
user's default country, builds one PDF per recipient (cover page first when asked), and checks
Telnyx's limits. The answer is a `PreparedSend`, or `SendRefused` with every problem found, each
with a kind (for code) and a message (for people). `FaxEngine.submit` takes only a `PreparedFax`,
so nothing reaches the journal without passing here.

The per-item checks (`check_document`, `parse_recipient`, `combined_problems`,
`SendOptions.problems`) are public so the dialog can show the same words live, while typing.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from faxdesk.core import documents as pipeline  # its PDF libraries load with the first document
from faxdesk.core.documents.cover_content import CoverPage, CoverWords
from faxdesk.core.documents.errors import DocumentError
from faxdesk.core.documents.pages import DocumentInfo, Paper
from faxdesk.core.documents.telnyx_limits import MAX_PAGES, MAX_UPLOAD_BYTES
from faxdesk.core.numbers import InvalidNumberError, format_for_display, parse_fax_number
from faxdesk.core.paths import storage_error
from faxdesk.core.translatable import QT_TRANSLATE_NOOP
from faxdesk.core.words import Sentence

RefusalKind = Literal[
    "no_document",  # nothing to send
    "unreadable_file",  # missing, a folder, not a regular file, no permission
    "not_a_document",  # not a PDF or an image, whatever its name says
    "damaged_document",  # truncated, corrupt, empty file
    "password_protected",
    "empty_document",  # no pages
    "too_many_pages",
    "too_large",
    "no_recipient",
    "invalid_number",
    "emergency_number",
    "no_sender",
    "invalid_caller_name",
    "missing_logo",
    "storage",  # FaxDesk cannot write its own copy (disk full, permissions)
]

Quality = Literal["normal", "high", "very_high", "ultra_light", "ultra_dark"]
QUALITIES: tuple[Quality, ...] = ("normal", "high", "very_high", "ultra_light", "ultra_dark")
PreviewFormat = Literal["pdf", "tiff"]

# Telnyx's `from_display_name`: 1-128 of these characters (SendFaxRequest in the spec).
_CALLER_NAME = re.compile(r"^[A-Za-z0-9 \-_~!.+]{1,128}$")
# Countries that use US Letter paper; everyone else gets A4.
_LETTER_COUNTRIES = frozenset({"US", "CA", "MX", "PH", "CL", "CO", "VE", "GT", "CR", "PR"})


def paper_for(country: str) -> Paper:
    return "letter" if country.upper() in _LETTER_COUNTRIES else "a4"


@dataclass(frozen=True, slots=True)
class Refusal:
    """One reason a send cannot go, for code (`kind`) and for people (`message`)."""

    kind: RefusalKind
    message: str
    subject: str = ""  # the file or the number it is about
    can_shrink: bool = False  # "make smaller" (re-rendering at fax resolution) would fix it
    # For the window's translation: `message` is `template` (marked for translation in
    # `context`) filled with `values` (English).
    template: str = ""
    values: tuple[tuple[str, str], ...] = ()
    context: str = "Sending"

    @property
    def sentence(self) -> Sentence:
        return Sentence(self.context, self.template or "{text}",
                        self.values if self.template else (("text", self.message),))


def refusal(kind: RefusalKind, template: str, subject: str = "", **values: str) -> Refusal:
    """A refusal whose words the window can translate (`template` is marked for lupdate)."""
    return Refusal(kind, template.format(**values), subject, template=template,
                   values=tuple(values.items()))


class SendRefused(Exception):
    """Nothing was queued; `refusals` says every reason found."""

    def __init__(self, refusals: Sequence[Refusal]) -> None:
        self.refusals = tuple(refusals)
        super().__init__("\n".join(r.message for r in self.refusals))

    @property
    def kinds(self) -> tuple[RefusalKind, ...]:
        return tuple(r.kind for r in self.refusals)


@dataclass(frozen=True, slots=True)
class SendOptions:
    """The SendFax options a person may choose; None leaves Telnyx's default."""

    quality: Quality | None = None
    t38_enabled: bool | None = None
    monochrome: bool | None = None
    black_threshold: int | None = None
    store_preview: bool | None = None
    preview_format: PreviewFormat | None = None
    from_display_name: str | None = None

    def problems(self) -> list[Refusal]:
        name = self.from_display_name
        if name and not _CALLER_NAME.match(name):
            return [refusal("invalid_caller_name", QT_TRANSLATE_NOOP(
                "Sending", "The caller name may only use letters, digits, spaces and "
                "- _ ~ ! . + (at most 128 characters)."), name)]
        return []

    def as_api(self) -> dict[str, object]:
        """The keyword arguments for `TelnyxClient.send_fax` (only what was chosen)."""
        fields = {
            "quality": self.quality, "t38_enabled": self.t38_enabled,
            "monochrome": self.monochrome, "black_threshold": self.black_threshold,
            "store_preview": self.store_preview, "preview_format": self.preview_format,
            "from_display_name": self.from_display_name,
        }
        return {k: v for k, v in fields.items() if v is not None}

    @classmethod
    def from_api(cls, values: dict[str, object]) -> SendOptions:
        """Back from what `as_api` stored in the journal (unknown keys are ignored)."""
        known = {k: v for k, v in values.items() if k in cls.__dataclass_fields__}
        return cls(**known)  # type: ignore[arg-type]


@dataclass(frozen=True, slots=True)
class Recipient:
    """A recipient as typed, with the names the cover page shows (from the address book)."""

    text: str
    name: str = ""
    company: str = ""


@dataclass(frozen=True, slots=True)
class CoverDetails:
    """What the sender typed for the cover page; blank To/Company come from each recipient."""

    to_name: str = ""
    company: str = ""
    from_name: str = ""
    from_company: str = ""
    subject: str = ""
    message: str = ""
    logo: Path | None = None
    words: CoverWords | None = None  # the cover's language (None: English)


@dataclass(frozen=True, slots=True)
class SendRequest:
    documents: tuple[Path, ...]
    recipients: tuple[Recipient, ...]
    connection_id: str
    from_number: str
    options: SendOptions = field(default_factory=SendOptions)
    cover: CoverDetails | None = None
    default_country: str = "US"


@dataclass(frozen=True, slots=True)
class ParsedNumber:
    number: str  # what goes into `to`: E.164 or a SIP URI
    display: str
    warnings: tuple[Sentence, ...] = ()


@dataclass(frozen=True, slots=True)
class DocumentCheck:
    """One document as intake found it: usable, or the reasons it is not."""

    path: Path
    info: DocumentInfo | None
    refusals: tuple[Refusal, ...]

    @property
    def can_shrink(self) -> bool:
        return bool(self.refusals) and all(r.can_shrink for r in self.refusals)


@dataclass(frozen=True, slots=True)
class PreparedFax:
    """One fax ready for the journal: a checked PDF, one recipient, a sender."""

    document: Path
    to: str
    to_display: str
    from_number: str
    connection_id: str
    options: SendOptions
    page_count: int
    document_name: str  # what the person recognises: "referral.pdf" or "3 documents"


@dataclass(frozen=True, slots=True)
class PreparedSend:
    faxes: tuple[PreparedFax, ...]
    warnings: tuple[Sentence, ...] = ()


# --- the checks ----------------------------------------------------------------------------------


#: The documents' own refusal words, grouped into the kinds a front door acts on.
_DOCUMENT_KINDS: Mapping[str, RefusalKind] = {
    "missing": "unreadable_file", "folder": "unreadable_file", "not_a_file": "unreadable_file",
    "no_permission": "unreadable_file", "unreadable": "unreadable_file",
    "empty_file": "damaged_document", "damaged": "damaged_document",
    "render": "damaged_document", "encryption_unsupported": "damaged_document",
    "unsupported": "not_a_document", "password": "password_protected",
    "no_pages": "empty_document",
}


def document_refusal(exc: DocumentError) -> Refusal:
    return Refusal(_DOCUMENT_KINDS.get(exc.refusal, "damaged_document"), str(exc),
                   exc.path.name)


def check_document(path: Path, *, paper: Paper = "letter", quality: Quality | None = None,
                   monochrome: bool = False) -> DocumentCheck:
    """Intake and Telnyx's limits for one file, as it will be at `quality` (blocking: run it
    off the GUI thread)."""
    try:
        info = pipeline.inspect_document(path, paper=paper, quality=quality, monochrome=monochrome)
    except DocumentError as exc:
        return DocumentCheck(path, None, (document_refusal(exc),))
    limits = tuple(
        Refusal("too_many_pages" if p.code == "too_many_pages" else "too_large", p.message,
                path.name, p.can_rerender)
        for p in pipeline.check_limits(info)
    )
    return DocumentCheck(path, info, limits)


def parse_recipient(text: str, default_country: str) -> ParsedNumber:
    """Parse a number as a person typed it; raises SendRefused (invalid or emergency)."""
    try:
        result = parse_fax_number(text, default_country or "US")
    except InvalidNumberError as exc:
        kind: RefusalKind = "emergency_number" if exc.emergency else "invalid_number"
        said = exc.sentence
        raise SendRefused([Refusal(kind, said.english(), text, template=said.template,
                                   values=said.values, context=said.context)]) from None
    return ParsedNumber(result.e164, result.display, tuple(result.warnings))


def combined_problems(checks: Sequence[DocumentCheck], *, cover: bool) -> list[Refusal]:
    """Limits of the whole fax (all documents together, with the cover page)."""
    usable = [c.info for c in checks if c.info is not None]
    problems = combined_limits([i.page_count for i in usable], [i.fax_bytes for i in usable],
                               cover=cover)
    if not checks:
        problems.insert(0, refusal("no_document", NO_DOCUMENT))
    return problems


NO_DOCUMENT = QT_TRANSLATE_NOOP(
    "Sending", "Add at least one document: a PDF or an image (PNG, JPEG, TIFF).")


def combined_limits(pages: Sequence[int], sizes: Sequence[int], *,
                    cover: bool) -> list[Refusal]:
    """Telnyx's limits for documents sent together (each one was checked on its own)."""
    problems: list[Refusal] = []
    total = sum(pages) + (1 if cover else 0)
    if len(pages) + int(cover) > 1 and total > MAX_PAGES:
        problems.append(refusal("too_many_pages", QT_TRANSLATE_NOOP(
            "Sending", "Together the documents have {total} pages; Telnyx sends at most {max} "
            "pages in one fax. Remove some, or send them as separate faxes."),
            total=str(total), max=str(MAX_PAGES)))
    size = sum(sizes)
    if len(sizes) > 1 and size > MAX_UPLOAD_BYTES:
        problems.append(refusal("too_large", QT_TRANSLATE_NOOP(
            "Sending", "Together the documents are {size} MB; at most {max} MB can be uploaded "
            "for one fax. Remove some, or send them as separate faxes."),
            size=f"{size / 1e6:.1f}", max=f"{MAX_UPLOAD_BYTES / 1e6:.0f}"))
    return problems


def sender_problems(connection_id: str, from_number: str) -> list[Refusal]:
    if not connection_id or not from_number:
        return [refusal("no_sender", QT_TRANSLATE_NOOP(
            "Sending", "Choose the fax application and the number to send from."))]
    return []


# --- preparing -----------------------------------------------------------------------------------


def prepare_send(request: SendRequest, work_dir: Path) -> PreparedSend:
    """Check everything and build each recipient's PDF in `work_dir` (blocking).

    Raises SendRefused listing every problem; nothing is built unless all checks pass.
    """
    paper = paper_for(request.default_country)
    options = request.options
    checks = [check_document(Path(p), paper=paper, quality=options.quality,
                             monochrome=bool(options.monochrome)) for p in request.documents]
    refusals: list[Refusal] = [r for c in checks for r in c.refusals]
    refusals += combined_problems(checks, cover=request.cover is not None)
    numbers: list[tuple[Recipient, ParsedNumber]] = []
    if not request.recipients:
        refusals.append(refusal("no_recipient", QT_TRANSLATE_NOOP(
            "Sending", "Add at least one recipient.")))
    for recipient in request.recipients:
        try:
            numbers.append((recipient, parse_recipient(recipient.text,
                                                       request.default_country)))
        except SendRefused as exc:
            refusals.extend(exc.refusals)
    refusals += sender_problems(request.connection_id, request.from_number)
    refusals += request.options.problems()
    cover = request.cover
    if cover is not None and cover.logo is not None and not cover.logo.is_file():
        refusals.append(refusal("missing_logo", QT_TRANSLATE_NOOP(
            "Sending", "The logo file {path} does not exist."), cover.logo.name,
            path=str(cover.logo)))
    if refusals:
        raise SendRefused(refusals)
    return PreparedSend(
        tuple(_build(request, recipient, number, work_dir, paper) for recipient, number in numbers),
        tuple(w for _, n in numbers for w in n.warnings),
    )


def _build(request: SendRequest, recipient: Recipient, number: ParsedNumber, work_dir: Path,
           paper: Paper) -> PreparedFax:
    dest = work_dir / f"prepared-{uuid.uuid4().hex}.pdf"
    cover_page = None
    if request.cover is not None:
        c = request.cover
        cover_page = CoverPage(
            to_name=c.to_name or recipient.name, to_number=number.display,
            company=c.company or recipient.company, from_name=c.from_name,
            from_number=format_for_display(request.from_number), from_company=c.from_company,
            subject=c.subject, message=c.message, logo=c.logo, paper=paper,
            words=c.words or CoverWords())
    try:
        info = pipeline.build_fax_document(list(request.documents), cover_page, dest,
                                           paper=paper, quality=request.options.quality,
                                           monochrome=bool(request.options.monochrome))
    except DocumentError as exc:
        raise SendRefused([document_refusal(exc)]) from None
    except OSError as exc:
        raise SendRefused([Refusal("storage", str(storage_error(exc, dest)))]) from None
    limits = pipeline.check_limits(info)
    if limits:
        dest.unlink(missing_ok=True)
        raise SendRefused([Refusal("too_many_pages" if p.code == "too_many_pages"
                                   else "too_large", p.message, can_shrink=p.can_rerender)
                           for p in limits])
    return PreparedFax(
        document=dest, to=number.number, to_display=number.display,
        from_number=request.from_number, connection_id=request.connection_id,
        options=request.options, page_count=info.page_count,
        document_name=document_name(request.documents))


def document_name(documents: Iterable[Path]) -> str:
    names = [Path(d).name for d in documents]
    if len(names) == 1:
        return names[0]
    return f"{names[0]} and {len(names) - 1} more" if names else ""
