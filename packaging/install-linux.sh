#!/bin/sh
# Install FaxDesk's desktop integration: desktop entry, AppStream metainfo, icons, and the
# "FaxDesk" printer (print to fax from any program).
#
#   packaging/install-linux.sh [PREFIX]              (PREFIX defaults to /usr/local)
#   packaging/install-linux.sh --uninstall [PREFIX]  (removes all of it again)
#   packaging/install-linux.sh --no-printer [PREFIX] (desktop files only)
#   DESTDIR=/tmp/stage packaging/install-linux.sh /usr     (staged install for distro packages)
#
# The program itself comes from `pip install` / `pipx install`; this adds what the desktop needs so
# FaxDesk shows in the menu and under "Open with". PNG sizes are rendered from the SVGs here, with
# rsvg-convert when present, otherwise with Qt's SVG renderer ($PYTHON must import PySide6).
#
# The printer (docs/printing.md): a CUPS queue "FaxDesk" whose backend hands each job to the
# FaxDesk of the user who printed it, through /var/spool/faxdesk/<uid>/. It needs root and a
# running CUPS; it is left out of staged (DESTDIR) and Flatpak builds, where the backend file is
# staged and the queue is the package's post-install job. FAXDESK_CUPS_SERVERBIN and
# FAXDESK_PRINT_SPOOL override where the backend and the spool go (tests use a private cupsd).
set -eu

APP_ID=io.github.faxdesk.FaxDesk
QUEUE=FaxDesk
ACTION=install
PRINTER=yes
while [ $# -gt 0 ]; do
    case "$1" in
        --uninstall) ACTION=uninstall; shift ;;
        --no-printer) PRINTER=no; shift ;;
        --) shift; break ;;
        -*) echo "install-linux.sh: unknown option $1" >&2; exit 2 ;;
        *) break ;;
    esac
done
PREFIX=${1:-/usr/local}
DESTDIR=${DESTDIR:-}
PYTHON=${PYTHON:-python3}
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(dirname "$HERE")
ICONS="$ROOT/faxdesk/data/icons"
SHARE="$DESTDIR$PREFIX/share"
HICOLOR="$SHARE/icons/hicolor"
SIZES="16 22 24 32 48 64 128 256"
SPOOL=${FAXDESK_PRINT_SPOOL:-/var/spool/faxdesk}

cups_serverbin() {
    if [ -n "${FAXDESK_CUPS_SERVERBIN:-}" ]; then echo "$FAXDESK_CUPS_SERVERBIN"; return; fi
    if command -v cups-config >/dev/null 2>&1; then cups-config --serverbin; return; fi
    for dir in /usr/lib/cups /usr/libexec/cups /usr/local/lib/cups; do
        if [ -d "$dir/backend" ]; then echo "$dir"; return; fi
    done
    echo /usr/lib/cups
}

# The printer is set up only on a live system, as root, with CUPS there.
printer_here() {
    [ "$PRINTER" = yes ] || return 1
    if [ -n "$DESTDIR" ] || [ -n "${FLATPAK_ID:-}${FLATPAK_DEST:-}" ]; then return 1; fi
    if [ "$(id -u)" != 0 ]; then
        echo "Not root: the FaxDesk printer was not changed (run with sudo for print to fax)."
        return 1
    fi
    if ! command -v lpadmin >/dev/null 2>&1; then
        echo "CUPS is not installed: no FaxDesk printer (install cups, then run this again)."
        return 1
    fi
    return 0
}

install_printer() {
    backend="$(cups_serverbin)/backend/faxdesk"
    # 0700 and root's: CUPS runs such a backend as root, which it needs to hand each job to
    # the user who printed it (it drops to that user before it reads the job).
    install -D -m 700 "$ROOT/faxdesk/desktop/cups_backend.py" "$backend"
    chown root:root "$backend"
    install -d -m 711 "$SPOOL"
    chown root:root "$SPOOL"
    # "authenticated": CUPS checks who prints (peer credentials on its socket), so nobody can
    # print into another user's FaxDesk with `lp -U`. retry-job: a job that cannot be handed
    # over yet (full disk) waits in CUPS instead of stopping the printer for everyone.
    lpadmin -p "$QUEUE" -E -v "faxdesk:$SPOOL" -m raw -D "Send as fax with FaxDesk" \
        -L "FaxDesk" -o printer-error-policy=retry-job -o printer-op-policy=authenticated \
        -o printer-is-shared=false 2>&1 | grep -v "deprecated" >&2 || true
    if lpstat -p "$QUEUE" >/dev/null 2>&1; then
        echo "Added the printer $QUEUE (jobs go to $SPOOL/<uid>)"
    else
        echo "Could not add the printer $QUEUE: is CUPS running?" >&2
        return 1
    fi
}

uninstall_printer() {
    lpadmin -x "$QUEUE" 2>/dev/null || true
    rm -f "$(cups_serverbin)/backend/faxdesk"
    # Jobs nobody collected yet stay (nothing printed is lost): only empty folders go.
    if [ -d "$SPOOL" ]; then
        find "$SPOOL" -mindepth 1 -type d -empty -delete 2>/dev/null || true
        if rmdir "$SPOOL" 2>/dev/null; then
            echo "Removed the printer $QUEUE"
        else
            echo "Removed the printer $QUEUE; $SPOOL still holds print jobs not collected"
        fi
    fi
}

refresh_caches() {
    # Only for a live install; packagers' hooks do it for staged ones.
    if [ -z "$DESTDIR" ]; then
        command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database -q "$SHARE/applications" || true
        command -v gtk-update-icon-cache >/dev/null 2>&1 && gtk-update-icon-cache -q -t "$HICOLOR" || true
    fi
}

if [ "$ACTION" = uninstall ]; then
    rm -f "$SHARE/applications/$APP_ID.desktop" "$SHARE/metainfo/$APP_ID.metainfo.xml" \
        "$HICOLOR/scalable/apps/$APP_ID.svg" "$HICOLOR/symbolic/apps/$APP_ID-symbolic.svg"
    for size in $SIZES; do rm -f "$HICOLOR/${size}x${size}/apps/$APP_ID.png"; done
    refresh_caches
    if printer_here; then uninstall_printer; fi
    echo "Removed FaxDesk desktop files from $SHARE"
    exit 0
fi

install -Dm644 "$ROOT/resources/$APP_ID.desktop" "$SHARE/applications/$APP_ID.desktop"
install -Dm644 "$ROOT/resources/$APP_ID.metainfo.xml" "$SHARE/metainfo/$APP_ID.metainfo.xml"
install -Dm644 "$ICONS/$APP_ID.svg" "$HICOLOR/scalable/apps/$APP_ID.svg"
install -Dm644 "$ICONS/$APP_ID-symbolic.svg" "$HICOLOR/symbolic/apps/$APP_ID-symbolic.svg"

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

refresh_caches
echo "Installed FaxDesk desktop files under $SHARE"

if [ -n "$DESTDIR" ] && [ "$PRINTER" = yes ]; then
    # Staged: ship the backend; the package's post-install runs lpadmin (docs/printing.md).
    install -D -m 700 "$ROOT/faxdesk/desktop/cups_backend.py" "$DESTDIR$(cups_serverbin)/backend/faxdesk"
elif printer_here; then
    install_printer
fi
