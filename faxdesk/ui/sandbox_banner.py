"""How a sandbox window is told apart from one on the account, everywhere a person could mistake
it: a banner across the top of the main window and of every dialog that sends or changes
something, " — Sandbox" in their titles, and "Sandbox" in notifications.

Dialogs made elsewhere are marked by the window that opens them::

    dialog = factory(window, files)
    if window.sandbox:
        mark_as_sandbox(dialog)
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt

if TYPE_CHECKING:
    from PySide6.QtWidgets import QLabel, QWidget

BANNER_NAME = "sandbox_banner"
_STYLE = ("QLabel#sandbox_banner { background: #fff3c4; color: #5c4400; "
          "border: 1px solid #e0b400; padding: 6px 10px; }")


def sandbox_suffix() -> str:
    """What a sandbox window adds to its title."""
    return QCoreApplication.translate("FaxDeskApp", " — Sandbox")


def sandbox_banner(parent: QWidget | None = None) -> QLabel:
    """The banner: what the sandbox is, and that nothing here reaches anyone."""
    # Here, not at the top: the first frame takes only the suffix, before the widgets load.
    from PySide6.QtWidgets import QLabel

    banner = QLabel(QCoreApplication.translate(
        "SandboxBanner",
        "<b>Sandbox</b> — practice only: faxes here are simulated and never reach anyone, "
        "and nothing is charged. To send real faxes, close this window and open FaxDesk itself, "
        "not its sandbox."), parent)
    banner.setObjectName(BANNER_NAME)
    banner.setWordWrap(True)
    banner.setTextFormat(Qt.TextFormat.RichText)
    banner.setStyleSheet(_STYLE)
    banner.setAccessibleName(QCoreApplication.translate("SandboxBanner", "Sandbox"))
    return banner


def mark_as_sandbox(dialog: QWidget) -> bool:
    """Put the sandbox banner on top of `dialog` and " — Sandbox" in its title (once). False
    when the dialog has no box layout to take the banner (its title is marked anyway)."""
    from PySide6.QtWidgets import QBoxLayout, QLabel

    suffix = sandbox_suffix()
    if not dialog.windowTitle().endswith(suffix):
        dialog.setWindowTitle(dialog.windowTitle() + suffix)
    if dialog.findChild(QLabel, BANNER_NAME) is not None:
        return True
    layout = dialog.layout()
    if not isinstance(layout, QBoxLayout):
        return False
    layout.insertWidget(0, sandbox_banner(dialog))
    return True
