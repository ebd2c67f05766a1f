"""Demo data: applications with numbers, and a history holding every status."""

from __future__ import annotations

from faxdesk.sandbox.server import SandboxServer


def test_demo_has_apps_numbers_and_every_status():
    with SandboxServer(manual_clock=True, demo=True) as server:
        state = server.state
        apps = {a.fields["application_name"]: a.id for a in state.applications.values()}
        assert set(apps) == {"Front desk", "Billing"}
        owners = {n.connection_id for n in state.numbers.values()}
        assert {apps["Front desk"], apps["Billing"]} <= owners
        faxes = list(state.faxes.values())
        statuses = {f.status for f in faxes}
        assert {"delivered", "failed", "received", "queued", "initiated"} <= statuses
        reasons = {f.failure_reason for f in faxes if f.status == "failed"}
        assert {"user_busy", "receiver_no_answer", "destination_invalid"} <= reasons
        # The in-flight ones progress on the clock like any other fax.
        server.advance(60)
        assert {f.status for f in state.faxes.values()} >= {"delivered", "received"}
        slow = [f for f in state.faxes.values() if f.to == "+12025550199"]
        assert slow and slow[0].status not in ("delivered", "failed")
