"""Demo data: two applications with numbers, and a history holding every status (finished faxes
of both directions, failures with several reasons, and faxes still in flight)."""

from __future__ import annotations

from faxdesk.sandbox.outcomes import OUTCOMES
from faxdesk.sandbox.state import SandboxState

FRONT_DESK_NUMBERS = ("+12025550100", "+12025550120")
BILLING_NUMBERS = ("+13125550100",)
DELIVER_TO = ("+14155550123", "+16175550134", "+17185550145", "+13055550156")


def load_demo(state: SandboxState) -> None:
    front = state.create_application({
        "application_name": "Front desk", "webhook_event_url": "http://127.0.0.1:9/webhooks",
        "tags": ["demo"]})
    billing = state.create_application({
        "application_name": "Billing", "webhook_event_url": "http://127.0.0.1:9/billing",
        "tags": ["demo"], "active": True})
    for number in FRONT_DESK_NUMBERS:
        state.add_phone_number(number, front["id"])
    for number in BILLING_NUMBERS:
        state.add_phone_number(number, billing["id"])
    state.add_phone_number("+12025550199", None, ["unassigned"])

    state.seed_history(40, days=14, seed=42)  # delivered / failed / received, long finished

    # Faxes sent during the last minutes, so they are at every outbound stage now.
    failing = [n for n, o in OUTCOMES.items() if o.failure_reason]
    media = state.store_media(_demo_pdf(3), media_name="demo-brochure.pdf", ttl_secs=None,
                              content_type="application/pdf")
    sends = [(DELIVER_TO[i % len(DELIVER_TO)], 3) for i in range(4)] + [(n, 1) for n in failing]
    for i, (to, _) in enumerate(sends):
        app_id = front["id"] if i % 2 == 0 else billing["id"]
        sender = FRONT_DESK_NUMBERS[0] if app_id == front["id"] else BILLING_NUMBERS[0]
        state.send_fax(state.validate_send({
            "connection_id": app_id, "from": sender, "to": to,
            "media_name": media["media_name"]}, multipart=False))
    # Finish these now; the ones sent below stay in flight for a while.
    _run_until_done(state)
    for to in DELIVER_TO[:3]:
        state.send_fax(state.validate_send({
            "connection_id": front["id"], "from": FRONT_DESK_NUMBERS[0], "to": to,
            "media_url": "https://example.com/price-list.pdf"}, multipart=False))
    state.send_fax(state.validate_send({
        "connection_id": front["id"], "from": FRONT_DESK_NUMBERS[1], "to": "+12025550199",
        "media_name": media["media_name"]}, multipart=False))  # the slow number stays in flight
    state.receive_inbound(from_number="+16175550134", to=FRONT_DESK_NUMBERS[0], pages=2)


def _run_until_done(state: SandboxState) -> None:
    """Backdate in-flight faxes so their whole lifecycle has already happened."""
    with state.lock:
        for fax in state.faxes.values():
            if fax.schedule:
                shift = fax.schedule[-1][0] - state.now_us() + 1
                fax.schedule = [(t - shift, s) for t, s in fax.schedule]
    state.tick()


def _demo_pdf(pages: int) -> bytes:
    from faxdesk.sandbox.documents import make_pdf

    return make_pdf(pages, title="FaxDesk demo brochure")
