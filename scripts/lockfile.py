"""Whether uv.lock and the requirements/*.txt exported from it still match pyproject.toml.

    python scripts/lockfile.py check [ROOT]       exit 1 with a message naming scripts/lock if not
    python scripts/lockfile.py header ROOT ARGS   the header scripts/lock writes above an export

Standard library only: the set-up runs it with the system Python before .venv exists. Each export
starts with the sha256 of the dependency tables of pyproject.toml (parsed, so comments and layout do
not count) and of uv.lock as they were when scripts/lock wrote it; a later edit of either without
running scripts/lock again shows as a mismatch. uv's own `uv sync --locked` checks the lock
against pyproject.toml a second time, on the uv path.
"""

from __future__ import annotations

import hashlib
import json
import sys
import tomllib
from pathlib import Path

UPDATE_COMMAND = "scripts/lock"
EXPORTS = ("requirements/dev.txt", "requirements/bundle.txt")
INPUTS_PREFIX = "# pyproject.toml dependency tables sha256: "
LOCK_PREFIX = "# uv.lock sha256: "
ARGS_PREFIX = "# uv export args: "


def dependency_fingerprint(pyproject: Path) -> str:
    """sha256 of everything in pyproject.toml that decides what uv.lock pins."""
    data = tomllib.loads(pyproject.read_text(encoding="utf-8"))
    project = data.get("project", {})
    inputs = {
        "version": project.get("version"),
        "requires-python": project.get("requires-python"),
        "dependencies": project.get("dependencies", []),
        "optional-dependencies": project.get("optional-dependencies", {}),
        "dependency-groups": data.get("dependency-groups", {}),
        "tool.uv": data.get("tool", {}).get("uv", {}),
    }
    canonical = json.dumps(inputs, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(canonical.encode()).hexdigest()


def file_sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def header(root: Path, export_args: str) -> str:
    return "\n".join([
        "# Exported from uv.lock by scripts/lock, for set-ups without uv:",
        "#   pip install --require-hashes -r THIS_FILE",
        "# Do not edit: change pyproject.toml, then run scripts/lock.",
        INPUTS_PREFIX + dependency_fingerprint(root / "pyproject.toml"),
        LOCK_PREFIX + file_sha256(root / "uv.lock"),
        ARGS_PREFIX + export_args,
        "",
    ])


def recorded(export: Path, prefix: str) -> str | None:
    with export.open(encoding="utf-8") as lines:
        for line in lines:
            if not line.startswith("#"):
                break
            if line.startswith(prefix):
                return line[len(prefix):].strip()
    return None


def problems(root: Path) -> list[str]:
    """What is out of date, in words; empty when the lock and its exports fit pyproject.toml."""
    lock = root / "uv.lock"
    if not lock.is_file():
        return ["uv.lock is missing"]
    found: list[str] = []
    inputs = dependency_fingerprint(root / "pyproject.toml")
    lock_hash = file_sha256(lock)
    for name in EXPORTS:
        export = root / name
        if not export.is_file():
            found.append(f"{name} is missing")
        elif recorded(export, INPUTS_PREFIX) != inputs:
            found.append("the dependencies in pyproject.toml changed after uv.lock was written")
        elif recorded(export, LOCK_PREFIX) != lock_hash:
            found.append(f"uv.lock changed after {name} was exported from it")
    return sorted(set(found))


def main(argv: list[str]) -> int:
    if len(argv) >= 2 and argv[0] == "header":
        sys.stdout.write(header(Path(argv[1]), " ".join(argv[2:])))
        return 0
    if argv[:1] == ["check"] and len(argv) <= 2:
        root = Path(argv[1] if len(argv) == 2 else ".")
        found = problems(root)
        for text in found:
            print(f"[faxdesk] {text}.", file=sys.stderr)
        if found:
            print(f"[faxdesk] Run `{UPDATE_COMMAND}` to update uv.lock and requirements/*.txt, "
                  "then commit them.", file=sys.stderr)
            return 1
        return 0
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
