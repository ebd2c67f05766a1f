"""Helpers for the set-up tests: the lock's exports, a copy of the checkout, uv from .venv."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
EXPORTS = ("requirements/dev.txt", "requirements/bundle.txt")
# The first line of a pin in an export: `name==version ; marker \`.
PIN = re.compile(r"^([A-Za-z0-9][\w.-]*)==(\S+?)(?:\s*;\s*(.*?))?\s*\\?$", re.MULTILINE)
SKIP_DIRS = {".git", ".venv", "build", "dist", "__pycache__", ".mypy_cache", ".ruff_cache",
             ".pytest_cache", ".hypothesis", "node_modules", "screenshots"}


@dataclass(frozen=True)
class Pin:
    name: str
    version: str
    marker: str | None


def pins(export: Path) -> list[Pin]:
    return [Pin(m.group(1), m.group(2), m.group(3)) for m in PIN.finditer(export.read_text())]


def uv() -> str:
    """The uv in this .venv: uv.lock pins it in the `tools` group, so every set-up installs it."""
    path = Path(sys.executable).with_name("uv")
    if not path.exists():
        pytest.fail(f"uv is missing beside {sys.executable}: it is pinned in uv.lock's tools "
                    "group; set .venv up again with scripts/test")
    return str(path)


def run(cmd: list[str], *, cwd: Path, env: dict[str, str] | None = None,
        timeout: float = 120) -> subprocess.CompletedProcess[str]:
    return subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True,
                          timeout=timeout, check=False)


def copy_checkout(dest: Path, *, only: tuple[str, ...] | None = None) -> Path:
    """A copy of this checkout without its .venv or build output (or of the `only` paths)."""
    ignore = shutil.ignore_patterns(*SKIP_DIRS, "*.egg-info")
    if only is None:
        shutil.copytree(ROOT, dest, ignore=ignore)
        return dest
    dest.mkdir()
    for name in only:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, dest / name, ignore=ignore)
        else:
            shutil.copy2(source, dest / name)
    return dest


def path_without_uv() -> str:
    """PATH as on a machine that never had uv."""
    dirs = os.environ.get("PATH", "").split(os.pathsep)
    return os.pathsep.join(d for d in dirs if d and not (Path(d) / "uv").exists())


def setup_env(venv: Path, **extra: str) -> dict[str, str]:
    """Environment for running a copy's scripts/faxdesk into its own venv."""
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("FAXDESK_", "VIRTUAL_ENV", "PYTHONPATH", "UV_PROJECT"))}
    env.update({"FAXDESK_VENV": str(venv), "PATH": path_without_uv(),
                "QT_QPA_PLATFORM": "offscreen"})
    env.update(extra)
    return env
