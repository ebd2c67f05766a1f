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

from faxdesk.core.translatable import QT_TRANSLATE_NOOP
from faxdesk.core.words import Sentence

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


def _words(template: str, **values: str) -> Sentence:
    """A sentence about a number (`template` marked for translation in the "Numbers" context;
    a `country` value is one of the names below, which are translated too)."""
    return Sentence("Numbers", template, tuple(values.items()))


class InvalidNumberError(ValueError):
    """The input is not a number a fax can be sent to; `sentence` says why, in words."""

    def __init__(self, text: str, sentence: Sentence, *, emergency: bool = False) -> None:
        self.text = text
        self.sentence = sentence
        self.emergency = emergency
        super().__init__(sentence.english())


def _refuse(text: str, template: str, *, emergency: bool = False,
            **values: str) -> InvalidNumberError:
    return InvalidNumberError(text, _words(template, number=text.strip(), **values),
                              emergency=emergency)


@dataclass(frozen=True)
class NumberResult:
    e164: str  # what goes into `to`: "+14155550100", or the SIP URI unchanged
    display: str  # international format, or the SIP URI
    kind: str  # "fixed_line", "mobile", ..., "unknown", or "sip"
    region: str | None = None  # ISO country of the number, None for SIP / non-geographic
    extension: str | None = None
    warnings: list[Sentence] = field(default_factory=list)

    @property
    def is_sip(self) -> bool:
        return self.kind == "sip"


def parse_fax_number(text: str, default_region: str = "US") -> NumberResult:
    """Parse what the user typed. Raises InvalidNumberError with a message in words."""
    raw = text.strip()
    if not raw:
        raise _refuse(text, QT_TRANSLATE_NOOP(
            "Numbers", "The fax number is empty. Enter a fax number or a SIP address."))
    if _SIP_SCHEME.match(raw):
        if not _SIP.match(raw):
            raise _refuse(text, QT_TRANSLATE_NOOP(
                "Numbers", '"{number}" is not a SIP address a fax can go to: it must look like '
                "sip:user@host (or sips:user@host)."))
        return NumberResult(e164=raw, display=raw, kind="sip")
    region = default_region.upper()
    if region not in phonenumbers.SUPPORTED_REGIONS:
        raise ValueError(f"unknown default country code {default_region!r}")
    if phonenumbers.is_emergency_number(raw, region):
        raise _refuse(text, QT_TRANSLATE_NOOP(
            "Numbers", '"{number}" is an emergency number. Call emergency services by phone; a '
            "fax cannot reach them."), emergency=True)
    if not any(ch.isdigit() for ch in raw):
        raise _refuse(text, QT_TRANSLATE_NOOP(
            "Numbers", '"{number}" is not a fax number: it has no digits. Enter the number with '
            "its area code."))
    try:
        num = phonenumbers.parse(raw, region)
    except NumberParseException as exc:
        raise _refuse(text, _parse_reason(exc)) from exc

    possible = phonenumbers.is_possible_number_with_reason(num)
    if possible not in (VR.IS_POSSIBLE, VR.IS_POSSIBLE_LOCAL_ONLY):
        raise InvalidNumberError(text, _possible_reason(possible, text, num, region))
    if possible == VR.IS_POSSIBLE_LOCAL_ONLY:
        raise _refuse(text, QT_TRANSLATE_NOOP(
            "Numbers", '"{number}" is a local number without its area code. Add the area '
            "code."))

    warnings: list[Sentence] = []
    num_region = phonenumbers.region_code_for_number(num)
    valid = phonenumbers.is_valid_number(num)
    # Some plans (e.g. Germany) allow very short numbers; short and unknown is a typo.
    if not valid and len(phonenumbers.national_significant_number(num)) < MIN_UNKNOWN_DIGITS:
        raise InvalidNumberError(text, _where_words(
            num, region, text,
            QT_TRANSLATE_NOOP("Numbers", '"{number}" is too short for a number in {country}. '
                              "Check for missing digits."),
            QT_TRANSLATE_NOOP("Numbers", '"{number}" is too short for a number with the '
                              "country code +{code}. Check for missing digits.")))
    if not valid:
        warnings.append(_where_words(
            num, region, text,
            QT_TRANSLATE_NOOP("Numbers", "This number has the right length but is not a known "
                              "valid number in {country}; check it before sending."),
            QT_TRANSLATE_NOOP("Numbers", "This number has the right length but is not a known "
                              "valid number with the country code +{code}; check it before "
                              "sending.")))
    if num.extension:
        warnings.append(_words(QT_TRANSLATE_NOOP(
            "Numbers", "The extension {extension} cannot be dialled by fax; the fax goes to the "
            "main number. Make sure the main number answers with a fax machine."),
            extension=num.extension))
        if len(num.extension) > LONG_EXTENSION:
            warnings.append(_words(QT_TRANSLATE_NOOP(
                "Numbers", "The extension {extension} is unusually long."),
                extension=num.extension))
    if _alpha(raw):
        warnings.append(_words(QT_TRANSLATE_NOOP(
            "Numbers", "Letters were read as keypad digits; check the number.")))
    kind = _KINDS.get(phonenumbers.number_type(num), "unknown")
    if kind == "premium_rate":
        warnings.append(_words(QT_TRANSLATE_NOOP(
            "Numbers", "This is a premium-rate number; sending to it may cost extra.")))

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
        return _UNKNOWN_COUNTRY_CODE
    if t == NumberParseException.TOO_SHORT_AFTER_IDD or t == NumberParseException.TOO_SHORT_NSN:
        return QT_TRANSLATE_NOOP("Numbers", '"{number}" is too short. Enter the full number '
                                 "with its area code.")
    if t == NumberParseException.TOO_LONG:
        return QT_TRANSLATE_NOOP("Numbers", '"{number}" is too long to be a phone number.')
    return QT_TRANSLATE_NOOP("Numbers", '"{number}" does not look like a phone number. Use '
                             "digits, spaces, + ( ) and - only.")


