"""A real, private CUPS scheduler for tests: `cupsd -f` as root in its own configuration folder,
on its own domain socket and loopback port, never touching the machine's /etc/cups or
/run/cups. Clients (lp, lpstat, lpadmin, libcups in Qt) reach it through ``CUPS_SERVER``.

The scheduler's ServerBin is a private folder holding the system's backends and helpers
(symlinks) plus FaxDesk's own backend, copied in root-owned with mode 0700 as
packaging/install-linux.sh installs it, so CUPS runs it as root exactly as on a real machine.

A missing program FAILS the test with the Debian package to install (never a skip).
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import os
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]
BACKEND_SOURCE = REPO_ROOT / "faxdesk" / "desktop" / "cups_backend.py"
SYSTEM_SERVERBIN = Path("/usr/lib/cups")
START_TIMEOUT = 20.0

PROGRAMS = {"cupsd": "cups-daemon", "lp": "cups-client", "lpstat": "cups-client",
            "lpadmin": "cups-client", "cupsenable": "cups-client", "cupsdisable": "cups-client",
            "cupsaccept": "cups-client", "cupsreject": "cups-client", "gs": "ghostscript"}

CUPS_FILES_CONF = """\
ServerRoot {root}/etc
ServerBin {root}/lib
DataDir /usr/share/cups
CacheDir {root}/cache
StateDir {root}/state
RequestRoot {root}/spool
TempDir {root}/spool/tmp
AccessLog {root}/log/access_log
ErrorLog {root}/log/error_log
PageLog {root}/log/page_log
FileDevice Yes
SystemGroup root
Printcap
"""

# Every operation allowed without a password on the private socket, except creating jobs on a
# queue with the "authenticated" policy: there CUPS checks who the printing user really is
# (peer credentials on the domain socket), as the stock cupsd.conf's "authenticated" policy does.
CUPSD_CONF = """\
LogLevel debug
Listen {socket}
Listen 127.0.0.1:{port}
Browsing Off
WebInterface No
DefaultAuthType Basic
ErrorPolicy retry-job
JobRetryInterval 1
MaxJobs 0
PreserveJobHistory Yes
<Location />
  Order allow,deny
  Allow localhost
</Location>
<Policy default>
  JobPrivateAccess default
  JobPrivateValues default
  SubscriptionPrivateAccess default
  SubscriptionPrivateValues default
  <Limit All>
    Order deny,allow
  </Limit>
</Policy>
<Policy authenticated>
  JobPrivateAccess default
  JobPrivateValues default
  SubscriptionPrivateAccess default
  SubscriptionPrivateValues default
  <Limit Create-Job Print-Job Print-URI Validate-Job>
    AuthType Default
    Require valid-user
    Order deny,allow
  </Limit>
  <Limit All>
    Order deny,allow
  </Limit>
