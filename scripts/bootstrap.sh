# Shared set-up for scripts/faxdesk, scripts/test, scripts/bench, scripts/lock and the PyInstaller
# build: sourced, not run.
#
# .venv gets exactly the versions pinned in uv.lock (the app, its tests, the dev tools) and FaxDesk
# itself as an editable install. uv does it when it is on PATH or can be fetched from PyPI in a few
# seconds (into the user's cache, once per uv version); otherwise venv + pip install the same pins,
# hash-checked, from requirements/dev.txt (exported from uv.lock by scripts/lock). FAXDESK_NO_UV=1
# chooses venv + pip. A stamp of the lock's hash in .venv makes every later start skip all of it.
#
# With FAXDESK_NEED_SYSTEM=1 it also makes sure the system packages the tests use are present:
# installed with apt-get when running as root, otherwise the exact install line is printed.
# With FAXDESK_BOOTSTRAP=functions it only defines the functions below and sets nothing up.
set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="${FAXDESK_VENV:-$REPO_ROOT/.venv}"
LOCK="$REPO_ROOT/uv.lock"
DEV_REQUIREMENTS="$REPO_ROOT/requirements/dev.txt"
# What .venv holds besides the app: the test extra, ruff and mypy (dev), pip and uv (tools).
# scripts/lock exports the same selection into requirements/dev.txt.
UV_SELECTION=(--extra dev --group tools)
UV_CACHE_ROOT="${XDG_CACHE_HOME:-$HOME/.cache}/faxdesk"

# Debian packages the test suite drives for real: Xvfb (real X server), dunst (notification daemon),
# gnome-keyring (Secret Service), trayer (XEmbed tray host), dbus (session bus), fonts for rendering,
# the freedesktop validators and flatpak-builder (packaging tests), xdotool and imagemagick.
SYSTEM_PACKAGES=(xvfb xauth libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0
  libxcb-cursor0 libxkbcommon-x11-0 libxcb-xkb1 libegl1 libgl1 libfontconfig1 libdbus-1-3
  dbus dbus-x11 dunst libnotify-bin gnome-keyring libsecret-tools trayer imagemagick xdotool
  fonts-dejavu-core fonts-noto-cjk desktop-file-utils appstream flatpak-builder
  # print, scan, reports: cupsd, lp and the socket backend; Ghostscript; scanimage and SANE's test
  # device; pdftotext; fc-match
  cups cups-daemon cups-client ghostscript sane-utils poppler-utils fontconfig)

log() { printf '[faxdesk] %s\n' "$*" >&2; }

now_ms() { date +%s%3N; }

# "4.2 s" since a now_ms value.
since() {
  local ms=$(( $(now_ms) - $1 ))
  printf '%d.%d s' $((ms / 1000)) $((ms % 1000 / 100))
}

# The interpreter (its real path, not a pyenv shim) of the newest Python >= 3.11 on PATH.
find_python() {
  local candidate
  for candidate in "${PYTHON:-}" python3.13 python3.12 python3.11 python3; do
    [ -n "$candidate" ] || continue
    command -v "$candidate" >/dev/null 2>&1 || continue
    "$candidate" -c 'import sys; print(sys.executable) if sys.version_info >= (3, 11) else sys.exit(1)' \
      2>/dev/null && return 0
  done
  return 1
}

apt_install() {
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    log "installing system packages: $*"
    if ! DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null; then
      apt-get update -qq >/dev/null
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
    fi
  else
    log "missing system packages; install them with:"
    log "  sudo apt-get install -y $*"
    return 1
  fi
}

ensure_system_packages() {
  local missing=()
  for pkg in "${SYSTEM_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] || apt_install "${missing[@]}"
}

# Runs a command with its output going to a log file, says every 15 s that it is still at it, and
# shows the end of the log if it fails. Usage: run_step "what it does" LOGFILE COMMAND...
run_step() {
  local what=$1 log_file=$2 started ticker status=0
  shift 2
  started=$(now_ms)
  # The sleep must not hold our stderr open: a caller reading it would wait for the sleep to end.
  ( while :; do sleep 15 </dev/null >/dev/null 2>&1 & wait $!; log "  ... still $what ($(since "$started"))"; done ) &
  ticker=$!
  "$@" >>"$log_file" 2>&1 || status=$?
  kill "$ticker" 2>/dev/null || true
  wait "$ticker" 2>/dev/null || true
  if [ "$status" -ne 0 ]; then
    tail -n 40 "$log_file" >&2
    log "$what failed after $(since "$started") (the whole log: $log_file)"
    return "$status"
  fi
  log "  done in $(since "$started")"
}

