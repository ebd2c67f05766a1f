"""Fax numbers as users type them: national, international, extensions, SIP, garbage."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from faxdesk.core.numbers import (
    InvalidNumberError,
    NumberResult,
    format_for_display,
    parse_fax_number,
)


def _said(result: NumberResult) -> list[str]:
    """The warnings as the command line prints them."""
    return [w.english() for w in result.warnings]


@pytest.mark.parametrize(
    ("typed", "region", "e164", "display"),
    [
        ("(212) 555-0100", "US", "+12125550100", "+1 212-555-0100"),
        ("212.555.0100", "US", "+12125550100", "+1 212-555-0100"),
        ("1 212 555 0100", "US", "+12125550100", "+1 212-555-0100"),
        ("020 7946 0958", "GB", "+442079460958", "+44 20 7946 0958"),
        ("030 1234567", "DE", "+49301234567", "+49 30 1234567"),
        ("01 23 45 67 89", "FR", "+33123456789", "+33 1 23 45 67 89"),
        ("(02) 9876 5432", "AU", "+61298765432", "+61 2 9876 5432"),
        ("03-1234-5678", "JP", "+81312345678", "+81 3-1234-5678"),
        ("06 12345678", "NL", "+31612345678", "+31 6 12345678"),
    ],
)
def test_national_input_becomes_e164(typed: str, region: str, e164: str, display: str) -> None:
    result = parse_fax_number(typed, region)
    assert result.e164 == e164
    assert result.display == display
    assert result.region == region
    assert result.warnings == []
    assert not result.is_sip


@pytest.mark.parametrize(
    ("typed", "e164", "region"),
    [
        ("+44 20 7946 0958", "+442079460958", "GB"),
        ("+49 (0)30 1234567", "+49301234567", "DE"),
        ("+33 1 23 45 67 89", "+33123456789", "FR"),
        ("+61 2 9876 5432", "+61298765432", "AU"),
        ("+81 3 1234 5678", "+81312345678", "JP"),
        ("011 44 20 7946 0958", "+442079460958", "GB"),  # US international prefix
    ],
)
def test_international_input_ignores_the_default_country(
    typed: str, e164: str, region: str
) -> None:
    result = parse_fax_number(typed, "US")
    assert (result.e164, result.region) == (e164, region)


def test_international_prefix_of_the_default_country() -> None:
    assert parse_fax_number("00 1 212 555 0100", "DE").e164 == "+12125550100"


def test_kind_is_reported() -> None:
    assert parse_fax_number("020 7946 0958", "GB").kind == "fixed_line"
    assert parse_fax_number("07400 123456", "GB").kind == "mobile"
    assert parse_fax_number("0800 123 4567", "GB").kind == "toll_free"


def test_extension_is_a_warning_not_a_refusal() -> None:
    result = parse_fax_number("+1 212 555 0100 ext 12345", "US")
    assert result.e164 == "+12125550100"  # E.164 has no extension: the main number is dialled
    assert result.extension == "12345"
    assert result.display == "+1 212-555-0100 ext. 12345"
    assert any("cannot be dialled by fax" in w for w in _said(result))
    assert any("unusually long" in w for w in _said(result))


def test_short_extension_warns_only_that_it_is_not_dialled() -> None:
    result = parse_fax_number("212-555-0100 x12", "US")
    assert result.extension == "12"
    assert len(result.warnings) == 1 and "extension 12" in _said(result)[0]


def test_possible_but_not_valid_number_passes_with_a_warning() -> None:
    result = parse_fax_number("+1 201 000 0000", "US")
    assert result.e164 == "+12010000000"
    assert result.kind == "unknown"
    assert _said(result) == [
        "This number has the right length but is not a known valid number in the United "
        "States; check it before sending."
    ]


def test_premium_rate_warns() -> None:
    result = parse_fax_number("1-900-555-0100", "US")
    assert result.kind == "premium_rate"
    assert any("premium-rate" in w for w in _said(result))


def test_vanity_letters_are_read_as_digits_with_a_warning() -> None:
    result = parse_fax_number("1-800-FLOWERS", "US")
    assert result.e164 == "+18003569377"
    assert any("Letters" in w for w in _said(result))


@pytest.mark.parametrize(
    "uri",
    [
        "sip:fax@example.com",
        "sips:reception@pbx.example.org",
        "sip:+14155550100@sip.telnyx.com",
        "SIP:frontdesk@10.0.0.5:5060;transport=tcp",
    ],
)
def test_sip_uris_pass_unchanged(uri: str) -> None:
    result = parse_fax_number(f"  {uri} ", "US")
    assert result.e164 == uri
    assert result.display == uri
    assert result.kind == "sip" and result.is_sip
    assert result.warnings == []


@pytest.mark.parametrize(
    ("typed", "reason"),
    [
        ("", "The fax number is empty."),
        ("   ", "The fax number is empty."),
        ("hello fax", '"hello fax" is not a fax number: it has no digits'),
        ("12", '"12" is too short for a number in the United States'),
        ("+1 212 555 01001234", "too long for a number in the United States"),
        ("+999 1234567", 'The country code of "+999 1234567" is not known'),
        ("555-0100", '"555-0100" is a local number without its area code'),
        ("sip:nobody", "is not a SIP address a fax can go to: it must look like sip:user@host"),
        ("sip:a b@host", "it must look like sip:user@host"),
        ("+", "it has no digits"),
        ("12345678901234567890123", "too long"),
    ],
)
def test_garbage_is_refused_in_words(typed: str, reason: str) -> None:
    with pytest.raises(InvalidNumberError) as exc:
        parse_fax_number(typed, "US")
    assert reason in str(exc.value)
    # The window translates the same sentence: its template is marked, its values are filled.
    sentence = exc.value.sentence
    assert sentence.context == "Numbers" and sentence.english() == str(exc.value)


def test_garbage_in_another_default_country_names_it() -> None:
    with pytest.raises(InvalidNumberError) as exc:
        parse_fax_number("030 1", "DE")
    assert "Germany" in str(exc.value)


def test_unknown_default_country_is_a_programming_error() -> None:
    with pytest.raises(ValueError, match="unknown default country"):
        parse_fax_number("2125550100", "XX")


def test_format_for_display() -> None:
    assert format_for_display("+12125550100", "US") == "(212) 555-0100"
    assert format_for_display("+12125550100", "GB") == "+1 212-555-0100"
    assert format_for_display("+442079460958", "GB") == "020 7946 0958"
    assert format_for_display("+442079460958") == "+44 20 7946 0958"
    assert format_for_display("sip:fax@example.com", "US") == "sip:fax@example.com"
    assert format_for_display("not a number", "US") == "not a number"


def test_round_trip_display_parses_back() -> None:
    for e164 in ("+12125550100", "+442079460958", "+49301234567", "+81312345678"):
        for region in ("US", "GB", "DE", "JP"):
            assert parse_fax_number(format_for_display(e164, region), region).e164 == e164


@settings(max_examples=300, deadline=None)
@given(
    st.text(alphabet=st.characters(codec="utf-8"), max_size=40), st.sampled_from(["US", "GB", "JP"])
)
def test_any_text_gives_a_result_or_a_message(text: str, region: str) -> None:
    try:
        result = parse_fax_number(text, region)
    except InvalidNumberError as exc:
        message = str(exc)
        assert message.endswith(".")
        assert text.strip() in message or message.startswith("The fax number is empty.")
        return
    assert result.is_sip or (result.e164.startswith("+") and result.e164[1:].isdigit())
