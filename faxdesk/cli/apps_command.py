"""`faxdesk apps`: list, create, change and delete fax applications."""

from __future__ import annotations

import argparse

from faxdesk.api.models import FaxApplication
from faxdesk.cli.running import (
    EXIT_FAILED,
    EXIT_OK,
    EXIT_USAGE,
    CommandError,
    Context,
    JsonValue,
    common_options,
    handler,
)


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    apps = subparsers.add_parser("apps", help="fax applications",
                                 description="List, create, change and delete fax applications.")
    sub = apps.add_subparsers(dest="apps_command", metavar="ACTION", required=True)
    p = sub.add_parser("list", help="list fax applications",
                       description="List the fax applications of the account: id, name, "
                                   "whether it is active, and its webhook address.")
    common_options(p)
    p.set_defaults(handler=handler(cmd_apps_list, resume_sends=False))
    p = sub.add_parser("create", help="create a fax application",
                       description="Create a fax application on the account. Telnyx needs a "
                                   "name and a webhook address.")
    p.add_argument("name", help="the application's name, as the window shows it")
    _app_fields(p)
    common_options(p)
    p.set_defaults(handler=handler(cmd_apps_create, resume_sends=False))
    p = sub.add_parser("update", help="change a fax application",
                       description="Change a fax application; only the options given change.")
    p.add_argument("app_id", metavar="ID", help="the application's id (`faxdesk apps list`)")
    p.add_argument("--name", default=None, help="a new name")
    _app_fields(p)
    common_options(p)
    p.set_defaults(handler=handler(cmd_apps_update, resume_sends=False))
    p = sub.add_parser("delete", help="delete a fax application",
                       description="Delete a fax application from the account. Telnyx refuses "
                                   "while phone numbers are assigned to it.")
    p.add_argument("app_id", metavar="ID", help="the application's id (`faxdesk apps list`)")
    common_options(p)
    p.set_defaults(handler=handler(cmd_apps_delete, resume_sends=False))


def _app_fields(p: argparse.ArgumentParser) -> None:
    p.add_argument("--webhook-url", default=None, help="where Telnyx sends fax events")
    p.add_argument("--webhook-failover-url", default=None, help="tried when the first fails")
    p.add_argument("--anchorsite", default=None, help="the Telnyx media region to prefer")
    p.add_argument("--active", action=argparse.BooleanOptionalAction, default=None,
                   help="whether the application sends and receives faxes")
    p.add_argument("--outbound-voice-profile-id", default=None,
                   help="the outbound voice profile that pays for sending")


def _app_body(args: argparse.Namespace) -> dict[str, JsonValue]:
    """Only what the user gave: fields left out are left as they are on Telnyx."""
    body: dict[str, JsonValue] = {}
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


def _app_json(app: FaxApplication) -> JsonValue:
    if app.raw:
        return {str(k): v for k, v in app.raw.items()}
    return {"id": app.id, "application_name": app.application_name}


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
    from faxdesk.api.errors import BadRequestError, ValidationError
    from faxdesk.core.words import application_delete_sentences

    try:
        ctx.engine.delete_application(ctx.args.app_id)
    except (BadRequestError, ValidationError) as exc:
        raise CommandError(" ".join(s.english() for s in application_delete_sentences(
            exc, ctx.args.app_id)), EXIT_FAILED) from None
    ctx.out(f"Deleted application {ctx.args.app_id}.", {"deleted": ctx.args.app_id})
    return EXIT_OK