_UNKNOWN_COUNTRY_CODE = QT_TRANSLATE_NOOP(
    "Numbers", 'The country code of "{number}" is not known. Start with + and a valid country '
    "code, e.g. +44.")


def _possible_reason(reason: int, text: str, num: phonenumbers.PhoneNumber,
                     region: str) -> Sentence:
    if reason == VR.INVALID_COUNTRY_CODE:
        return _words(_UNKNOWN_COUNTRY_CODE, number=text.strip())
    if reason == VR.TOO_SHORT:
        return _where_words(
            num, region, text,
            QT_TRANSLATE_NOOP("Numbers", '"{number}" is too short for a number in {country}. '
                              "Check for missing digits."),
            QT_TRANSLATE_NOOP("Numbers", '"{number}" is too short for a number with the '
                              "country code +{code}. Check for missing digits."))
    if reason == VR.TOO_LONG:
        return _where_words(
            num, region, text,
            QT_TRANSLATE_NOOP("Numbers", '"{number}" is too long for a number in {country}. '
                              "Check for extra digits."),
            QT_TRANSLATE_NOOP("Numbers", '"{number}" is too long for a number with the '
                              "country code +{code}. Check for extra digits."))
    return _where_words(
        num, region, text,
        QT_TRANSLATE_NOOP("Numbers", '"{number}" does not have the length of a number in '
                          "{country}. Check the digits."),
        QT_TRANSLATE_NOOP("Numbers", '"{number}" does not have the length of a number with the '
                          "country code +{code}. Check the digits."))


def _where_words(num: phonenumbers.PhoneNumber, default_region: str, text: str,
                 in_country: str, with_code: str) -> Sentence:
    """`in_country` when one country can be named, else `with_code` ("+1" is shared by several
    countries: naming one would mislead)."""
    region = phonenumbers.region_code_for_number(num)
    code = num.country_code or 0
    if not region and code == phonenumbers.country_code_for_region(default_region):
        region = default_region  # typed nationally, or with the home country's code
    if not region:
        regions = phonenumbers.region_codes_for_country_code(code)
        region = regions[0] if len(regions) == 1 and regions[0] != "001" else None
    name = COUNTRY_NAMES.get(region or "")
    if name is None:
        return _words(with_code, number=text.strip(), code=str(code))
    return _words(in_country, number=text.strip(), country=name)


#: The countries a message can name (other numbers are named by their country code).
COUNTRY_NAMES = {
    "US": QT_TRANSLATE_NOOP("Numbers", "the United States"),
    "GB": QT_TRANSLATE_NOOP("Numbers", "the United Kingdom"),
    "DE": QT_TRANSLATE_NOOP("Numbers", "Germany"),
    "FR": QT_TRANSLATE_NOOP("Numbers", "France"),
    "AU": QT_TRANSLATE_NOOP("Numbers", "Australia"),
    "JP": QT_TRANSLATE_NOOP("Numbers", "Japan"),
    "CA": QT_TRANSLATE_NOOP("Numbers", "Canada"),
    "NL": QT_TRANSLATE_NOOP("Numbers", "the Netherlands"),
    "IT": QT_TRANSLATE_NOOP("Numbers", "Italy"),
    "ES": QT_TRANSLATE_NOOP("Numbers", "Spain"),
    "CH": QT_TRANSLATE_NOOP("Numbers", "Switzerland"),
}


def _alpha(raw: str) -> bool:
    body = re.sub(r"(?i)\b(ext|extension|x)\b\.?", "", raw)
    return bool(re.search(r"[A-Za-z]{3,}", body))
