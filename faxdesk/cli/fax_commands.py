"""Headless fax commands over the same core as the window: send, list, show, cancel, delete,
refresh, apps, inbox.

Each command takes `--sandbox` (an in-process sandbox with demo data and a throw-away data
directory) and `--json`. Exit codes: 0 ok, 1 the fax failed or Telnyx refused it, 2 usage,
3 the API key is missing or not accepted, 4 network problem (offline, rate limited, server
error), 5 no such fax or application.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2
EXIT_AUTH = 3
EXIT_NETWORK = 4
EXIT_NOT_FOUND = 5

API_KEY_ENV = "FAXDESK_API_KEY"
BASE_URL_ENV = "FAXDESK_BASE_URL"


class CommandError(Exception):
    def __init__(self, message: str, code: int) -> None:
        super().__init__(message)
        self.code = code


# --- argument parsing ---------------------------------------------------------------------


def _common(parser: argparse.ArgumentParser) -> None:
    # SUPPRESS: both `faxdesk --sandbox list` (top-level flag) and `faxdesk list --sandbox` work.
    parser.add_argument("--sandbox", action="store_true", default=argparse.SUPPRESS,
                        help="use an in-process sandbox with demo data (no account needed)")
    parser.add_argument("--sandbox-speed", type=float, default=1.0, metavar="X",
                        help="with --sandbox: run the fax lifecycle X times faster")
    parser.add_argument("--json", action="store_true", help="machine-readable output")
    parser.add_argument("--data-dir", type=Path, default=None,
                        help="where the local history lives (default: the user data directory)")


def register(subparsers: Any) -> None:
    p = subparsers.add_parser("send", help="send a fax", description="Send one fax; several "
                              "files are merged into one document, in order.")
    p.add_argument("files", nargs="+", type=Path, metavar="FILE")
    p.add_argument("--to", required=True, help="recipient, +E.164")
    p.add_argument("--from", dest="from_number", default=None,
                   help="sender number (default: the application's first number)")
    p.add_argument("--app", default=None,
                   help="fax application id or name (default: the only/first one)")
    p.add_argument("--quality", choices=("normal", "high", "very_high", "ultra_light",
                                         "ultra_dark"), default=None)
    p.add_argument("--follow", action="store_true",
                   help="wait and print each status until the fax is delivered or failed")
    p.add_argument("--timeout", type=float, default=600.0, help="with --follow: give up after")
    _common(p)
    p.set_defaults(handler=_handler(cmd_send))

    p = subparsers.add_parser("list", help="list faxes (synced first)")
    p.add_argument("--direction", choices=("inbound", "outbound"))
    p.add_argument("--status")
    p.add_argument("--search")
    p.add_argument("--limit", type=int, default=50)
    _common(p)
    p.set_defaults(handler=_handler(cmd_list))

    for name, helptext, fn in (
        ("show", "show one fax with its timeline", cmd_show),
        ("cancel", "cancel an outbound fax in flight", cmd_cancel),
        ("delete", "delete a fax on Telnyx and locally", cmd_delete),
        ("refresh", "fetch one fax again (and renew a received fax's link)", cmd_refresh),
    ):
        p = subparsers.add_parser(name, help=helptext)
        p.add_argument("fax_id", metavar="ID")
        _common(p)
        p.set_defaults(handler=_handler(fn))

    p = subparsers.add_parser("inbox", help="list received faxes and download new ones")
    p.add_argument("--limit", type=int, default=50)
    _common(p)
    p.set_defaults(handler=_handler(cmd_inbox))

    apps = subparsers.add_parser("apps", help="fax applications")
    sub = apps.add_subparsers(dest="apps_command", metavar="ACTION", required=True)
    p = sub.add_parser("list", help="list fax applications")
    _common(p)
    p.set_defaults(handler=_handler(cmd_apps_list))
    p = sub.add_parser("create", help="create a fax application")
    p.add_argument("name")
    _app_fields(p)
    _common(p)
    p.set_defaults(handler=_handler(cmd_apps_create))
    p = sub.add_parser("update", help="change a fax application")
    p.add_argument("app_id", metavar="ID")
    p.add_argument("--name", default=None)
    _app_fields(p)
    _common(p)
    p.set_defaults(handler=_handler(cmd_apps_update))
    p = sub.add_parser("delete", help="delete a fax application")
    p.add_argument("app_id", metavar="ID")
    _common(p)
    p.set_defaults(handler=_handler(cmd_apps_delete))


def _app_fields(p: argparse.ArgumentParser) -> None:
    p.add_argument("--webhook-url", default=None)
    p.add_argument("--webhook-failover-url", default=None)
    p.add_argument("--anchorsite", default=None)
    p.add_argument("--active", action=argparse.BooleanOptionalAction, default=None)
    p.add_argument("--outbound-voice-profile-id", default=None)


def _app_body(args: argparse.Namespace) -> dict[str, Any]:
    body: dict[str, Any] = {}
    name = getattr(args, "name", None)
    if name:
        body["application_name"] = name
    for attr, key in (("webhook_url", "webhook_event_url"),
                      ("webhook_failover_url", "webhook_event_failover_url"),
                      ("anchorsite", "anchorsite_override"), ("active", "active")):
        value = getattr(args, attr)
        if value is not None:
            body[key] = value
    if args.outbound_voice_profile_id:
        body["outbound"] = {"outbound_voice_profile_id": args.outbound_voice_profile_id}
    return body


# --- running a command --------------------------------------------------------------------


@dataclass
class Context:
    engine: Any  # FaxEngine
    args: argparse.Namespace
    json: bool

    def out(self, human: str, data: Any) -> None:
        if self.json:
            print(json.dumps(data, indent=2, default=str))
        else:
            print(human)


def _handler(fn: Callable[[Context], int]) -> Callable[[argparse.Namespace], int]:
    def run(args: argparse.Namespace) -> int:
        from faxdesk.api.errors import (
            ApiError,
            AuthenticationError,
            NotFoundError,
            RateLimitError,
            ServerError,
            TransportError,
        )

        try:
            with _engine(args) as engine:
                return fn(Context(engine, args, bool(args.json)))
        except CommandError as exc:
            _err(str(exc))
            return exc.code
        except AuthenticationError as exc:
            _err(str(exc))
            return EXIT_AUTH
        except NotFoundError as exc:
            _err(str(exc))
            return EXIT_NOT_FOUND
        except (TransportError, RateLimitError, ServerError) as exc:
            _err(str(exc))
            return EXIT_NETWORK
        except ApiError as exc:
            _err(str(exc))
            return EXIT_FAILED
        except KeyboardInterrupt:
            return 130

    return run


def _err(message: str) -> None:
    print(f"faxdesk: {message}", file=sys.stderr)


def _api_key() -> str:
    key = os.environ.get(API_KEY_ENV)
    if key:
        return key
    try:
        from faxdesk.core import secrets
    except ImportError:
        secrets = None  # type: ignore[assignment]
    if secrets is not None:
        try:
            stored = secrets.KeyStore().get_key()
        except Exception as exc:  # SecretsError: no keyring, locked keyring...
            raise CommandError(f"Cannot read the API key: {exc}", EXIT_AUTH) from None
        if stored:
            return str(stored)
    raise CommandError(
        f"No API key. Set {API_KEY_ENV}, save one in the FaxDesk window, or use --sandbox.",
        EXIT_AUTH)


def _default_data_dir() -> Path:
    try:
        from faxdesk.core.paths import data_dir

        return Path(data_dir())
    except ImportError:
        import platformdirs

        return Path(platformdirs.user_data_dir("FaxDesk", appauthor=False))


@contextmanager
def _engine(args: argparse.Namespace) -> Iterator[Any]:
    from faxdesk.api.client import TelnyxClient
    from faxdesk.core.engine import FaxEngine

    sandbox = None
    tmp: tempfile.TemporaryDirectory[str] | None = None
    try:
        if getattr(args, "sandbox", False):
            from faxdesk.sandbox.server import SandboxServer

            if args.sandbox_speed <= 0:
                raise CommandError("--sandbox-speed must be positive", EXIT_USAGE)
            sandbox = SandboxServer(demo=True, speed=args.sandbox_speed).start()
            key, base_url = sandbox.api_key, sandbox.base_url
            if args.data_dir is None:
                # A fresh sandbox each run: its history must not mix with a real one.
                tmp = tempfile.TemporaryDirectory(prefix="faxdesk-sandbox-")
                args.data_dir = Path(tmp.name)
        else:
            key = _api_key()
            base_url = os.environ.get(BASE_URL_ENV, "https://api.telnyx.com/v2")
        data_dir = args.data_dir or _default_data_dir()

        def factory() -> TelnyxClient:
            return TelnyxClient(key, base_url=base_url)

        engine = FaxEngine(data_dir, factory)
        try:
            yield engine
        finally:
            engine.stop()
    finally:
        if sandbox is not None:
            sandbox.stop()
        if tmp is not None:
            tmp.cleanup()


def _sync(ctx: Context) -> None:
    """One sync on this thread; a failure is an error of the command."""
    syncer = ctx.engine.syncer
    if not syncer.tick():
        code = EXIT_AUTH if syncer.state == "auth_failed" else EXIT_NETWORK
        raise CommandError(syncer.message, code)


# --- output helpers -----------------------------------------------------------------------


def _when(value: datetime | None) -> str:
    return value.astimezone().strftime("%Y-%m-%d %H:%M:%S") if value else "-"


def fax_json(record: Any) -> dict[str, Any]:
    return {
        "id": record.id, "direction": record.direction, "status": record.status,
        "from": record.from_number, "to": record.to, "connection_id": record.connection_id,
        "failure_reason": record.failure_reason, "page_count": record.page_count,
        "created_at": record.created_at.isoformat() if record.created_at else None,
        "updated_at": record.updated_at.isoformat() if record.updated_at else None,
        "read": record.read, "note": record.note, "downloaded_path": record.downloaded_path,
        "download_state": record.download_state,
    }


def _fax_line(r: Any) -> str:
    status = r.status or "?"
    if r.failure_reason:
        status += f" ({r.failure_reason})"
    arrow = "→" if r.direction == "outbound" else "←"
    return f"{r.id}  {_when(r.created_at)}  {r.from_number or '-'} {arrow} {r.to or '-'}  {status}"


def _app_json(app: Any) -> dict[str, Any]:
    return dict(app.raw) if app.raw else {"id": app.id, "application_name": app.application_name}


# --- commands -----------------------------------------------------------------------------


def _pick_app(ctx: Context, wanted: str | None) -> Any:
    apps = ctx.engine.refresh_applications()
    if not apps:
        raise CommandError("This account has no fax application; create one with "
                           "`faxdesk apps create NAME`.", EXIT_USAGE)
    if wanted is None:
        if len(apps) > 1 and not getattr(ctx.args, "sandbox", False):
            names = ", ".join(f"{a.id} ({a.application_name})" for a in apps)
            raise CommandError(f"Several fax applications; choose one with --app: {names}",
                               EXIT_USAGE)
        return apps[0]
    for app in apps:
        if wanted in (app.id, app.application_name):
            return app
    raise CommandError(f"No fax application {wanted!r}.", EXIT_USAGE)


def _document(ctx: Context, files: list[Path], workdir: Path) -> Path:
    for f in files:
        if not f.is_file():
            raise CommandError(f"No such file: {f}", EXIT_USAGE)
    if len(files) == 1 and files[0].suffix.lower() == ".pdf":
        return files[0]
    try:
        from faxdesk.core.documents.merge import merge_documents
    except ImportError:
        raise CommandError("Sending several files (or non-PDF files) needs the document "
                           "module, which is not installed; send one PDF.", EXIT_USAGE) from None
    dest = workdir / "merged.pdf"
    try:
        merge_documents(files, dest)
    except Exception as exc:  # DocumentError and friends: say which file and why
        raise CommandError(f"Cannot prepare the document: {exc}", EXIT_USAGE) from None
    return dest


def cmd_send(ctx: Context) -> int:
    args = ctx.args
    engine = ctx.engine
    app = _pick_app(ctx, args.app)
    from_number = args.from_number
    if from_number is None:
        numbers = engine.list_phone_numbers(app.id)
        if not numbers:
            raise CommandError(f"Application {app.id} has no phone number; give --from.",
                               EXIT_USAGE)
        from_number = numbers[0].phone_number
    options = {"quality": args.quality} if args.quality else {}
    with tempfile.TemporaryDirectory(prefix="faxdesk-send-") as work:
        document = _document(ctx, list(args.files), Path(work))
        journal_id = engine.outbox.submit(document, args.to, from_number, app.id, options)
    # Run the journal entry here (the engine's threads are not started for a CLI command).
    entry = engine.outbox.process(journal_id)
    if entry is None or entry.state not in ("tracking", "done"):
        message = entry.error if entry is not None else "not sent"
        if entry is not None and entry.state == "rejected":
            _err(f"Telnyx refused the fax: {message}")
            return EXIT_FAILED
        code = EXIT_AUTH if message and "API key" in message else EXIT_NETWORK
        _err(f"The fax is not sent yet ({message}); it stays in the outbox and is resumed "
             "next time FaxDesk runs.")
        return code
    fax_id = entry.fax_id
    if not args.follow:
        record = engine.store.get_fax(fax_id)
        ctx.out(f"Sent: fax {fax_id} to {args.to} ({record.status if record else 'queued'})",
                {"journal_id": journal_id, "fax": fax_json(record) if record else {"id": fax_id}})
        return EXIT_OK
    return _follow(ctx, fax_id, args.timeout)


def _follow(ctx: Context, fax_id: str, timeout: float) -> int:
    engine = ctx.engine
    deadline = time.monotonic() + timeout
    shown = 0
    record = engine.store.get_fax(fax_id)
    while True:
        timeline = engine.store.timeline(fax_id)
        for item in timeline[shown:]:
            if not ctx.json:
                detail = f" ({item.detail})" if item.detail else ""
                print(f"{_when(item.at)}  {item.status}{detail}", flush=True)
        shown = len(timeline)
        record = engine.store.get_fax(fax_id)
        if record is not None and record.is_final:
            break
        if time.monotonic() > deadline:
            _err(f"Gave up following fax {fax_id} after {timeout:g} s; it is {record.status}.")
            return EXIT_NETWORK
        time.sleep(min(engine.syncer.next_delay(), 1.0))
        engine.syncer.tick()
    if ctx.json:
        print(json.dumps({"fax": fax_json(record),
                          "timeline": [{"status": t.status, "at": t.at.isoformat(),
                                        "source": t.source, "detail": t.detail}
                                       for t in engine.store.timeline(fax_id)]},
                         indent=2, default=str))
    elif record.status == "delivered":
        pages = f", {record.page_count} page(s)" if record.page_count else ""
        print(f"Delivered: fax {fax_id}{pages}.")
    else:
        print(f"Failed: fax {fax_id}: {record.failure_reason or 'no reason given'}.")
    return EXIT_OK if record.status in ("delivered", "received") else EXIT_FAILED


def cmd_list(ctx: Context) -> int:
    _sync(ctx)
    a = ctx.args
    records = ctx.engine.store.list_faxes(direction=a.direction, status=a.status, search=a.search,
                                          limit=a.limit)
    ctx.out("\n".join(_fax_line(r) for r in records) or "No faxes.",
            [fax_json(r) for r in records])
    return EXIT_OK


def _fetch(ctx: Context, fax_id: str) -> Any:
    return ctx.engine.refresh(fax_id)


def cmd_show(ctx: Context) -> int:
    record = _fetch(ctx, ctx.args.fax_id)
    timeline = ctx.engine.store.timeline(record.id)
    lines = [_fax_line(record)]
    for key, value in (("pages", record.page_count), ("application", record.connection_id),
                       ("note", record.note), ("file", record.downloaded_path)):
        if value:
            lines.append(f"  {key}: {value}")
    for t in timeline:
        detail = f" ({t.detail})" if t.detail else ""
        lines.append(f"  {_when(t.at)}  {t.status}  [{t.source}]{detail}")
    ctx.out("\n".join(lines), {"fax": fax_json(record), "timeline": [
        {"status": t.status, "at": t.at.isoformat(), "source": t.source, "detail": t.detail}
        for t in timeline]})
    return EXIT_OK


def cmd_cancel(ctx: Context) -> int:
    from faxdesk.api.errors import ValidationError

    fax_id = ctx.args.fax_id
    _fetch(ctx, fax_id)
    try:
        ctx.engine.cancel(fax_id)
    except ValidationError as exc:
        raise CommandError(f"Cannot cancel: {exc}", EXIT_FAILED) from None
    record = _fetch(ctx, fax_id)
    ctx.out(f"Cancelled: {_fax_line(record)}", fax_json(record))
    return EXIT_OK


def cmd_delete(ctx: Context) -> int:
    ctx.engine.delete(ctx.args.fax_id)
    ctx.out(f"Deleted fax {ctx.args.fax_id}.", {"deleted": ctx.args.fax_id})
    return EXIT_OK


def cmd_refresh(ctx: Context) -> int:
    record = _fetch(ctx, ctx.args.fax_id)
    ctx.engine.inbox.download_pending()
    record = ctx.engine.store.get_fax(record.id)
    ctx.out(_fax_line(record), fax_json(record))
    return EXIT_OK


def cmd_inbox(ctx: Context) -> int:
    _sync(ctx)
    ctx.engine.inbox.download_pending()
    records = ctx.engine.store.list_faxes(direction="inbound", limit=ctx.args.limit)
    lines = []
    for r in records:
        where = r.downloaded_path or (f"not downloaded: {r.download_error}"
                                      if r.download_error else "")
        lines.append(f"{_fax_line(r)}  {where}".rstrip())
    ctx.out("\n".join(lines) or "No received faxes.", [fax_json(r) for r in records])
    failed = [r for r in records if r.download_state == "error"]
    return EXIT_FAILED if failed else EXIT_OK


def cmd_apps_list(ctx: Context) -> int:
    apps = ctx.engine.refresh_applications()
    lines = [f"{a.id}  {a.application_name or '-'}  "
             f"{'active' if a.active is not False else 'inactive'}  "
             f"{a.webhook_event_url or ''}".rstrip() for a in apps]
    ctx.out("\n".join(lines) or "No fax applications.", [_app_json(a) for a in apps])
    return EXIT_OK


def cmd_apps_create(ctx: Context) -> int:
    app = ctx.engine.create_application(_app_body(ctx.args))
    ctx.out(f"Created application {app.id} ({app.application_name}).", _app_json(app))
    return EXIT_OK


def cmd_apps_update(ctx: Context) -> int:
    body = _app_body(ctx.args)
    if not body:
        raise CommandError("Nothing to change; give --name, --webhook-url, ...", EXIT_USAGE)
    app = ctx.engine.update_application(ctx.args.app_id, body)
    ctx.out(f"Updated application {app.id} ({app.application_name}).", _app_json(app))
    return EXIT_OK


def cmd_apps_delete(ctx: Context) -> int:
    ctx.engine.delete_application(ctx.args.app_id)
    ctx.out(f"Deleted application {ctx.args.app_id}.", {"deleted": ctx.args.app_id})
    return EXIT_OK
