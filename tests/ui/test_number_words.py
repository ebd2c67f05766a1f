"""A wrong number is refused, and an unusual one warned about, in the UI's language: the send
dialog's recipient field in Chinese says why in Chinese, the country's name included."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from faxdesk.ui.i18n import install_translations, remove_translations
from faxdesk.ui.send_recipients import RecipientError, RecipientsWidget, parse_recipient


@pytest.fixture
def chinese(qapp: QApplication) -> Iterator[None]:
    assert install_translations(qapp, "zh_CN") == "zh_CN"
    yield
    remove_translations(qapp)


def _has_han(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


@pytest.mark.parametrize(("typed", "country", "said"), [
    ("12", "US", "美国"),  # too short for a number in the United States
    ("030 1", "DE", "德国"),
    ("555-0100", "US", "区号"),  # a local number without its area code
    ("911", "US", "紧急"),
    ("", "US", "为空"),
])
def test_a_wrong_number_is_refused_in_chinese(chinese: None, typed: str, country: str,
                                              said: str) -> None:
    with pytest.raises(RecipientError) as exc:
        parse_recipient(typed, country)
    text = str(exc.value)
    assert said in text and _has_han(text)
    assert "is not" not in text and "Error" not in text


def test_the_recipient_field_shows_the_reason_and_the_warnings_in_chinese(
    chinese: None, qtbot: QtBot
) -> None:
    widget = RecipientsWidget(lambda: "US")
    qtbot.addWidget(widget)
    assert not widget.add_text("12")
    assert "美国" in widget.error_label.text()
    # Premium rate: added, with its warning in Chinese.
    assert widget.add_text("1-900-555-0100")
    warnings = widget.recipients()[0].warnings
    assert warnings and all(_has_han(w) for w in warnings)
    assert any("付费" in w for w in warnings)


def test_in_english_the_same_sentences_read_as_the_command_line_prints_them() -> None:
    with pytest.raises(RecipientError) as exc:
        parse_recipient("12", "US")
    assert str(exc.value) == '"12" is too short for a number in the United States. Check for ' \
        "missing digits."
