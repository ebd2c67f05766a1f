"""Headless fax commands over the same engine as the window: send, list, show, cancel, delete,
refresh, inbox, outbox, apps. Exit codes: see `faxdesk.cli.running`.
"""

from __future__ import annotations

import argparse
import time
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from faxdesk.cli.running import (
    EXIT_AUTH,
    EXIT_FAILED,
    EXIT_NETWORK,
    EXIT_OK,
    EXIT_UNKNOWN_OUTCOME,
    EXIT_USAGE,
    CommandError,
    Context,
    JsonValue,
    common_options,
    duration,
    duration_text,
    err,
    handler,
    positive_int,
)

if TYPE_CHECKING:
    from faxdesk.api.models import FaxApplication
    from faxdesk.core.records import JournalEntry, TimelineEntry
    from faxdesk.core.rows import FaxRow

EXIT_CODES_HELP = (
    "exit codes: 0 done, 1 failed or refused, 2 bad input (nothing sent), 3 API key missing or "
    "not accepted, 4 network problem, 5 no such fax, 6 outcome unknown (may have been sent; "
    "FaxDesk checks before sending again), 7 FaxDesk's own files unusable, 130 interrupted"
)


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    def add(name: str, summary: str, description: str) -> argparse.ArgumentParser:
        return subparsers.add_parser(name, help=summary, description=description,
                                     epilog=EXIT_CODES_HELP)

    p = add("send", "send a fax", "Send one fax. Several files are merged into one document, "
            "in order. Documents and the number are checked first, as in the window.")
    p.add_argument("files", nargs="+", type=Path, metavar="FILE",
                   help="PDF, PNG, JPEG or TIFF files")
    p.add_argument("--to", required=True,
                   help="recipient, as you would dial it: national numbers use the default "
                        "country from Settings, e.g. (415) 555-0123 or +44 20 7946 0018")
    p.add_argument("--from", dest="from_number", default=None,
                   help="sender number (default: the application's first number)")
    p.add_argument("--app", default=None,
                   help="fax application id or name (default: the only one)")
    p.add_argument("--quality", choices=("normal", "high", "very_high", "ultra_light",
                                         "ultra_dark"), default=None,
                   help="how Telnyx renders the pages (default: Telnyx's, high)")
    p.add_argument("--follow", action="store_true",
                   help="wait and print each status until the fax is delivered or failed")
    p.add_argument("--timeout", type=duration, default=600.0, metavar="DURATION",
                   help="with --follow: stop waiting after this long, e.g. 90s, 10m or 1h "
                        "(a bare number is seconds; default 10m)")
    common_options(p)
    p.set_defaults(handler=handler(cmd_send))

    p = add("list", "list faxes (synced first)",
            "List faxes, newest first, after a sync with Telnyx: id, time, from → to, status. "
            "Says so when there are more than --limit.")
    p.add_argument("--direction", choices=("inbound", "outbound"),
                   help="only received (inbound) or sent (outbound) faxes")
    p.add_argument("--status", help="only faxes with this Telnyx status, e.g. delivered")
    p.add_argument("--search", help="only faxes whose number, note or id contains this")
    p.add_argument("--limit", type=positive_int, default=50, metavar="N",
                   help="show at most N faxes, newest first (default 50)")
    common_options(p)
    p.set_defaults(handler=handler(cmd_list))

    for name, summary, description, fn in (
        ("show", "show one fax with its timeline",
         "Show one fax: its status in words, pages, application, document and every step "
         "of its timeline. A fax of the account this computer has not seen yet is fetched.",
         cmd_show),
        ("cancel", "cancel an outbound fax in flight",
         "Ask Telnyx to stop a fax that is still queued or sending. A delivered or failed fax "
         "cannot be cancelled (exit 1).", cmd_cancel),
        ("delete", "delete a fax on Telnyx and locally",
         "Delete a fax from your Telnyx account and from this computer's history.", cmd_delete),
        ("refresh", "fetch one fax again (and renew a received fax's link)",
         "Fetch one fax from Telnyx again; for a received fax, renew its document link and "
         "download the document.", cmd_refresh),
    ):
        p = add(name, summary, description)
        p.add_argument("fax_id", metavar="ID", help="the fax id (as `faxdesk list` shows it)")
        common_options(p)
        p.set_defaults(handler=handler(fn))

    p = add("inbox", "list received faxes and download new ones",
            "Sync, download received faxes, and list them with where they are saved.")
    p.add_argument("--limit", type=positive_int, default=50, metavar="N",
                   help="show at most N faxes, newest first (default 50)")
    common_options(p)
    p.set_defaults(handler=handler(cmd_inbox))


