#!/bin/sh
# Build the one-folder PyInstaller bundle (dist/faxdesk/) in its own virtual environment.
#
#   packaging/build-pyinstaller.sh [VENV]      (VENV defaults to /tmp/pyi-venv)
#
# The venv gets FaxDesk (from this tree, with its dependencies) and PyInstaller; the build and work
# directories live under build/ and dist/ in the tree (both ignored by git). Measured here (2 cores,
# shared with other jobs): 235-314 s for a clean build, 218 MB for dist/faxdesk.
set -eu

HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(dirname "$HERE")
VENV=${1:-/tmp/pyi-venv}
PYTHON=${PYTHON:-python3.11}

if [ ! -x "$VENV/bin/pyinstaller" ]; then
    "$PYTHON" -m venv "$VENV"
    "$VENV/bin/pip" install --quiet --upgrade pip
    "$VENV/bin/pip" install --quiet pyinstaller
fi
# Reinstall the tree every time so the bundle matches it (fast: dependencies are already there).
# From a copy: pip builds a local directory in place and would leave faxdesk.egg-info in the tree.
SRC=$(mktemp -d)
trap 'rm -rf "$SRC"' EXIT
tar -C "$ROOT" --exclude=.git --exclude=.venv --exclude=build --exclude=dist \
    --exclude=__pycache__ --exclude='*.egg-info' -cf - . | tar -C "$SRC" -xf -
"$VENV/bin/pip" install --quiet --force-reinstall --no-deps "$SRC"
"$VENV/bin/pip" install --quiet "$SRC"

cd "$ROOT"
start=$(date +%s)
"$VENV/bin/pyinstaller" --noconfirm --clean --log-level WARN \
    --distpath "$ROOT/dist" --workpath "$ROOT/build/pyinstaller" \
    packaging/pyinstaller/faxdesk.spec
end=$(date +%s)
echo "Built $ROOT/dist/faxdesk in $((end - start)) s, $(du -sh "$ROOT/dist/faxdesk" | cut -f1)"
echo "Check it:  dist/faxdesk/faxdesk --version;  dist/faxdesk/faxdesk-selfcheck --keyring"
