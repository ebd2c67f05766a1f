#!/bin/sh
# Install FaxDesk's desktop integration: desktop entry, AppStream metainfo and icons.
#
#   packaging/install-linux.sh [PREFIX]        (PREFIX defaults to /usr/local)
#   DESTDIR=/tmp/stage packaging/install-linux.sh /usr     (staged install for distro packages)
#
# The program itself comes from `pip install` / `pipx install`; this adds what the desktop needs so
# FaxDesk shows in the menu and under "Open with". PNG sizes are rendered from the SVGs here, with
# rsvg-convert when present, otherwise with Qt's SVG renderer ($PYTHON must import PySide6).
set -eu

APP_ID=io.github.faxdesk.FaxDesk
PREFIX=${1:-/usr/local}
DESTDIR=${DESTDIR:-}
PYTHON=${PYTHON:-python3}
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(dirname "$HERE")
ICONS="$ROOT/faxdesk/data/icons"
SHARE="$DESTDIR$PREFIX/share"
HICOLOR="$SHARE/icons/hicolor"

install -Dm644 "$ROOT/resources/$APP_ID.desktop" "$SHARE/applications/$APP_ID.desktop"
install -Dm644 "$ROOT/resources/$APP_ID.metainfo.xml" "$SHARE/metainfo/$APP_ID.metainfo.xml"
install -Dm644 "$ICONS/$APP_ID.svg" "$HICOLOR/scalable/apps/$APP_ID.svg"
install -Dm644 "$ICONS/$APP_ID-symbolic.svg" "$HICOLOR/symbolic/apps/$APP_ID-symbolic.svg"

SIZES="16 22 24 32 48 64 128 256"
if command -v rsvg-convert >/dev/null 2>&1; then
    for size in $SIZES; do
        mkdir -p "$HICOLOR/${size}x${size}/apps"
        rsvg-convert -w "$size" -h "$size" -o "$HICOLOR/${size}x${size}/apps/$APP_ID.png" "$ICONS/$APP_ID.svg"
    done
else
    # shellcheck disable=SC2086  # one argument per size
    QT_QPA_PLATFORM=offscreen "$PYTHON" "$HERE/render_icons.py" hicolor "$ICONS/$APP_ID.svg" "$HICOLOR" "$APP_ID" $SIZES
fi
for size in $SIZES; do chmod 644 "$HICOLOR/${size}x${size}/apps/$APP_ID.png"; done

# Refresh the caches only for a live install; packagers' hooks do it for staged ones.
if [ -z "$DESTDIR" ]; then
    command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database -q "$SHARE/applications" || true
    command -v gtk-update-icon-cache >/dev/null 2>&1 && gtk-update-icon-cache -q -t "$HICOLOR" || true
fi
echo "Installed FaxDesk desktop files under $SHARE"
