"""One place that turns an icon name into a QIcon.

Icons come from `faxdesk.resources.icon_path(name)` when the resources package provides them;
otherwise a stock QStyle icon stands in, so swapping icon sets is a change here only.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QStyle

SP = QStyle.StandardPixmap

# Stand-ins from the current style, used until (or where) the resources package has no icon.
_FALLBACK: dict[str, QStyle.StandardPixmap] = {
    "app": SP.SP_ComputerIcon,
    "new-fax": SP.SP_FileIcon,
    "sync": SP.SP_BrowserReload,
    "delete": SP.SP_TrashIcon,
    "cancel": SP.SP_BrowserStop,
    "refresh": SP.SP_BrowserReload,
    "resend": SP.SP_DialogRetryButton,
    "save": SP.SP_DialogSaveButton,
    "open": SP.SP_DialogOpenButton,
    "settings": SP.SP_FileDialogDetailedView,
    "export": SP.SP_DialogSaveAllButton,
    "add": SP.SP_FileDialogNewFolder,
    "edit": SP.SP_FileDialogContentsView,
    "mark-read": SP.SP_DialogApplyButton,
    "print": SP.SP_FileDialogDetailedView,
    "report": SP.SP_FileDialogInfoView,
    "quit": SP.SP_DialogCloseButton,
    "inbound": SP.SP_ArrowDown,
    "outbound": SP.SP_ArrowUp,
    "status-queued": SP.SP_MediaPlay,
    "status-processing": SP.SP_MediaPlay,
    "status-sending": SP.SP_MediaSeekForward,
    "status-receiving": SP.SP_MediaSeekForward,
    "status-delivered": SP.SP_DialogApplyButton,
    "status-received": SP.SP_DialogApplyButton,
    "status-failed": SP.SP_MessageBoxCritical,
    "status-unknown": SP.SP_MessageBoxQuestion,
    "online": SP.SP_DialogApplyButton,
    "offline": SP.SP_MessageBoxWarning,
    "error": SP.SP_MessageBoxCritical,
    "sandbox": SP.SP_DriveNetIcon,
    "key": SP.SP_DialogHelpButton,
}


# Our names → the file names of faxdesk/data/icons (the resources package).
_RESOURCE_NAMES = {
    "app": "io.github.faxdesk.FaxDesk",
    "new-fax": "action-send",
    "sync": "action-sync",
    "delete": "action-delete",
    "cancel": "action-cancel",
    "refresh": "action-refresh",
    "resend": "action-resend",
    "save": "action-save",
    "open": "action-open",
    "settings": "action-settings",
    "export": "action-export",
    "add": "action-add",
    "edit": "action-edit",
    "mark-read": "action-mark-read",
    "print": "action-print",
    "report": "action-report",
    "inbound": "action-inbound",
    "outbound": "action-outbound",
    "online": "status-delivered",
    "offline": "tray-error",
    "error": "status-failed",
}


def _resource_path(name: str) -> str | None:
    try:
        from faxdesk.resources import icon_path  # type: ignore[attr-defined,unused-ignore]
    except ImportError:
        return None
    try:
        path = icon_path(_RESOURCE_NAMES.get(name, name))
    except (FileNotFoundError, KeyError, ValueError):
        return None
    return str(path) if path else None


@cache
def icon(name: str) -> QIcon:
    path = _resource_path(name)
    if path:
        themed = QIcon(path)
        if not themed.isNull():
            return themed
    style = QApplication.style()
    return style.standardIcon(_FALLBACK.get(name, SP.SP_FileIcon))
