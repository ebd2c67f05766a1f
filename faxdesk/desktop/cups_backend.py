#!/usr/bin/env python3
"""CUPS backend ``faxdesk``: hands each print job to the FaxDesk of the user who printed it.

Installed as ``<cups serverbin>/backend/faxdesk``, owned by root with mode 0700, so CUPS runs it
as root: it must create the user's spool folder and give it to them. The queue's device URI
names the spool root, ``faxdesk:/var/spool/faxdesk``. For a job printed by user U (uid N):

1. as root: make ``<root>/<N>/`` owned by U, mode 0700, refusing a symlink or a folder that
   belongs to anyone else (the root folder itself must be root's and not writable by others);
2. drop to U's uid and groups, and only then read the job (its file is opened before the drop:
   the CUPS spool file is root's), turn PostScript into PDF with Ghostscript (``-dSAFER``);
3. write the document, then its description ``<stamp>-<job>.json``, each atomically (a temp
   file in ``<root>/<N>/.incoming`` renamed into place). The description appearing is what makes
   a job visible to FaxDesk, so FaxDesk never sees half a job.

A job that is not a document (plain text, a printer language such as PCL, garbage) is still
handed over with a ``problem``, so FaxDesk can say so in words instead of the job vanishing.
Standard library only, compatible with Python 3.9: it runs under the system ``python3``, outside
FaxDesk's own environment.
"""

from __future__ import annotations

import json
import os
import pwd
import shutil
import stat
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import BinaryIO

# CUPS backend exit codes (cups/backend.h).
BACKEND_OK = 0
BACKEND_FAILED = 1  # the queue's error policy decides (retry-job: tried again later)
BACKEND_CANCEL = 4  # drop this job: there is nobody to hand it to

DEFAULT_SPOOL = "/var/spool/faxdesk"
SPOOL_FORMAT = 1
INCOMING = ".incoming"
SNIFF_BYTES = 4096
GHOSTSCRIPT_TIMEOUT = 600

# Document kinds FaxDesk accepts as they are, by file suffix.
ACCEPTED = {"pdf": ".pdf", "png": ".png", "jpeg": ".jpg", "tiff": ".tiff"}


def log(level: str, message: str) -> None:
    """A line for the CUPS error log / printer state ("ERROR: ..." shows in print dialogs)."""
    sys.stderr.write(f"{level}: {message}\n")
    sys.stderr.flush()


def sniff(head: bytes) -> str:
    """The kind of a print job from its first bytes: pdf, postscript, png, jpeg, tiff, or a
    description of what it is instead (text, pcl, empty, unknown)."""
    if not head:
        return "empty"
    body = _after_pjl(head)
    if body.startswith(b"\x04"):  # some Windows drivers start PostScript with Ctrl-D
        body = body[1:]
    if b"%PDF-" in body[:1024]:
        return "pdf"
    if body.startswith(b"%!"):
        return "postscript"
    if body.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if body.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if body.startswith((b"II*\x00", b"MM\x00*")):
        return "tiff"
    if head.startswith(b"\x1b%-12345X") or body.startswith(b"\x1bE"):
        return "pcl"
    try:
        text = head.decode("utf-8")
    except UnicodeDecodeError:
        # A cut in the middle of a multi-byte character at the end of the sample is fine.
        try:
            text = head[:-4].decode("utf-8")
        except UnicodeDecodeError:
            return "unknown"
    printable = sum(ch.isprintable() or ch in "\r\n\t\f" for ch in text)
    return "text" if printable >= 0.95 * max(1, len(text)) else "unknown"


def _after_pjl(head: bytes) -> bytes:
    """The data after a PJL header (``ESC%-12345X@PJL ... ENTER LANGUAGE=...``), if any."""
    if not head.startswith(b"\x1b%-12345X"):
        return head
    rest = head[len(b"\x1b%-12345X"):]
    while rest.startswith(b"@PJL"):
        end = rest.find(b"\n")
        if end < 0:
            return b""
        line, rest = rest[:end], rest[end + 1:]
        if b"ENTER LANGUAGE" in line.upper():
            break
    return rest