# --- output helpers -----------------------------------------------------------------------


def when(value: datetime | None) -> str:
    return value.astimezone().strftime("%Y-%m-%d %H:%M:%S") if value else "-"


def row_json(row: FaxRow) -> dict[str, JsonValue]:
    return {
        "id": row.fax_id or row.id, "row_id": row.id, "journal_id": row.journal_id,
        "direction": row.direction, "status": row.status, "pending": row.pending,
        "status_words": row.status_words, "from": row.from_number, "to": row.to,
        "connection_id": row.connection_id, "failure_reason": row.failure_reason,
        "page_count": row.page_count,
        "created_at": row.created_at.isoformat() if row.created_at else None,
        "updated_at": row.updated_at.isoformat() if row.updated_at else None,
        "read": row.read, "note": row.note, "document": row.document_path,
        "download_state": row.download_state,
    }


def timeline_json(entries: list[TimelineEntry]) -> list[JsonValue]:
    return [{"status": t.status, "at": t.at.isoformat(), "source": t.source,
             "detail": t.detail} for t in entries]


def row_line(row: FaxRow) -> str:
    from faxdesk.core.words import failure_words

    status = row.status_words
    if row.failure_reason:
        status += f": {failure_words(row.failure_reason)}"
    # The arrow follows the fax: from the sender to the receiver, whichever way it went.
    party = f"{row.from_number or '-'} → {row.to or '-'}"
    return f"{row.fax_id or row.id}  {when(row.created_at)}  {party}  {status}"


def timeline_line(item: TimelineEntry, *, source: bool = False) -> str:
    """One step of a fax's history in words, as the window shows it: no status or failure
    codes, no note formats of the engine."""
    from faxdesk.core.timeline_words import timeline_words
    from faxdesk.core.words import detail_words

    said = timeline_words(item)
    step = said.with_time(when(said.at) if said.at is not None else "").english()
    notes = [n.english().rstrip(".") for n in said.notes]
    if source:  # `show`: the identifiers and codes too, for whoever reads it closely
        notes += [detail_words(h) for h in said.hidden]
    where = f"  [{item.source}]" if source else ""
    extra = "; ".join(n for n in notes if n)
    return f"{when(item.at)}  {step}{where}" + (f" ({extra})" if extra else "")


def more_note(shown: int, what: str) -> str:
    return (f"Showing the newest {shown} {what}; there are more. "
            f"Use --limit N to show more.")


def sync(ctx: Context) -> None:
    """One sync on this thread; a failure is an error of the command (said without the
    window's "tries again", since the command stops here)."""
    syncer = ctx.engine.syncer
    if not syncer.tick():
        if syncer.last_error is not None:
            raise syncer.last_error
        code = EXIT_AUTH if syncer.state == "auth_failed" else EXIT_NETWORK
        raise CommandError(syncer.message, code)


# --- send ---------------------------------------------------------------------------------


