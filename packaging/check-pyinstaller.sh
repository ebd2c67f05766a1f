#!/bin/sh
# Start the built bundle's self-check under Xvfb with a private D-Bus session and a real Secret
# Service (gnome-keyring), store a probe key, and take screenshots.
#
#   packaging/check-pyinstaller.sh [OUT_DIR]     (after packaging/build-pyinstaller.sh)
#
# Needs: xvfb xauth dbus gnome-keyring imagemagick (see shared/PLATFORM.md). Writes
# OUT_DIR/selfcheck.json, OUT_DIR/window.png (the window) and OUT_DIR/screen.png (the X screen).
set -eu

HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(dirname "$HERE")
OUT=$(cd "${1:-/tmp}" && pwd)
BUNDLE="$ROOT/dist/faxdesk"
[ -x "$BUNDLE/faxdesk-selfcheck" ] || { echo "build first: packaging/build-pyinstaller.sh" >&2; exit 2; }

"$BUNDLE/faxdesk" --version
HOME_DIR=$(mktemp -d)
trap 'rm -rf "$HOME_DIR"' EXIT
INNER="$HOME_DIR/inner.sh"
cat > "$INNER" <<INNER_EOF
#!/bin/sh
eval "\$(printf pass | gnome-keyring-daemon --unlock --components=secrets)"
QT_QPA_PLATFORM=xcb "$BUNDLE/faxdesk-selfcheck" --keyring --seconds 4 \
    --screenshot "$OUT/window.png" > "$OUT/selfcheck.json" &
pid=\$!
sleep 2.5
import -window root "$OUT/screen.png"
wait \$pid
INNER_EOF
chmod +x "$INNER"
HOME="$HOME_DIR" xvfb-run -a -s "-screen 0 1024x600x24" dbus-run-session -- "$INNER"
cat "$OUT/selfcheck.json"
grep -q '"ok": true' "$OUT/selfcheck.json"
