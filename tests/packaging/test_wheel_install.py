"""Build FaxDesk's wheel, install it into a fresh virtual environment and run what got installed.

The fresh venv holds only the wheel (installed with --no-deps); the dependencies come from the
test interpreter's site-packages through a .pth file, so no registry is needed. A .pth line adds a
directory without processing the .pth files inside it, so a development install of faxdesk there
(editable finder, source path) stays invisible: if the wheel missed a resource, these tests see it.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import sysconfig
import venv
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

import faxdesk

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
SKIP_DIRS = {".git", ".venv", "build", "dist", "__pycache__", ".mypy_cache", ".ruff_cache",
             ".pytest_cache", ".hypothesis", "node_modules"}


def clean_env() -> dict[str, str]:
    # PYTHONPATH would let pip see a source tree's faxdesk.egg-info as "already installed".
    return {k: v for k, v in os.environ.items() if k not in {"PYTHONPATH", "PYTHONHOME"}}


class Installed:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.python = root / "bin" / "python"
        self.bin = root / "bin"

    def env(self) -> dict[str, str]:
        env = clean_env()
        env["QT_QPA_PLATFORM"] = "offscreen"
        env["HOME"] = str(self.root / "home")  # settings and store land in the throwaway venv
        env["XDG_CONFIG_HOME"] = str(self.root / "home" / "config")
        env["XDG_DATA_HOME"] = str(self.root / "home" / "data")
        # Its own profile, so its single-instance socket is its own: with the default one, a
        # FaxDesk already running for this user (another test run, the developer's own) takes
        # the launch over and this one exits 0 without a window.
        env["FAXDESK_HOME"] = str(self.root / "home" / "faxdesk")
        return env

    def run(self, *cmd: str | Path, timeout: float = 60) -> subprocess.CompletedProcess[str]:
        return subprocess.run([str(c) for c in cmd], capture_output=True, text=True,
                              timeout=timeout, env=self.env(), cwd=self.root, check=False)


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Installed]:
    base = tmp_path_factory.mktemp("wheel")
    # Build from a copy so the worktree gets no build/ or egg-info from this test.
    source = base / "src"
    shutil.copytree(ROOT, source, ignore=lambda _d, names: [n for n in names if n in SKIP_DIRS])
    wheels = base / "wheels"
    build = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(wheels),
         str(source)], capture_output=True, text=True, timeout=300, check=False, env=clean_env())
    assert build.returncode == 0, build.stderr
    (wheel,) = wheels.glob("faxdesk-*.whl")

    env_dir = base / "venv"
    venv.EnvBuilder(with_pip=False).create(env_dir)
    target = Installed(env_dir)
    install = subprocess.run(
        [sys.executable, "-m", "pip", "--python", str(target.python), "install", "--no-deps",
         "--quiet", str(wheel)],
        capture_output=True, text=True, timeout=300, check=False, env=clean_env())
    assert install.returncode == 0, install.stderr
    site = Path(target.run(target.python, "-c", "import sysconfig; "
                           "print(sysconfig.get_paths()['purelib'])").stdout.strip())
    (site / "zz_shared_dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    yield target


def test_the_package_comes_from_the_wheel_not_the_source_tree(installed: Installed) -> None:
    result = installed.run(installed.python, "-c", "import faxdesk; print(faxdesk.__file__)")
    assert result.returncode == 0, result.stderr
    assert Path(result.stdout.strip()).is_relative_to(installed.root)


def test_every_icon_ships_inside_the_wheel(installed: Installed) -> None:
    source_icons = sorted(p.name for p in (ROOT / "faxdesk" / "data" / "icons").glob("*.svg"))
    code = ("from faxdesk.resources import data_path, icon_path; import faxdesk; "
            "print(icon_path(faxdesk.APP_ID)); "
            "print(*sorted(p.name for p in data_path('icons').glob('*.svg')))")
    result = installed.run(installed.python, "-c", code)
    assert result.returncode == 0, result.stderr
    app_icon, names = result.stdout.splitlines()
    assert Path(app_icon).is_relative_to(installed.root)
    assert names.split() == source_icons


def test_the_installed_commands_run(installed: Installed) -> None:
    for command in ("faxdesk", "faxdesk-cli"):
        result = installed.run(installed.bin / command, "--version")
        assert result.returncode == 0, result.stderr
        assert result.stdout.strip() == f"FaxDesk {faxdesk.__version__}"
    help_text = installed.run(installed.python, "-m", "faxdesk", "--help")
    assert help_text.returncode == 0 and "--sandbox" in help_text.stdout


def test_the_installed_package_opens_a_qt_window_with_its_icons(installed: Installed) -> None:
    # The same self-check the PyInstaller bundle runs: Qt offscreen, every packaged icon loaded
    # through faxdesk.resources from the installed wheel, the native libraries exercised.
    result = installed.run(installed.python, ROOT / "packaging" / "pyinstaller" / "selfcheck.py",
                           "--seconds", "0.2")
    assert result.returncode == 0, result.stdout + result.stderr
    assert '"ok": true' in result.stdout
    assert '"qt_platform": "offscreen"' in result.stdout


def test_the_installed_app_opens_its_window_on_the_sandbox(installed: Installed) -> None:
    # `faxdesk --sandbox` from the wheel, offscreen: the main window shows the demo history.
    result = installed.run(installed.python, Path(__file__).with_name("installed_app_probe.py"))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "WINDOW FaxDesk" in result.stdout, result.stdout + result.stderr
    rows = int(result.stdout.split("ROWS ", 1)[1].split()[0])
    assert rows > 0


HOLDER = """
import sys
from pathlib import Path
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from faxdesk.ui.single_instance import acquire_single_instance
app = QApplication([])
guard = acquire_single_instance()  # None: another FaxDesk already holds the name
print("holding", flush=True)
timer = QTimer()
timer.timeout.connect(lambda: Path(sys.argv[1]).exists() and app.quit())
timer.start(50)
app.exec()
if guard is not None:
    guard.close()
"""


def test_another_running_faxdesk_does_not_take_over_the_installed_app(
    installed: Installed, tmp_path: Path
) -> None:
    # A FaxDesk of this user on the default profile, as on a developer's machine or in a
    # concurrent test run.
    env = {k: v for k, v in clean_env().items() if k != "FAXDESK_HOME"}
    env.update(QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    stop = tmp_path / "stop"
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(stop)], env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "holding"
        result = installed.run(installed.python,
                               Path(__file__).with_name("installed_app_probe.py"))
        assert result.returncode == 0, result.stdout + result.stderr
        assert "WINDOW FaxDesk" in result.stdout, result.stdout + result.stderr
    finally:
        stop.touch()
        holder.wait(timeout=30)
        if holder.stdout is not None:
            holder.stdout.close()


def test_the_installed_sandbox_serves_http(installed: Installed) -> None:
    process = subprocess.Popen(
        [str(installed.python), "-m", "faxdesk", "sandbox", "--port", "0"],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=installed.env(),
        cwd=installed.root)
    try:
        assert process.stdout is not None
        url = None
        for line in process.stdout:
            match = re.search(r"http://127\.0\.0\.1:\d+", line)
            if match:
                url = match.group(0)
                break
        assert url is not None, "the sandbox printed its address"
        response = httpx.get(f"{url}/v2/faxes", timeout=10)
        assert response.status_code in {200, 401}  # it answers like the Telnyx API
    finally:
        process.terminate()
        process.wait(timeout=10)
        if process.stdout is not None:
            process.stdout.close()