def pick_app(ctx: Context, wanted: str | None) -> FaxApplication:
    apps = ctx.engine.refresh_applications()
    if not apps:
        raise CommandError("This account has no fax application; create one with "
                           "`faxdesk apps create NAME`.", EXIT_USAGE)
    if wanted is None:
        if len(apps) > 1 and not ctx.sandbox:
            names = ", ".join(f"{a.id} ({a.application_name})" for a in apps)
            raise CommandError(f"Several fax applications; choose one with --app: {names}",
                               EXIT_USAGE)
        return apps[0]
    for app in apps:
        if wanted in (app.id, app.application_name):
            return app
    raise CommandError(f"No fax application {wanted!r}.", EXIT_USAGE)


def cmd_send(ctx: Context) -> int:
    from faxdesk.core.sending import (
        Recipient,
        SendOptions,
        SendRefused,
        SendRequest,
        parse_recipient,
    )

    args = ctx.args
    engine = ctx.engine
    # The number and the documents are checked before anything is asked of Telnyx.
    try:
        number = parse_recipient(args.to, ctx.settings.default_country)
    except SendRefused as exc:
        raise CommandError("Nothing was sent.\n  " + "\n  ".join(
            r.message for r in exc.refusals), EXIT_USAGE) from None
    for warning in number.warnings:  # the window shows these beside the number
        err("Note: " + warning.english())
    app = pick_app(ctx, args.app)
    from_number = args.from_number
    if from_number is None:
        numbers = engine.list_phone_numbers(app.id)
        if not numbers:
            raise CommandError(f"Application {app.id} has no phone number; give --from.",
                               EXIT_USAGE)
        from_number = numbers[0].phone_number
    request = SendRequest(
        documents=tuple(args.files), recipients=(Recipient(args.to),), connection_id=app.id,
        from_number=from_number, options=SendOptions(quality=args.quality),
        default_country=ctx.settings.default_country)
    (journal_id,) = engine.send(request)
    # Run the journal entry here (the engine's threads are not started for a command).
    entry = engine.outbox.process(journal_id) or engine.journal_entry(journal_id)
    if entry is None or entry.state not in ("tracking", "done") or entry.fax_id is None:
        return _not_sent(entry)
    row = engine.row(entry.fax_id)
    if not args.follow:
        status = row.status_words.lower() if row is not None else "queued"
        ctx.out(f"Sent: fax {entry.fax_id} to {args.to} ({status}).",
                {"journal_id": journal_id, "fax": row_json(row) if row else {"id": entry.fax_id}})
        return EXIT_OK
    return follow(ctx, entry.fax_id, args.timeout)


def _not_sent(entry: JournalEntry | None) -> int:
    if entry is None:
        err("The send was dropped before it went out; nothing was sent.")
        return EXIT_FAILED
    reason = entry.error or "no reason given"
    if entry.state == "rejected":
        err(f"Telnyx refused the fax; nothing was sent. {reason}")
        return EXIT_FAILED
    if entry.error_kind == "ambiguous":
        err(f"{reason} Do not send it again: `faxdesk outbox` shows it, and every faxdesk "
            "command checks it until its fate is known.")
        return EXIT_UNKNOWN_OUTCOME
    later = ("It stays in the outbox and is sent by the next faxdesk command "
             "(or now with `faxdesk outbox retry`)")
    if entry.error_kind == "auth":
        err(f"The fax is not sent yet: {reason} {later} once the key works.")
        return EXIT_AUTH
    err(f"The fax is not sent yet: {reason} {later}.")
    return EXIT_NETWORK