def spool_root(device_uri: str | None) -> Path:
    """The spool root named by ``faxdesk:/path`` (``faxdesk:///path`` also works)."""
    uri = device_uri or ""
    path = uri.split(":", 1)[1] if uri.startswith("faxdesk:") else ""
    while path.startswith("//"):
        path = path[1:]
    if not path:
        return Path(DEFAULT_SPOOL)
    if not path.startswith("/") or "/../" in path + "/":
        raise ValueError(f"the device URI {uri!r} does not name an absolute folder")
    return Path(path)


def ensure_root(root: Path) -> None:
    """The spool root: created 0711 (users reach their own folder, cannot list others'), and
    refused when someone other than root could plant files or links in it."""
    if not root.exists() and not root.is_symlink():
        root.parent.mkdir(parents=True, exist_ok=True)
        root.mkdir(0o711)
        root.chmod(0o711)
    info = root.lstat()
    if not stat.S_ISDIR(info.st_mode):
        raise PermissionError(f"{root} is not a folder")
    if os.geteuid() == 0 and (info.st_uid != 0 or info.st_mode & 0o022):
        raise PermissionError(f"{root} must belong to root and not be writable by others")


def ensure_user_dir(root: Path, user: pwd.struct_passwd) -> Path:
    """``<root>/<uid>``, owned by the user, mode 0700; never a symlink or someone else's."""
    path = root / str(user.pw_uid)
    try:
        path.mkdir(0o700)
        if os.geteuid() == 0:
            os.chown(path, user.pw_uid, user.pw_gid)
    except FileExistsError:
        pass
    info = path.lstat()
    if not stat.S_ISDIR(info.st_mode) or info.st_uid != user.pw_uid:
        raise PermissionError(f"{path} is not a folder of user {user.pw_name}")
    if stat.S_IMODE(info.st_mode) != 0o700:
        path.chmod(0o700)
    return path


def drop_privileges(user: pwd.struct_passwd) -> None:
    """Become the user for good (groups, gid, then uid)."""
    if os.geteuid() != 0:
        if os.geteuid() != user.pw_uid:
            raise PermissionError(
                "the faxdesk backend runs as another user; install it owned by root, mode 0700")
        return
    os.setgroups(os.getgrouplist(user.pw_name, user.pw_gid))
    os.setgid(user.pw_gid)
    os.setuid(user.pw_uid)
    os.environ["HOME"] = user.pw_dir
    os.environ["USER"] = os.environ["LOGNAME"] = user.pw_name


def copy_stream(source: BinaryIO, dest: Path) -> bytes:
    """Copy the job into ``dest`` (created 0600); returns its first bytes."""
    head = b""
    fd = os.open(dest, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as out:
        while True:
            chunk = source.read(1 << 16)
            if not chunk:
                break
            if len(head) < SNIFF_BYTES:
                head += chunk[: SNIFF_BYTES - len(head)]
            out.write(chunk)
        out.flush()
        os.fsync(out.fileno())
    return head


def postscript_to_pdf(source: Path, dest: Path) -> str | None:
    """Ghostscript's pdfwrite, sandboxed with -dSAFER; returns None or the problem in words."""
    command = ["gs", "-q", "-dSAFER", "-dBATCH", "-dNOPAUSE", "-sDEVICE=pdfwrite",
               "-dAutoRotatePages=/None", f"-sOutputFile={dest}", "-f", str(source)]
    try:
        done = subprocess.run(command, stdin=subprocess.DEVNULL, capture_output=True,
                              timeout=GHOSTSCRIPT_TIMEOUT, check=False)
    except FileNotFoundError:
        return "Ghostscript (gs) is not installed"
    except subprocess.TimeoutExpired:
        return f"Ghostscript took longer than {GHOSTSCRIPT_TIMEOUT} seconds"
    if done.returncode != 0 or not dest.exists() or dest.stat().st_size == 0:
        lines = (done.stderr or done.stdout).decode("utf-8", "replace").strip().splitlines()
        return lines[-1][:300] if lines else f"Ghostscript stopped with status {done.returncode}"
    return None


def publish(directory: Path, name: str, data: bytes) -> None:
    """Write ``directory/name`` atomically (temp file in .incoming, fsync, rename)."""
    fd, tmp = tempfile.mkstemp(prefix=".job-", dir=directory / INCOMING)
    with os.fdopen(fd, "wb") as out:
        out.write(data)
        out.flush()
        os.fsync(out.fileno())
    Path(tmp).rename(directory / name)


def hand_over(user_dir: Path, source: BinaryIO, job: dict[str, object]) -> dict[str, object]:
    """Spool one job in ``user_dir`` (running as the user); returns its description."""
    incoming = user_dir / INCOMING
    incoming.mkdir(mode=0o700, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="job-", dir=incoming))
    try:
        raw = work / "data"
        kind = sniff(copy_stream(source, raw))
        stem = str(job["key"])
        document, problem, detail = raw, None, None
        suffix = ACCEPTED.get(kind)
        if kind == "postscript":
            document, suffix = work / "document.pdf", ".pdf"
            detail = postscript_to_pdf(raw, document)
            if detail is not None:
                document, suffix, problem = raw, ".ps", "conversion-failed"
        elif suffix is None:
            suffix, problem, detail = ".data", "not-a-document", kind
        name = stem + suffix
        document.rename(user_dir / name)
        final_kind = "pdf" if kind == "postscript" and problem is None else kind
        description = dict(job, document=name, kind=final_kind, source_kind=kind,
                           problem=problem, detail=detail)
        publish(user_dir, stem + ".json",
                json.dumps(description, indent=1, sort_keys=True).encode("utf-8"))
        return description
    finally:
        shutil.rmtree(work, ignore_errors=True)


