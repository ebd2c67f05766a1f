"""Every program a test runs comes from a package scripts/bootstrap.sh installs (SYSTEM_PACKAGES,
or what those depend on), or from Python packages in the virtual environment, or from Debian's
essential set. A fresh CI machine has nothing else: a program that is only here by chance makes
the suite green on this machine and red on the next.

The programs are found in the tests' own source: `require_binary("x")`, `tool("x")`,
`shutil.which("x")` and `subprocess.*(["x", ...])`.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PATTERNS = [
    r"require_binary\(\s*\"([\w.+-]+)\"",
    r"\btool\(\s*\"([\w.+-]+)\"",
    r"shutil\.which\(\s*\"([\w.+-]+)\"",
    r"subprocess\.(?:run|Popen|check_call|check_output)\(\s*\[\s*\"([\w.+-]+)\"",
]
#: Named in a test on purpose as a program that does not exist.
NOT_PROGRAMS = {"faxdesk-no-such-daemon"}


def programs_the_tests_run() -> set[str]:
    found: set[str] = set()
    for path in (ROOT / "tests").rglob("*.py"):
        if path == Path(__file__).resolve():
            continue  # its docstring names the patterns
        text = path.read_text(encoding="utf-8")
        for pattern in PATTERNS:
            found.update(re.findall(pattern, text))
    return found - NOT_PROGRAMS


def bootstrap_packages() -> set[str]:
    script = (ROOT / "scripts" / "bootstrap.sh").read_text(encoding="utf-8")
    match = re.search(r"^SYSTEM_PACKAGES=\((.*?)\)", script, re.S | re.M)
    assert match, "SYSTEM_PACKAGES=(...) not found in scripts/bootstrap.sh"
    return set(shlex.split(match.group(1), comments=True))


def installed_packages() -> dict[str, tuple[list[str], bool]]:
    """Each installed package: (what it depends on, alternatives included; essential?)."""
    done = subprocess.run(["dpkg-query", "-W", "-f",
                           "${Package}\t${Depends}, ${Pre-Depends}\t${Essential}\n"],
                          capture_output=True, text=True, check=True)
    out: dict[str, tuple[list[str], bool]] = {}
    for line in done.stdout.splitlines():
        name, depends, essential = line.split("\t")
        names = [i.strip().split(" ")[0].split(":")[0] for i in re.split(r"[,|]", depends)]
        out[name] = ([n for n in names if n], essential == "yes")
    return out


def with_dependencies(packages: set[str], installed: dict[str, tuple[list[str], bool]]
                      ) -> set[str]:
    """`packages` and everything they depend on, as installed here."""
    seen: set[str] = set()
    queue = list(packages)
    while queue:
        package = queue.pop()
        if package not in seen:
            seen.add(package)
            queue.extend(installed.get(package, ([], False))[0])
    return seen


def owner(program_path: str) -> str | None:
    real = os.path.realpath(program_path)
    for candidate in {program_path, real, "/bin/" + Path(real).name,
                      "/usr/bin/" + Path(real).name}:
        done = subprocess.run(["dpkg-query", "-S", candidate], capture_output=True, text=True,
                              check=False)
        if done.returncode == 0:
            return done.stdout.split(":")[0].strip()
    return None


def test_every_program_a_test_runs_is_installed_by_the_bootstrap() -> None:
    if shutil.which("dpkg-query") is None:
        pytest.fail("dpkg-query is missing: the bootstrap installs with apt on Debian/Ubuntu")
    programs = programs_the_tests_run()
    assert {"xdotool", "Xvfb", "flatpak-builder"} <= programs  # the scan finds them
    installed = installed_packages()
    provided = with_dependencies(bootstrap_packages(), installed)
    missing = []
    for program in sorted(programs):
        path = shutil.which(program)
        if path is None:
            missing.append(f"{program}: not installed here either")
            continue
        if Path(path).resolve().is_relative_to(Path(sys.prefix).resolve()):
            continue  # from a Python package in the virtual environment
        package = owner(path)
        if package is None:
            missing.append(f"{program}: no Debian package owns {path}")
        elif package not in provided and not installed.get(package, ([], False))[1]:
            missing.append(f"{program}: package {package} is not in SYSTEM_PACKAGES")
    assert missing == []