def follow(ctx: Context, fax_id: str, timeout: float) -> int:
    engine = ctx.engine
    deadline = time.monotonic() + timeout
    shown = 0
    while True:
        timeline = engine.store.timeline(fax_id)
        for item in timeline[shown:]:
            if not ctx.json:
                print(timeline_line(item), flush=True)
        shown = len(timeline)
        row = engine.row(fax_id)
        if row is not None and row.is_final:
            break
        if time.monotonic() > deadline:
            state = row.status_words.lower() if row is not None else "queued"
            err(f"Stopped waiting for fax {fax_id} after {duration_text(timeout)}; it is {state}. "
                f"`faxdesk show {fax_id}` tells how it goes on.")
            return EXIT_NETWORK
        time.sleep(min(engine.syncer.next_delay(), 1.0))
        engine.syncer.tick()
    if ctx.json:
        ctx.out("", {"fax": row_json(row), "timeline": timeline_json(engine.timeline(row.id))})
    elif row.status == "delivered":
        pages = f", {row.page_count} page(s)" if row.page_count else ""
        print(f"Delivered: fax {fax_id}{pages}.")
    else:
        print(row_line(row))
    return EXIT_OK if row.status in ("delivered", "received") else EXIT_FAILED


# --- the history --------------------------------------------------------------------------


def cmd_list(ctx: Context) -> int:
    sync(ctx)
    a = ctx.args
    records = ctx.engine.store.list_faxes(direction=a.direction, status=a.status,
                                          search=a.search, limit=a.limit + 1)
    more = len(records) > a.limit
    rows = [r for r in (ctx.engine.row(rec.id) for rec in records[:a.limit]) if r is not None]
    ctx.out("\n".join(row_line(r) for r in rows) or "No faxes.", [row_json(r) for r in rows])
    if more and not ctx.json:
        err(more_note(a.limit, "faxes"))
    return EXIT_OK


def seen(ctx: Context) -> str:
    """The id asked for, synced first when it is a fax of this account that this computer
    has not seen yet (sent from the window elsewhere, or from the portal)."""
    if ctx.engine.row(ctx.args.fax_id) is None:
        sync(ctx)
    return str(ctx.args.fax_id)


def cmd_show(ctx: Context) -> int:
    row = ctx.engine.refresh(seen(ctx))
    timeline = ctx.engine.timeline(row.id)
    lines = [row_line(row)]
    for key, value in (("pages", row.page_count), ("application", row.connection_id),
                       ("document", row.document_name), ("note", row.note),
                       ("file", row.document_path)):
        if value:
            lines.append(f"  {key}: {value}")
    for t in timeline:
        lines.append("  " + timeline_line(t, source=True))
    ctx.out("\n".join(lines), {"fax": row_json(row), "timeline": timeline_json(timeline)})
    return EXIT_OK


def cmd_cancel(ctx: Context) -> int:
    row = ctx.engine.refresh(seen(ctx))
    row = ctx.engine.cancel(row.id)
    ctx.out(f"Cancel requested: {row_line(row)}", row_json(row))
    return EXIT_OK


def cmd_delete(ctx: Context) -> int:
    ctx.engine.delete(seen(ctx))
    ctx.out(f"Deleted fax {ctx.args.fax_id}.", {"deleted": ctx.args.fax_id})
    return EXIT_OK


def cmd_refresh(ctx: Context) -> int:
    row = ctx.engine.refresh(seen(ctx))
    ctx.engine.inbox.download_pending()
    row = ctx.engine.row(row.id) or row
    ctx.out(row_line(row), row_json(row))
    return EXIT_OK


def cmd_inbox(ctx: Context) -> int:
    sync(ctx)
    ctx.engine.inbox.download_pending()
    records = ctx.engine.store.list_faxes(direction="inbound", limit=ctx.args.limit + 1)
    more = len(records) > ctx.args.limit
    rows = [r for r in (ctx.engine.row(rec.id) for rec in records[:ctx.args.limit])
            if r is not None]
    lines = []
    for r in rows:
        where = r.document_path or (f"not downloaded: {r.download_error}"
                                    if r.download_error else "")
        lines.append(f"{row_line(r)}  {where}".rstrip())
    ctx.out("\n".join(lines) or "No received faxes.", [row_json(r) for r in rows])
    if more and not ctx.json:
        err(more_note(ctx.args.limit, "received faxes"))
    failed = [r for r in rows if r.download_state == "error"]
    return EXIT_FAILED if failed else EXIT_OK
