# Shared set-up for scripts/faxdesk and scripts/test: sourced, not run.
# Creates .venv with Python >= 3.11 and installs FaxDesk into it (again only when pyproject.toml
# changed). With FAXDESK_NEED_SYSTEM=1 it also makes sure the system packages the tests use are
# present: installed with apt-get when running as root, otherwise the exact install line is printed.
set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="${FAXDESK_VENV:-$REPO_ROOT/.venv}"

# Debian packages the test suite drives for real: Xvfb (real X server), dunst (notification daemon),
# gnome-keyring (Secret Service), trayer (XEmbed tray host), dbus (session bus), fonts for rendering.
SYSTEM_PACKAGES=(xvfb xauth libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0
  libxcb-cursor0 libxkbcommon-x11-0 libxcb-xkb1 libegl1 libgl1 libfontconfig1 libdbus-1-3
  dbus dbus-x11 dunst libnotify-bin gnome-keyring libsecret-tools trayer imagemagick xdotool
  fonts-dejavu-core fonts-noto-cjk desktop-file-utils appstream flatpak-builder)

log() { printf '[faxdesk] %s\n' "$*" >&2; }

find_python() {
  for candidate in "${PYTHON:-}" python3.13 python3.12 python3.11 python3; do
    [ -n "$candidate" ] || continue
    if command -v "$candidate" >/dev/null 2>&1 &&
       "$candidate" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
      echo "$candidate"; return 0
    fi
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

ensure_venv() {
  local py
  if ! py="$(find_python)"; then
    log "FaxDesk needs Python 3.11 or newer."
    apt_install python3 python3-venv || exit 1
    py="$(find_python)"
  fi
  if [ ! -x "$VENV/bin/python" ]; then
    log "creating virtual environment in $VENV"
    if ! "$py" -m venv "$VENV" 2>/dev/null; then
      rm -rf "$VENV"
      apt_install python3-venv || exit 1
      "$py" -m venv "$VENV"
    fi
  fi
  local stamp="$VENV/.faxdesk-installed" want
  want="$(cat "$REPO_ROOT/pyproject.toml" | sha256sum | cut -d' ' -f1)"
  if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
    log "installing Python packages into $VENV (first run takes a minute)"
    # Output goes to a log, shown only when the install fails.
    if ! { "$VENV/bin/python" -m pip install -q --upgrade pip &&
           "$VENV/bin/python" -m pip install -q -e "$REPO_ROOT[dev]"; } >"$VENV/install.log" 2>&1; then
      cat "$VENV/install.log" >&2
      log "installing Python packages failed (log above, also in $VENV/install.log)"
      exit 1
    fi
    echo "$want" > "$stamp"
  fi
}

ensure_venv
if [ "${FAXDESK_NEED_SYSTEM:-0}" = 1 ]; then
  ensure_system_packages || log "continuing: tests that need the missing packages will fail and say so"
fi
