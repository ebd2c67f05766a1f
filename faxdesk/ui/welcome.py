"""First run: try the sandbox, or enter an API key."""

from __future__ import annotations

from PySide6.QtWidgets import QCommandLinkButton, QDialog, QLabel, QVBoxLayout, QWidget

from faxdesk.ui.icons import icon


class WelcomeDialog(QDialog):
    """`choice` is "sandbox", "key" or "" (closed) after the dialog ends."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.choice = ""
        self.setWindowTitle(self.tr("Welcome to FaxDesk"))
        self.setMinimumWidth(480)
        heading = QLabel(self.tr("<h2>Welcome to FaxDesk</h2>"))
        text = QLabel(self.tr(
            "FaxDesk sends and receives faxes through your Telnyx account. You can look around "
            "first with the built-in sandbox: a pretend Telnyx on this computer, with sample "
            "faxes and no costs."
        ))
        text.setWordWrap(True)
        self.sandbox_button = QCommandLinkButton(
            self.tr("Try the sandbox"),
            self.tr("Explore with demo data. Nothing is sent for real."),
        )
        self.sandbox_button.setIcon(icon("sandbox"))
        self.key_button = QCommandLinkButton(
            self.tr("Enter your API key"),
            self.tr("Connect to your Telnyx account (Telnyx portal → API Keys)."),
        )
        self.key_button.setIcon(icon("key"))
        self.sandbox_button.clicked.connect(lambda: self._choose("sandbox"))
        self.key_button.clicked.connect(lambda: self._choose("key"))
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(text)
        layout.addWidget(self.sandbox_button)
        layout.addWidget(self.key_button)

    def _choose(self, choice: str) -> None:
        self.choice = choice
        self.accept()