# True when $1 >= $2 as dotted versions.
version_at_least() {
  [ -n "$1" ] && [ "$(printf '%s\n%s\n' "$2" "$1" | sort -V | head -n 1)" = "$2" ]
}

locked_uv_version() {
  awk '$0 == "name = \"uv\"" { getline; gsub(/version = |"/, ""); print; exit }' "$LOCK"
}

# A pip requirement for the locked uv with the hashes uv.lock records for its files.
uv_requirement() {
  awk -v version="$(locked_uv_version)" '
    $0 == "name = \"uv\"" { on = 1; next }
    /^\[\[package\]\]/ { on = 0 }
    on && match($0, /sha256:[0-9a-f]+/) { hashes = hashes " \\\n    --hash=" substr($0, RSTART, RLENGTH) }
    END { print "uv==" version hashes }' "$LOCK"
}

# Puts the locked uv release into $UV_CACHE_ROOT/uv-VERSION with pip: the host Python's pip when it
# has one, else the pip of a throw-away venv. Short network timeouts: without PyPI there is no uv,
# and the caller falls back to venv + pip at once instead of waiting minutes.
fetch_uv() {
  local py=$1 version=$2 dest=$3 tmp log_file requirement pip
  tmp="$(mktemp -d "$UV_CACHE_ROOT/.uv-XXXXXX")"
  log_file="$tmp.log"
  requirement="$tmp/uv-requirement.txt"
  uv_requirement >"$requirement"
  log "fetching uv $version from PyPI into $dest (once; a few seconds)"
  if "$py" -m pip --version >/dev/null 2>&1; then
    pip=("$py" -m pip)
  else
    run_step "making a venv to run pip in" "$log_file" "$py" -m venv "$tmp/pip-venv" ||
      { rm -rf "$tmp"; return 1; }
    pip=("$tmp/pip-venv/bin/python" -m pip)
  fi
  if run_step "fetching uv" "$log_file" "${pip[@]}" install --quiet --disable-pip-version-check \
       --no-warn-script-location --timeout 10 --retries 1 --require-hashes --target "$tmp/uv" \
       -r "$requirement" && "$tmp/uv/bin/uv" --version >>"$log_file" 2>&1; then
    rm -rf "$dest"
    mv "$tmp/uv" "$dest"
    rm -rf "$tmp" "$log_file"
    return 0
  fi
  rm -rf "$tmp"
  return 1
}

# Sets UV to a uv that can read uv.lock: FAXDESK_UV, the one on PATH if new enough, or the locked
# release in the user's cache (fetched now if missing). Fails when there is none to be had.
find_uv() {
  local py=$1 min have version dest
  [ "${FAXDESK_NO_UV:-0}" = 1 ] && return 1
  if [ -n "${FAXDESK_UV:-}" ]; then UV=$FAXDESK_UV; return 0; fi
  min="$(sed -n 's/^required-version = ">=\([0-9.]*\)".*/\1/p' "$REPO_ROOT/pyproject.toml")"
  if command -v uv >/dev/null 2>&1; then
    have="$(uv --version 2>/dev/null | awk '{ print $2 }')"
    if version_at_least "$have" "$min"; then UV="$(command -v uv)"; return 0; fi
  fi
  version="$(locked_uv_version)"
  dest="$UV_CACHE_ROOT/uv-$version"
  if [ ! -x "$dest/bin/uv" ]; then
    mkdir -p "$UV_CACHE_ROOT"
    fetch_uv "$py" "$version" "$dest" || return 1
  fi
  UV="$dest/bin/uv"
}

# Fails with a message naming scripts/lock when pyproject.toml's dependencies or uv.lock changed
# without the lock (and its pip export) being made again.
check_lock() {
  "$1" "$REPO_ROOT/scripts/lockfile.py" check "$REPO_ROOT"
}

# How many packages the lock pins for this set-up (every platform counted).
pinned_count() {
  grep -c '^[A-Za-z0-9].*==' "$DEV_REQUIREMENTS"
}

# Where Python may not cache bytecode itself (PYTHONDONTWRITEBYTECODE, as in CI), the installer
# compiles it once, or every start would compile every module again; elsewhere Python caches what
# it imports on first use, which costs less than compiling everything up front.
precompile() { [ -n "${PYTHONDONTWRITEBYTECODE:-}" ]; }

