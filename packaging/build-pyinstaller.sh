#!/usr/bin/env bash
# Build the one-folder PyInstaller bundle (dist/faxdesk/) in its own virtual environment.
#
#   packaging/build-pyinstaller.sh [VENV]      (VENV defaults to /tmp/pyi-venv)
#
# The venv holds exactly the versions pinned in requirements/bundle.txt (exported from uv.lock by
# scripts/lock: FaxDesk's dependencies and PyInstaller), installed with uv when it can be had, else
# with pip (hash-checked either way), then FaxDesk from this tree. The build and work directories
# live under build/ and dist/ in the tree (both ignored by git). Measured here (2 cores, shared
# with other jobs): 235-314 s for a clean build, 218 MB for dist/faxdesk.
set -euo pipefail
FAXDESK_BOOTSTRAP=functions
source "$(dirname "${BASH_SOURCE[0]}")/../scripts/bootstrap.sh"
ROOT=$REPO_ROOT
BUNDLE_VENV=${1:-/tmp/pyi-venv}
REQUIREMENTS="$ROOT/requirements/bundle.txt"

py="$(PYTHON="${PYTHON:-python3.11}" find_python)" || { log "needs Python 3.11 or newer"; exit 1; }
check_lock "$py" || exit 1

# Reinstall the tree every time so the bundle matches it (fast: dependencies are already there).
# From a copy: building a local directory in place would leave faxdesk.egg-info in the tree.
SRC=$(mktemp -d)
trap 'rm -rf "$SRC"' EXIT
tar -C "$ROOT" --exclude=.git --exclude=.venv --exclude=build --exclude=dist \
    --exclude=__pycache__ --exclude='*.egg-info' -cf - . | tar -C "$SRC" -xf -

if find_uv "$py"; then
  [ -x "$BUNDLE_VENV/bin/python" ] || "$UV" venv --quiet --python "$py" "$BUNDLE_VENV"
  "$UV" pip sync --quiet --python "$BUNDLE_VENV/bin/python" --require-hashes "$REQUIREMENTS"
  "$UV" pip install --quiet --python "$BUNDLE_VENV/bin/python" --no-deps --reinstall "$SRC"
else
  [ -x "$BUNDLE_VENV/bin/python" ] || "$py" -m venv "$BUNDLE_VENV"
  "$BUNDLE_VENV/bin/python" -m pip install --quiet --disable-pip-version-check --require-hashes \
      -r "$REQUIREMENTS"
  "$BUNDLE_VENV/bin/python" -m pip install --quiet --disable-pip-version-check --no-deps \
      --force-reinstall "$SRC"
fi

cd "$ROOT"
start=$(date +%s)
"$BUNDLE_VENV/bin/pyinstaller" --noconfirm --clean --log-level WARN \
    --distpath "$ROOT/dist" --workpath "$ROOT/build/pyinstaller" \
    packaging/pyinstaller/faxdesk.spec
end=$(date +%s)
echo "Built $ROOT/dist/faxdesk in $((end - start)) s, $(du -sh "$ROOT/dist/faxdesk" | cut -f1)"
echo "Check it:  dist/faxdesk/faxdesk --version;  dist/faxdesk/faxdesk-selfcheck --keyring"
