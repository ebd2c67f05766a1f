"""uv.lock and its pip exports agree with pyproject.toml; a dependency change without a new lock is
refused, on both set-up ways, with a message that names the command to run."""

from __future__ import annotations

import re
import sys
import tomllib
from pathlib import Path

import pytest
from packaging.markers import Marker
from packaging.requirements import Requirement
from packaging.version import Version

from tests.setup.support import EXPORTS, ROOT, copy_checkout, pins, run, setup_env, uv

LOCK_INPUTS = ("pyproject.toml", "uv.lock", "requirements", "scripts", "README.md")


def body(text: str) -> str:
    """An export without the header scripts/lock writes above uv's output."""
    lines = text.splitlines(keepends=True)
    while lines and lines[0].startswith("#"):
        lines.pop(0)
    return "".join(lines)


def export_args(export: Path) -> list[str]:
    for line in export.read_text().splitlines():
        if line.startswith("# uv export args: "):
            return line.removeprefix("# uv export args: ").split()
    raise AssertionError(f"{export} does not say which `uv export` arguments made it")


def environment(python: str, platform: str) -> dict[str, str]:
    system = {"linux": "Linux", "win32": "Windows", "darwin": "Darwin"}[platform]
    return {"python_version": python, "python_full_version": f"{python}.0",
            "sys_platform": platform, "platform_system": system,
            "os_name": "nt" if platform == "win32" else "posix",
            "platform_machine": "AMD64" if platform == "win32" else "x86_64",
            "implementation_name": "cpython", "platform_python_implementation": "CPython",
            "extra": ""}


def normalized(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def applies(marker: str | None, env: dict[str, str]) -> bool:
    return marker is None or Marker(marker).evaluate(env)


def test_uv_finds_the_lock_up_to_date_with_pyproject() -> None:
    result = run([uv(), "lock", "--check", "--offline", "--project", str(ROOT)], cwd=ROOT)
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("export", EXPORTS)
def test_each_pip_export_is_what_uv_exports_from_the_lock_now(export: str) -> None:
    path = ROOT / export
    result = run([uv(), "export", "--frozen", "--offline", "--no-header", "--no-emit-project",
                  "--format", "requirements-txt", "--project", str(ROOT), *export_args(path)],
                 cwd=ROOT)
    assert result.returncode == 0, result.stderr
    assert body(path.read_text()) == result.stdout, f"{export} is stale: run scripts/lock"


def test_the_setup_finds_the_lock_and_exports_current() -> None:
    result = run([sys.executable, "scripts/lockfile.py", "check", str(ROOT)], cwd=ROOT)
    assert (result.returncode, result.stderr) == (0, "")


@pytest.mark.parametrize("python", ["3.11", "3.12", "3.13"])
@pytest.mark.parametrize("platform", ["linux", "win32", "darwin"])
def test_every_dependency_is_pinned_once_for_each_supported_python_and_os(
        python: str, platform: str) -> None:
    env = environment(python, platform)
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    wanted = [Requirement(r) for r in project["dependencies"] + project["optional-dependencies"]
              ["test"]]
    locked: dict[str, list[str]] = {}
    for pin in pins(ROOT / "requirements" / "dev.txt"):
        if applies(pin.marker, env):
            locked.setdefault(normalized(pin.name), []).append(pin.version)
    for requirement in wanted:
        if requirement.marker is not None and not requirement.marker.evaluate(env):
            continue
        versions = locked.get(normalized(requirement.name), [])
        assert len(versions) == 1, f"{requirement.name} on Python {python}/{platform}: {versions}"
        assert requirement.specifier.contains(versions[0], prereleases=True)


def test_python_311_keeps_pyside6_below_612_and_312_may_move_on() -> None:
    pyside = [p for p in pins(ROOT / "requirements" / "dev.txt")
              if p.name.lower() == "pyside6-essentials"]
    (on_311,) = [p for p in pyside if applies(p.marker, environment("3.11", "linux"))]
    (on_312,) = [p for p in pyside if applies(p.marker, environment("3.12", "linux"))]
    assert Version(on_311.version) < Version("6.12")  # 6.12.0 aborts on 3.11 (PLATFORM.md)
    assert Version(on_312.version) >= Version(on_311.version)


@pytest.mark.parametrize("way", ["uv", "pip"])
def test_a_changed_range_without_a_new_lock_is_refused_naming_the_command(
        tmp_path: Path, way: str) -> None:
    checkout = copy_checkout(tmp_path / "checkout", only=LOCK_INPUTS)
    pyproject = checkout / "pyproject.toml"
    text = pyproject.read_text()
    assert '"httpx>=0.27,<1"' in text
    pyproject.write_text(text.replace('"httpx>=0.27,<1"', '"httpx>=0.28,<1"'))
    venv = tmp_path / "venv"
    way_env = {"FAXDESK_UV": uv()} if way == "uv" else {"FAXDESK_NO_UV": "1"}
    result = run(["bash", "scripts/faxdesk", "--version"], cwd=checkout,
                 env=setup_env(venv, **way_env))
    assert result.returncode == 1
    assert "the dependencies in pyproject.toml changed after uv.lock was written" in result.stderr
    assert "Run `scripts/lock`" in result.stderr
    assert "Traceback" not in result.stderr
    assert not venv.exists(), "nothing is installed from a stale lock"
    # uv's own check agrees that the lock no longer fits.
    check = run([uv(), "lock", "--check", "--offline", "--project", str(checkout)], cwd=checkout)
    assert check.returncode != 0


def test_a_lock_changed_without_new_exports_is_refused(tmp_path: Path) -> None:
    checkout = copy_checkout(tmp_path / "checkout", only=LOCK_INPUTS)
    with (checkout / "uv.lock").open("a") as lock:
        lock.write("\n")
    result = run([sys.executable, "scripts/lockfile.py", "check", str(checkout)], cwd=checkout)
    assert result.returncode == 1
    assert "uv.lock changed after requirements/dev.txt was exported from it" in result.stderr
    assert "Run `scripts/lock`" in result.stderr
