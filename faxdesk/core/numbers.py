"""Fax numbers: what the user typed, turned into what Telnyx accepts for `to`.

National input is read in the default country (a setting) and becomes E.164. Input that cannot
be a number is refused with a message in words. Input that is possible but unusual (not a known
valid number, an extension, a premium-rate number) passes with warnings: the user decides.
SIP URIs (``sip:`` / ``sips:``) pass unchanged, as Telnyx accepts them for `to`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import phonenumbers
from phonenumbers import NumberParseException, PhoneNumberFormat, PhoneNumberType
from phonenumbers import ValidationResult as VR

_SIP = re.compile(r"^sips?:[^\s@:;]+@[^\s@;]+(;[^\s]*)?$", re.IGNORECASE)
_SIP_SCHEME = re.compile(r"^sips?:", re.IGNORECASE)
# Extensions of more than this many digits get a warning of their own.
LONG_EXTENSION = 4
# A number that is not known valid and has fewer digits (after the country code) is refused.
MIN_UNKNOWN_DIGITS = 6

_KINDS: dict[int, str] = {
    PhoneNumberType.FIXED_LINE: "fixed_line",
    PhoneNumberType.MOBILE: "mobile",
    PhoneNumberType.FIXED_LINE_OR_MOBILE: "fixed_line_or_mobile",
    PhoneNumberType.TOLL_FREE: "toll_free",
    PhoneNumberType.PREMIUM_RATE: "premium_rate",
    PhoneNumberType.SHARED_COST: "shared_cost",
    PhoneNumberType.VOIP: "voip",
    PhoneNumberType.PERSONAL_NUMBER: "personal_number",
    PhoneNumberType.PAGER: "pager",
    PhoneNumberType.UAN: "uan",
    PhoneNumberType.VOICEMAIL: "voicemail",
}


class InvalidNumberError(ValueError):
    """The input is not a number a fax can be sent to; the message says why, in words."""

    def __init__(self, text: str, reason: str, *, emergency: bool = False) -> None:
        self.text = text
        self.reason = reason
        self.emergency = emergency
        super().__init__(f'"{text}" is not a fax number we can send to: {reason}')


@dataclass(frozen=True)
class NumberResult:
    e164: str  # what goes into `to`: "+14155550100", or the SIP URI unchanged
    display: str  # international format, or the SIP URI
    kind: str  # "fixed_line", "mobile", ..., "unknown", or "sip"
    region: str | None = None  # ISO country of the number, None for SIP / non-geographic
    extension: str | None = None
    warnings: list[str] = field(default_factory=list)

    @property
    def is_sip(self) -> bool:
        return self.kind == "sip"


def parse_fax_number(text: str, default_region: str = "US") -> NumberResult:
    """Parse what the user typed. Raises InvalidNumberError with a message in words."""
    raw = text.strip()
    if not raw:
        raise InvalidNumberError(text, "it is empty. Enter a fax number or a SIP address.")
    if _SIP_SCHEME.match(raw):
        if not _SIP.match(raw):
            raise InvalidNumberError(
                text, "a SIP address must look like sip:user@host (or sips:user@host)."
            )
        return NumberResult(e164=raw, display=raw, kind="sip")
    region = default_region.upper()
    if region not in phonenumbers.SUPPORTED_REGIONS:
        raise ValueError(f"unknown default country code {default_region!r}")
    if phonenumbers.is_emergency_number(raw, region):
        raise InvalidNumberError(
            text, "it is an emergency number. Call emergency services by phone; a fax cannot "
            "reach them.", emergency=True)
    if not any(ch.isdigit() for ch in raw):
        raise InvalidNumberError(text, "it has no digits. Enter the number with its area code.")
    try:
        num = phonenumbers.parse(raw, region)
    except NumberParseException as exc:
        raise InvalidNumberError(text, _parse_reason(exc)) from exc

    possible = phonenumbers.is_possible_number_with_reason(num)
    if possible not in (VR.IS_POSSIBLE, VR.IS_POSSIBLE_LOCAL_ONLY):
        raise InvalidNumberError(text, _possible_reason(possible, num, region))
    if possible == VR.IS_POSSIBLE_LOCAL_ONLY:
        raise InvalidNumberError(
            text, "it is a local number without its area code. Add the area code."
        )

    warnings: list[str] = []
    num_region = phonenumbers.region_code_for_number(num)
    valid = phonenumbers.is_valid_number(num)
    # Some plans (e.g. Germany) allow very short numbers; short and unknown is a typo.
    if not valid and len(phonenumbers.national_significant_number(num)) < MIN_UNKNOWN_DIGITS:
        raise InvalidNumberError(
            text,
            f"it is too short for a number in {_where(num, region)}. Check for missing digits.",
        )
    if not valid:
        where = _where(num, region)
        warnings.append(
            f"This number has the right length but is not a known valid number in {where}; "
            "check it before sending."
        )
    if num.extension:
        warnings.append(
            f"The extension {num.extension} cannot be dialled by fax; the fax goes to the main "
            "number. Make sure the main number answers with a fax machine."
        )
        if len(num.extension) > LONG_EXTENSION:
            warnings.append(f"The extension {num.extension} is unusually long.")
    if _alpha(raw):
        warnings.append("Letters were read as keypad digits; check the number.")
    kind = _KINDS.get(phonenumbers.number_type(num), "unknown")
    if kind == "premium_rate":
        warnings.append("This is a premium-rate number; sending to it may cost extra.")

    plain = phonenumbers.PhoneNumber(
        country_code=num.country_code,
        national_number=num.national_number,
        italian_leading_zero=num.italian_leading_zero,
        number_of_leading_zeros=num.number_of_leading_zeros,
    )
    e164 = phonenumbers.format_number(plain, PhoneNumberFormat.E164)
    display = phonenumbers.format_number(num, PhoneNumberFormat.INTERNATIONAL)
    region_out = num_region if num_region and num_region != "001" else None
    return NumberResult(e164, display, kind, region_out, num.extension or None, warnings)


def format_for_display(e164: str, region: str | None = None) -> str:
    """A stored number for people: national format in its own country ``region``, else
    international. SIP URIs and anything unparseable come back unchanged."""
    if _SIP_SCHEME.match(e164.strip()):
        return e164
    try:
        num = phonenumbers.parse(e164, None if e164.strip().startswith("+") else region)
    except NumberParseException:
        return e164
    if region and phonenumbers.region_code_for_number(num) == region.upper():
        return phonenumbers.format_number(num, PhoneNumberFormat.NATIONAL)
    return phonenumbers.format_number(num, PhoneNumberFormat.INTERNATIONAL)


def _parse_reason(exc: NumberParseException) -> str:
    t = exc.error_type
    if t == NumberParseException.INVALID_COUNTRY_CODE:
        return "the country code is not known. Start with + and a valid country code, e.g. +44."
    if t == NumberParseException.TOO_SHORT_AFTER_IDD or t == NumberParseException.TOO_SHORT_NSN:
        return "it is too short. Enter the full number with its area code."
    if t == NumberParseException.TOO_LONG:
        return "it is too long to be a phone number."
    return "it does not look like a phone number. Use digits, spaces, + ( ) and - only."


def _possible_reason(reason: int, num: phonenumbers.PhoneNumber, region: str) -> str:
    where = _where(num, region)
    if reason == VR.INVALID_COUNTRY_CODE:
        return "the country code is not known. Start with + and a valid country code, e.g. +44."
    if reason == VR.TOO_SHORT:
        return f"it is too short for a number in {where}. Check for missing digits."
    if reason == VR.TOO_LONG:
        return f"it is too long for a number in {where}. Check for extra digits."
    return f"it does not have the length of a number in {where}. Check the digits."


def _where(num: phonenumbers.PhoneNumber, default_region: str) -> str:
    """ "the United Kingdom", or "country code +1" when no one country can be named."""
    region = phonenumbers.region_code_for_number(num)
    code = num.country_code or 0
    if not region and code == phonenumbers.country_code_for_region(default_region):
        region = default_region  # typed nationally, or with the home country's code
    if not region:
        regions = phonenumbers.region_codes_for_country_code(code)
        # +1 and +44 are shared by several countries: naming one would mislead.
        region = regions[0] if len(regions) == 1 and regions[0] != "001" else None
    return _country_name(region) or f"the country with code +{code}"


def _country_name(region: str | None) -> str:
    if not region or region == "001":
        return ""
    names = {
        "US": "the United States",
        "GB": "the United Kingdom",
        "DE": "Germany",
        "FR": "France",
        "AU": "Australia",
        "JP": "Japan",
        "CA": "Canada",
        "NL": "the Netherlands",
        "IT": "Italy",
        "ES": "Spain",
        "CH": "Switzerland",
    }
    return names.get(region, f"country {region}")


def _alpha(raw: str) -> bool:
    body = re.sub(r"(?i)\b(ext|extension|x)\b\.?", "", raw)
    return bool(re.search(r"[A-Za-z]{3,}", body))
