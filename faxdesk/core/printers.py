"""The computer's printers, through CUPS's own commands: which there are, whether one can print
now, and handing it a PDF (`lp`). No Qt here; the print dialog is faxdesk/ui/printing.py.

The commands run with ``LC_ALL=C`` so their answers can be read; what a person sees is always
a sentence made here. ``CUPS_SERVER`` in the environment selects another scheduler (tests).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

TIMEOUT = 60.0


class PrintError(Exception):
    """A document could not be given to a printer; ``str()`` says why in words."""

    def __init__(self, message: str, kind: str = "failed") -> None:
        super().__init__(message)
        self.kind = kind  # "missing", "not-accepting", "no-cups", "not-installed", "failed"


@dataclass(frozen=True, slots=True)
class PrinterState:
    name: str
    exists: bool
    enabled: bool = False  # False: paused, or stopped after an error (jobs wait)
    accepting: bool = False  # False: new jobs are refused
    reason: str = ""  # what CUPS says about it ("The printer is not responding.")

    def problem(self) -> str | None:
        """What is wrong with printing on it now, in words; None when it is ready."""
        if not self.exists:
            return (f"The printer “{self.name}” does not exist any more. Choose another "
                    "printer in the settings.")
        if not self.accepting:
            return (f"The printer “{self.name}” is not accepting jobs"
                    f"{_because(self.reason)}. FaxDesk will try again later.")
        if not self.enabled:
            return (f"The printer “{self.name}” is paused or offline{_because(self.reason)}. "
                    "The fax waits in its queue and prints when the printer is back.")
        return None


def _because(reason: str) -> str:
    return f" ({reason.rstrip('.')})" if reason and reason.lower() != "reason unknown" else ""


def _command(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        raise PrintError(f"Printing needs CUPS's {name} command, which is not installed (on "
                         "Debian and Ubuntu it is in the cups-client package).", "not-installed")
    return path


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    env.update(LC_ALL="C", LANG="C", LANGUAGE="")
    try:
        return subprocess.run([_command(args[0]), *args[1:]], capture_output=True, text=True,
                              timeout=TIMEOUT, env=env, check=False)
    except subprocess.TimeoutExpired:
        raise PrintError("The printing service (CUPS) did not answer. Check that it is "
                         "running.", "no-cups") from None


def _cups_down() -> bool:
    # Without a scheduler, lp and lpstat only say the printer "does not exist": ask it.
    return "scheduler is running" not in _run("lpstat", "-r").stdout


_NOT_RUNNING = ("The printing service (CUPS) is not running. FaxDesk will try again later; "
                "ask whoever looks after this computer if it stays off.")


def printers() -> list[str]:
    """The names of the print queues, as print dialogs list them."""
    done = _run("lpstat", "-e")
    if not done.stdout.strip() and _cups_down():
        raise PrintError(_NOT_RUNNING, "no-cups")
    return [line.strip() for line in done.stdout.splitlines() if line.strip()]


def default_printer() -> str | None:
    done = _run("lpstat", "-d")
    match = re.search(r"system default destination: (\S+)", done.stdout)
    return match.group(1) if match else None


def printer_state(name: str) -> PrinterState:
    """Whether `name` exists, is enabled and accepts jobs, and why not."""
    shown = _run("lpstat", "-p", name)
    if shown.returncode != 0 or not shown.stdout.startswith(f"printer {name} "):
        if _cups_down():
            raise PrintError(_NOT_RUNNING, "no-cups")
        return PrinterState(name, exists=False)
    # "printer Office disabled since ... -" then the printer's message, indented.
    first, *rest = shown.stdout.splitlines()
    enabled = " disabled since " not in first
    reason = next((line.strip() for line in rest if line.startswith("\t")), "")
    accepts = _run("lpstat", "-a", name)
    accepting = " accepting requests" in accepts.stdout and " not accepting" not in accepts.stdout
    if not accepting and not reason:
        reason = next((line.strip() for line in accepts.stdout.splitlines()
                       if line.startswith("\t")), "")
    return PrinterState(name, exists=True, enabled=enabled, accepting=accepting, reason=reason)


def submit(name: str, document: Path, title: str) -> str:
    """Give a PDF to printer `name`; returns CUPS's job id ("Office-12")."""
    done = _run("lp", "-d", name, "-t", title, "--", str(document))
    match = re.search(r"request id is (\S+)", done.stdout)
    if done.returncode == 0 and match:
        return match.group(1)
    err = done.stderr.strip()
    if _cups_down():
        raise PrintError(_NOT_RUNNING, "no-cups")
    if "does not exist" in err or "Invalid destination" in err:
        raise PrintError(f"The printer “{name}” does not exist any more. Choose another "
                         "printer in the settings.", "missing")
    if "not accepting jobs" in err:
        raise PrintError(f"The printer “{name}” is not accepting jobs. FaxDesk will try "
                         "again later.", "not-accepting")
    detail = err.removeprefix("lp:").strip().removeprefix("Error -").strip() or "no reason given"
    raise PrintError(f"The printer “{name}” refused the fax ({detail}).")
