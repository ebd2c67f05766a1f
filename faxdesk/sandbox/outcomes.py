"""The scripted destination-number table: which `to` number makes an outbound fax fail, and how.

Numbers are in the fictional NANP 555-01XX range, so they never reach anyone real. Any number not
listed here is delivered. docs/sandbox.md carries the same table for users.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Outcome:
    failure_reason: str | None = None  # None: delivered
    internal_failure_reason: str | None = None
    slow_factor: float = 1.0  # multiplies every lifecycle delay
    description: str = "delivered"


DELIVERED = Outcome()

OUTCOMES: dict[str, Outcome] = {
    "+12025550101": Outcome("user_busy", "sip_486_busy_here", description="busy"),
    "+12025550102": Outcome("receiver_no_answer", "sip_480_no_answer", description="no answer"),
    "+12025550103": Outcome("receiver_call_dropped", "bye_during_page_transfer",
                            description="call dropped mid-transfer"),
    "+12025550104": Outcome("destination_invalid", "sip_404_not_found",
                            description="invalid destination"),
    "+12025550105": Outcome("destination_unreachable", "sip_503_no_route",
                            description="destination unreachable"),
    "+12025550106": Outcome("fax_initial_communication_timeout", "t30_t1_timeout",
                            description="no fax tones (a voice line)"),
    "+12025550107": Outcome("service_unavailable", "carrier_503",
                            description="carrier service unavailable"),
    "+12025550108": Outcome("receiver_decline", "sip_603_decline", description="call declined"),
    "+12025550109": Outcome("receiver_communication_error", "t30_dcn_unexpected",
                            description="fax protocol error at the receiver"),
    "+12025550110": Outcome("receiver_unallocated_number", "sip_404_unallocated",
                            description="number not allocated"),
    "+12025550199": Outcome(slow_factor=20.0, description="delivered, 20x slower than usual"),
}


# Inbound faxes *from* these numbers fail while being received.
INBOUND_OUTCOMES: dict[str, Outcome] = {
    "+12025550103": Outcome("sender_call_dropped", "bye_during_page_transfer",
                            description="the sender hangs up mid-transfer"),
}


def inbound_outcome_for(from_number: str) -> Outcome:
    return INBOUND_OUTCOMES.get(from_number, DELIVERED)


def outcome_for(to: str) -> Outcome:
    return OUTCOMES.get(to, DELIVERED)
