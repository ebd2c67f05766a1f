"""FaxDesk: a desktop fax client for the Telnyx Programmable Fax API."""

__version__ = "0.1.0"
APP_ID = "io.github.faxdesk.FaxDesk"
APP_NAME = "FaxDesk"
