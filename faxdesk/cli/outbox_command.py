"""`faxdesk outbox`: the sends Telnyx has not accepted yet; retry or discard them.

Every faxdesk command that talks to the account resumes the sends that are due; this command
shows them, retries them now, or discards one (asking Telnyx first when it may have been sent).
"""

from __future__ import annotations

import argparse

from faxdesk.cli.fax_commands import row_json, when
from faxdesk.cli.running import (
    EXIT_FAILED,
    EXIT_OK,
    EXIT_UNKNOWN_OUTCOME,
    CommandError,
    Context,
    common_options,
    handler,
)
from faxdesk.core.rows import FaxRow, send_row_id


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    outbox = subparsers.add_parser(
        "outbox", help="sends not accepted by Telnyx yet: list, retry, discard",
        description="Sends FaxDesk has not handed to Telnyx yet, or whose outcome it is still "
                    "checking. Without an action: list them.")
    common_options(outbox)
    outbox.set_defaults(handler=handler(cmd_outbox_list))
    sub = outbox.add_subparsers(dest="outbox_command", metavar="ACTION")
    p = sub.add_parser("list", help="list the pending sends (the default)",
                       description="List the sends Telnyx has not accepted yet, and those "
                                   "whose outcome FaxDesk is still checking (exit 6).")
    common_options(p)
    p.set_defaults(handler=handler(cmd_outbox_list))
    p = sub.add_parser("retry", help="try every pending send now",
                       description="Try every pending send now instead of at its planned "
                                   "time, then list what is left.")
    common_options(p)
    p.set_defaults(handler=handler(cmd_outbox_retry, resume_sends=False))
    p = sub.add_parser("discard", help="drop a pending send (asks Telnyx first when it may "
                                       "have been sent)",
                       description="Drop a pending send. When it may have gone out, Telnyx is "
                                   "asked first; a send Telnyx has is not discarded.")
    p.add_argument("send_id", metavar="SEND", type=int, help="the number `faxdesk outbox` shows")
    p.add_argument("--accept-risk", action="store_true",
                   help="discard even when Telnyx cannot be asked whether it went out")
    common_options(p)
    p.set_defaults(handler=handler(cmd_outbox_discard, resume_sends=False))


def pending_rows(ctx: Context) -> list[FaxRow]:
    return [r for r in ctx.engine.rows(limit=0) if r.pending is not None]


def _line(row: FaxRow) -> str:
    why = f" ({row.pending_error})" if row.pending_error else ""
    return (f"send {row.journal_id}  {when(row.created_at)}  to {row.to}  "
            f"{row.status_words}{why}")


def cmd_outbox_list(ctx: Context) -> int:
    rows = pending_rows(ctx)
    ctx.out("\n".join(_line(r) for r in rows) or "The outbox is empty: every send was "
            "handed to Telnyx.", [row_json(r) for r in rows])
    return EXIT_UNKNOWN_OUTCOME if any(r.pending == "checking" for r in rows) else EXIT_OK


def cmd_outbox_retry(ctx: Context) -> int:
    ctx.engine.outbox.run_due(force=True)
    return cmd_outbox_list(ctx)


def cmd_outbox_discard(ctx: Context) -> int:
    row_id = send_row_id(ctx.args.send_id)
    row = ctx.engine.row(row_id)
    if row is None or row.pending is None:
        raise CommandError(f"There is no pending send {ctx.args.send_id}; `faxdesk outbox` "
                           "lists them.", EXIT_FAILED)
    if not ctx.engine.discard(row_id, accept_risk=ctx.args.accept_risk):
        sent = ctx.engine.row(row_id)
        fax = sent.fax_id if sent is not None else "?"
        ctx.out(f"Not discarded: Telnyx has this fax (fax {fax}); it was sent.",
                row_json(sent) if sent is not None else None)
        return EXIT_FAILED
    ctx.out(f"Discarded send {ctx.args.send_id}; nothing was sent.",
            {"discarded": ctx.args.send_id})
    return EXIT_OK