</Policy>
"""


def require_programs(names: Sequence[str] = tuple(PROGRAMS)) -> None:
    missing = sorted({PROGRAMS.get(n, n) for n in names if shutil.which(n) is None})
    if missing:
        pytest.fail("CUPS tests need: sudo apt-get install -y " + " ".join(missing)
                    + " (scripts/bootstrap.sh installs them)", pytrace=False)
    if os.geteuid() != 0:
        pytest.fail("CUPS tests start their own cupsd and need root (as CI runs them)",
                    pytrace=False)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class PrivateCups:
    """One private cupsd; `start()`, use `env`/`run()`, `stop()`."""

    def __init__(self, root: Path | None = None, *, with_backend: bool = True) -> None:
        """`with_backend=False`: FaxDesk's backend is left for the test to install."""
        # Not under pytest's tmp_path: that is 0700 and CUPS runs its helpers as user lp.
        self.root = root or Path(tempfile.mkdtemp(prefix="faxdesk-cups-"))
        self._made_root = root is None
        self._with_backend = with_backend
        self.socket = self.root / "cups.sock"
        self.port = free_port()
        self.process: subprocess.Popen[bytes] | None = None
        self.env = {k: v for k, v in os.environ.items() if not k.startswith(("CUPS_", "LP"))}
        self.env.update(CUPS_SERVER=str(self.socket), LANG="C", LC_ALL="C", LANGUAGE="")

    # --- lifecycle -----------------------------------------------------------------------

    def start(self) -> PrivateCups:
        require_programs()
        root = self.root
        root.mkdir(parents=True, exist_ok=True)
        root.chmod(0o755)  # cupsd's helpers run as lp and must reach their folders
        for sub in ("etc", "cache", "state", "spool", "spool/tmp", "log", "lib", "lib/backend"):
            (root / sub).mkdir(parents=True, exist_ok=True)
            (root / sub).chmod(0o755)
        for item in SYSTEM_SERVERBIN.iterdir():
            if not item.name.startswith("backend"):
                (root / "lib" / item.name).symlink_to(item)
        for folder in ("backend", "backend-available"):  # Debian keeps socket in the latter
            for backend in sorted((SYSTEM_SERVERBIN / folder).glob("*")):
                link = root / "lib" / "backend" / backend.name
                if not link.exists():
                    link.symlink_to(backend)
        if self._with_backend:
            self.install_backend()
        (root / "etc" / "cups-files.conf").write_text(CUPS_FILES_CONF.format(root=root))
        (root / "etc" / "cupsd.conf").write_text(
            CUPSD_CONF.format(socket=self.socket, port=self.port))
        self.process = subprocess.Popen(
            ["cupsd", "-f", "-c", str(root / "etc" / "cupsd.conf"),
             "-s", str(root / "etc" / "cups-files.conf")],
            env=self.env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        deadline = time.monotonic() + START_TIMEOUT
        while True:
            if self.process.poll() is not None:
                err = self.process.stderr.read().decode() if self.process.stderr else ""
                raise RuntimeError(f"cupsd exited at start: {err}\n{self.error_log()}")
            out = self.run("lpstat", "-r", check=False)
            if out.returncode == 0 and "scheduler is running" in out.stdout:
                return self
            if time.monotonic() > deadline:
                raise RuntimeError(f"cupsd did not answer within {START_TIMEOUT} s\n"
                                   + self.error_log())
            time.sleep(0.05)

    def install_backend(self) -> Path:
        """FaxDesk's backend as install-linux.sh installs it: root-owned, 0700 (runs as root)."""
        target = self.root / "lib" / "backend" / "faxdesk"
        shutil.copyfile(BACKEND_SOURCE, target)
        target.chmod(0o700)
        return target

    def stop(self) -> None:
        process, self.process = self.process, None
        if process is None:
            return
        process.terminate()
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(10)
        if process.stderr is not None:
            process.stderr.close()
        if self._made_root:
            shutil.rmtree(self.root, ignore_errors=True)

    def __enter__(self) -> PrivateCups:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # --- clients ---------------------------------------------------------------------------

    def run(self, *args: str, check: bool = True, user: int | None = None,
            timeout: float = 60.0) -> subprocess.CompletedProcess[str]:
        """A CUPS client command against this scheduler (as another uid when `user` is given)."""
        command = list(args)
        if user is not None:
            command = ["setpriv", f"--reuid={user}", f"--regid={user}", "--clear-groups",
                       *command]
        done = subprocess.run(command, env=self.env, capture_output=True, text=True,
                              timeout=timeout, check=False)
        if check and done.returncode != 0:
            raise AssertionError(f"{' '.join(args)} failed ({done.returncode}): "
                                 f"{done.stderr.strip()}\n{self.error_log()[-3000:]}")
        return done

    def add_faxdesk_queue(self, spool: Path, name: str = "FaxDesk",
                          policy: str = "authenticated") -> None:
        """The queue install-linux.sh creates (with a private spool root)."""
        self.run("lpadmin", "-p", name, "-E", "-v", f"faxdesk:{spool}", "-m", "raw",
                 "-D", "Send as fax with FaxDesk", "-o", "printer-error-policy=retry-job",
                 "-o", f"printer-op-policy={policy}")

    def add_socket_queue(self, name: str, port: int) -> None:
        """A raw queue to an AppSocket (JetDirect) printer on 127.0.0.1:`port`. CUPS's own
        file: device writes nothing for a raw queue, so a printer on the wire it is."""
        self.run("lpadmin", "-p", name, "-E", "-v", f"socket://127.0.0.1:{port}", "-m", "raw",
                 "-o", "printer-error-policy=retry-job")

    def print_file(self, queue: str, path: Path, *options: str, user: int | None = None) -> int:
        """`lp -d queue ...`; returns the CUPS job id."""
        out = self.run("lp", "-d", queue, *options, str(path), user=user).stdout
        # "request id is FaxDesk-3 (1 file(s))"
        return int(out.split(" is ", 1)[1].split()[0].rsplit("-", 1)[1])

    def job_state(self, queue: str, job_id: int) -> str:
        """"completed", "pending" (or held, processing) or "unknown"."""
        wanted = f"{queue}-{job_id}"
        done = self.run("lpstat", "-W", "completed", "-o", queue, check=False).stdout
        if any(line.split()[:1] == [wanted] for line in done.splitlines()):
            return "completed"
        open_ = self.run("lpstat", "-W", "not-completed", "-o", queue, check=False).stdout
        if any(line.split()[:1] == [wanted] for line in open_.splitlines()):
            return "pending"
        return "unknown"

    def wait_completed(self, queue: str, job_id: int, timeout: float = 60.0) -> None:
        deadline = time.monotonic() + timeout
        while self.job_state(queue, job_id) != "completed":
            if time.monotonic() > deadline:
                raise AssertionError(f"job {queue}-{job_id} did not complete in {timeout} s\n"
                                     + self.error_log()[-4000:])
            time.sleep(0.05)

    def wait_for_log(self, text: str, timeout: float = 60.0) -> None:
        """Until the scheduler's log says `text` (a backend's ERROR: line, say)."""
        deadline = time.monotonic() + timeout
        while text not in self.error_log():
            if time.monotonic() > deadline:
                raise AssertionError(f"cupsd never logged {text!r}\n" + self.error_log()[-4000:])
            time.sleep(0.05)

    def error_log(self) -> str:
        with contextlib.suppress(OSError):
            return (self.root / "log" / "error_log").read_text(errors="replace")
        return ""


def forget_cups_server() -> None:
    """Make libcups in this process read ``CUPS_SERVER`` again. It remembers the scheduler per
    thread on first use, so Qt's print support on the GUI thread would keep talking to whatever
    an earlier test used; ``cupsSetServer(NULL)`` clears that memory (test harness only)."""
    libcups = ctypes.CDLL(ctypes.util.find_library("cups") or "libcups.so.2")
    libcups.cupsSetServer.argtypes = [ctypes.c_char_p]
    libcups.cupsSetServer(None)


@contextlib.contextmanager
def private_cups(root: Path | None = None) -> Iterator[PrivateCups]:
    cups = PrivateCups(root)
    try:
        yield cups.start()
    finally:
        cups.stop()