install_with_uv() {
  local py=$1 log_file=$2 compile=()
  precompile && compile=(--compile-bytecode)
  log "installing $(pinned_count) pinned packages with uv $("$UV" --version | awk '{ print $2 }'):" \
      "about 500 MB; 5-15 s with an empty cache on a fast link, 2-3 s with a warm one"
  UV_PROJECT_ENVIRONMENT="$VENV" UV_PYTHON_DOWNLOADS=never \
    run_step "installing with uv" "$log_file" \
    "$UV" sync --project "$REPO_ROOT" --locked --python "$py" "${UV_SELECTION[@]}" ${compile[@]+"${compile[@]}"}
}

install_with_pip() {
  local py=$1 log_file=$2 compile=(--no-compile)
  precompile && compile=()
  if [ ! -x "$VENV/bin/python" ]; then
    log "creating the virtual environment $VENV"
    if ! "$py" -m venv "$VENV" >>"$log_file" 2>&1; then
      rm -rf "$VENV"
      apt_install python3-venv || return 1
      "$py" -m venv "$VENV"
    fi
  fi
  "$VENV/bin/python" -m pip --version >/dev/null 2>&1 || "$VENV/bin/python" -m ensurepip -q
  log "installing $(pinned_count) pinned packages with pip, hash-checked:" \
      "about 500 MB; 1-2 min with an empty cache, about 30 s with a warm one"
  run_step "installing with pip" "$log_file" "$VENV/bin/python" -m pip install \
    --disable-pip-version-check ${compile[@]+"${compile[@]}"} --require-hashes -r "$DEV_REQUIREMENTS" || return 1
  log "installing FaxDesk from this checkout (editable)"
  run_step "installing FaxDesk" "$log_file" "$VENV/bin/python" -m pip install \
    --disable-pip-version-check --no-deps -e "$REPO_ROOT" || return 1
  # pip only adds: remove what an older lock installed and this one no longer pins.
  "$VENV/bin/python" - "$DEV_REQUIREMENTS" >>"$log_file" 2>&1 <<'PY'
import re, subprocess, sys
from importlib.metadata import distributions

def norm(name): return re.sub(r"[-_.]+", "-", name).lower()

with open(sys.argv[1], encoding="utf-8") as f:
    pinned = {norm(m.group(1)) for m in re.finditer(r"^([A-Za-z0-9][\w.-]*)==", f.read(), re.M)}
keep = pinned | {"faxdesk", "pip", "setuptools", "wheel"}
extra = sorted({norm(d.metadata["Name"]) for d in distributions()} - keep)
if extra:
    subprocess.run([sys.executable, "-m", "pip", "uninstall", "-y", *extra], check=True)
PY
}

setup_stamp() {
  cat "$LOCK" "$DEV_REQUIREMENTS" "$REPO_ROOT/pyproject.toml" | sha256sum | cut -d' ' -f1
}

ensure_venv() {
  local stamp="$VENV/.faxdesk-installed" want py started log_file
  want="$(setup_stamp)"
  # Every start after the first ends here: no Python started, nothing installed.
  if [ -x "$VENV/bin/python" ] && [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then
    return 0
  fi
  started=$(now_ms)
  if ! py="$(find_python)"; then
    log "FaxDesk needs Python 3.11 or newer."
    apt_install python3 python3-venv || exit 1
    py="$(find_python)"
  fi
  check_lock "$py" || exit 1
  if [ -x "$VENV/bin/python" ]; then
    log "$VENV is not in step with uv.lock and pyproject.toml: bringing it up to date"
  else
    log "first start: setting up $VENV with Python $("$py" -c 'import platform; print(platform.python_version())')" \
        "and the versions pinned in uv.lock"
  fi
  log_file="$(mktemp "${TMPDIR:-/tmp}/faxdesk-setup.XXXXXX")"
  if find_uv "$py"; then
    install_with_uv "$py" "$log_file" || exit 1
  else
    [ "${FAXDESK_NO_UV:-0}" = 1 ] || log "uv could not be had; using venv + pip instead (slower)"
    install_with_pip "$py" "$log_file" || exit 1
  fi
  mv "$log_file" "$VENV/install.log"
  echo "$want" >"$stamp"
  log "ready in $(since "$started"); later starts skip this step"
}

if [ "${FAXDESK_BOOTSTRAP:-}" != functions ]; then
  ensure_venv
  if [ "${FAXDESK_NEED_SYSTEM:-0}" = 1 ]; then
    ensure_system_packages || log "continuing: tests that need the missing packages will fail and say so"
  fi
fi
