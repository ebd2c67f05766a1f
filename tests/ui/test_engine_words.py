"""The engine's messages that the window shows are in the window's language."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from faxdesk.core.engine import DocumentNotDownloadedError, EngineError
from faxdesk.core.words import DOCUMENT_ON_ITS_WAY
from faxdesk.ui.i18n import install_translations, remove_translations
from faxdesk.ui.texts import error_text


def test_a_document_still_on_its_way_is_said_in_chinese(qapp: QApplication) -> None:
    on_its_way = DocumentNotDownloadedError(DOCUMENT_ON_ITS_WAY)
    assert error_text(on_its_way) == DOCUMENT_ON_ITS_WAY
    assert install_translations(qapp, "zh_CN") == "zh_CN"
    try:
        assert error_text(on_its_way) == "收到的文档仍在下载中。"
    finally:
        remove_translations(qapp)


@pytest.mark.parametrize("message", ["No fax with that id.", "Something else went wrong."])
def test_the_engines_other_messages_are_shown_as_they_are(message: str) -> None:
    assert error_text(EngineError(message)) == message
