"""Both set-up ways of scripts/faxdesk on a copy of the checkout: uv (fetched, as on a machine that
never had it) and venv + pip. Each installs exactly the versions uv.lock pins for this Python, says
what it does, and a second start installs nothing."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

import faxdesk
from tests.setup.support import ROOT, copy_checkout, run, setup_env, uv

pytestmark = pytest.mark.slow

# Run by the new venv's Python: every pin of requirements/dev.txt whose marker applies there must be
# installed at that version, and nothing else but FaxDesk and the installers' own tools.
COMPARE = """
import json, re, sys
from importlib.metadata import distributions
from packaging.markers import Marker
def norm(name): return re.sub(r"[-_.]+", "-", name).lower()
pin = re.compile(r"^([A-Za-z0-9][\\w.-]*)==(\\S+?)(?:\\s*;\\s*(.*?))?\\s*\\\\?$", re.M)
wanted = {norm(n): v for n, v, m in pin.findall(open(sys.argv[1]).read())
          if not m or Marker(m).evaluate()}
have = {norm(d.metadata["Name"]): d.version for d in distributions()}
print(json.dumps({
    "wrong": {n: [v, have.get(n)] for n, v in wanted.items() if have.get(n) != v},
    "extra": sorted(set(have) - set(wanted) - {"faxdesk", "pip", "setuptools", "wheel"}),
}))
"""


@pytest.fixture(scope="module")
def checkout(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    yield copy_checkout(tmp_path_factory.mktemp("setup") / "checkout")


@pytest.fixture(scope="module")
def uv_cache() -> str:
    """The uv download cache this .venv was made with (warm), kept when XDG_CACHE_HOME moves."""
    result = run([uv(), "cache", "dir"], cwd=ROOT)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def start_twice(checkout: Path, env: dict[str, str]) -> tuple[str, str]:
    """stderr of a first and a second `scripts/faxdesk --version`; both must print the version."""
    outputs = []
    for _ in range(2):
        result = run(["bash", "scripts/faxdesk", "--version"], cwd=checkout, env=env, timeout=600)
        assert result.returncode == 0, result.stderr
        assert result.stdout.strip() == f"FaxDesk {faxdesk.__version__}"
        outputs.append(result.stderr)
    return outputs[0], outputs[1]


def assert_installed_as_locked(venv: Path, checkout: Path) -> None:
    result = run([str(venv / "bin" / "python"), "-c", COMPARE,
                  str(checkout / "requirements" / "dev.txt")], cwd=checkout)
    assert result.returncode == 0, result.stderr
    found = json.loads(result.stdout)
    assert found == {"wrong": {}, "extra": []}
    source = run([str(venv / "bin" / "python"), "-c", "import faxdesk; print(faxdesk.__file__)"],
                 cwd=venv)
    assert Path(source.stdout.strip()) == checkout / "faxdesk" / "__init__.py"  # editable


def test_uv_way_fetches_uv_installs_the_lock_and_starts_again_without_work(
        checkout: Path, tmp_path: Path, uv_cache: str) -> None:
    venv = tmp_path / "venv"
    env = setup_env(venv, XDG_CACHE_HOME=str(tmp_path / "cache"), UV_CACHE_DIR=uv_cache)
    first, second = start_twice(checkout, env)
    assert "fetching uv" in first
    assert "pinned packages with uv" in first
    assert "ready in" in first
    assert (tmp_path / "cache" / "faxdesk").is_dir(), "uv is kept in the user's cache"
    assert second == ""
    assert_installed_as_locked(venv, checkout)
    stamp = venv / ".faxdesk-installed"
    before = stamp.stat().st_mtime_ns
    run(["bash", "scripts/faxdesk", "--version"], cwd=checkout, env=env)
    assert stamp.stat().st_mtime_ns == before


def test_pip_way_installs_the_same_versions_hash_checked(checkout: Path, tmp_path: Path) -> None:
    venv = tmp_path / "venv"
    first, second = start_twice(checkout, setup_env(venv, FAXDESK_NO_UV="1"))
    assert "pinned packages with pip, hash-checked" in first
    assert "fetching uv" not in first
    assert second == ""
    assert_installed_as_locked(venv, checkout)
    assert (venv / "install.log").is_file()


def test_without_uv_or_a_package_index_the_setup_says_what_failed(
        checkout: Path, tmp_path: Path) -> None:
    # No index at all: uv cannot be fetched, so the set-up turns to pip, which cannot install.
    empty = tmp_path / "no-wheels"
    empty.mkdir()
    env = setup_env(tmp_path / "venv", XDG_CACHE_HOME=str(tmp_path / "cache"),
                    PIP_CONFIG_FILE="/dev/null", PIP_NO_INDEX="1", PIP_FIND_LINKS=str(empty))
    result = run(["bash", "scripts/faxdesk", "--version"], cwd=checkout, env=env, timeout=300)
    assert result.returncode == 1
    assert "uv could not be had; using venv + pip instead" in result.stderr
    assert "installing with pip failed" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "venv" / ".faxdesk-installed").exists()