def main(argv: list[str]) -> int:
    if len(argv) == 1:
        # Device discovery (lpinfo -v): one line a user could pick when adding a printer.
        print(f'direct faxdesk:{DEFAULT_SPOOL} "FaxDesk" "FaxDesk (send as fax)" ""')
        return BACKEND_OK
    if len(argv) not in (6, 7):
        log("ERROR", "Usage: faxdesk job-id user title copies options [file]")
        return BACKEND_FAILED
    job_id, user_name, title, copies, options = argv[1:6]
    try:
        root = spool_root(os.environ.get("DEVICE_URI"))
    except ValueError as exc:
        log("ERROR", f"FaxDesk printer: {exc}")
        return BACKEND_FAILED
    try:
        user = pwd.getpwnam(user_name)
    except KeyError:
        # A job from a remote or anonymous user: no FaxDesk on this machine belongs to them.
        log("ERROR", f"FaxDesk printer: {user_name!r} is not a user of this computer; "
                     "the job was dropped")
        return BACKEND_CANCEL
    try:
        source = Path(argv[6]).open("rb") if len(argv) == 7 else sys.stdin.buffer  # noqa: SIM115
    except OSError as exc:
        log("ERROR", f"FaxDesk printer: cannot read the job ({exc.strerror})")
        return BACKEND_FAILED
    created = time.time()
    key = time.strftime("%Y%m%dT%H%M%S", time.gmtime(created)) + f"-{int(job_id):06d}"
    job: dict[str, object] = {
        "format": SPOOL_FORMAT, "key": key, "job_id": int(job_id), "title": title,
        "user": user_name, "uid": user.pw_uid, "created": created, "copies": copies,
        "options": options, "printer": os.environ.get("PRINTER", ""),
        "content_type": os.environ.get("CONTENT_TYPE", ""),
    }
    try:
        ensure_root(root)
        user_dir = ensure_user_dir(root, user)
        drop_privileges(user)
        description = hand_over(user_dir, source, job)
    except OSError as exc:
        # Full disk, permissions: the queue's error policy (retry-job) keeps the job for later.
        log("ERROR", f"FaxDesk printer: cannot hand the job to {user_name}: {exc}")
        return BACKEND_FAILED
    finally:
        source.close()
    if description["problem"]:
        log("WARNING", f"FaxDesk printer: job {job_id} is not a document FaxDesk can fax "
                       f"({description['detail']}); FaxDesk will say so")
    else:
        log("INFO", f"Handed to FaxDesk for {user_name}")
    return BACKEND_OK


if __name__ == "__main__":
    sys.exit(main(sys.argv))
