#!/bin/sh
# Refresh the translation sources from the code and compile them, with Qt's own tools.
#
#   packaging/update-translations.sh            update .ts (lupdate) and build .qm (lrelease)
#   packaging/update-translations.sh --release  only build .qm from the .ts as they are
#
# Sources: faxdesk/ui/*.py and each faxdesk/core module that marks words (self.tr,
#          QCoreApplication.translate, QT_TRANSLATE_NOOP).
# Writes:  resources/translations/faxdesk_<lang>.ts   (edit these: Qt Linguist or a text editor)
#          faxdesk/data/translations/faxdesk_<lang>.qm (shipped in the wheel and the bundles)
# English is the source language: its .ts holds only plural forms (-pluralonly). Strings that
# left the code are dropped (-no-obsolete). Same inputs give byte-identical outputs.
# Tools: $LUPDATE / $LRELEASE, else pyside6-lupdate / pyside6-lrelease on PATH, else in .venv.
set -eu

ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
LANGUAGES="en zh_CN"

tool() {  # tool ENVVALUE NAME
    if [ -n "$1" ]; then echo "$1"; return; fi
    if command -v "$2" >/dev/null 2>&1; then command -v "$2"; return; fi
    if [ -x "$ROOT/.venv/bin/$2" ]; then echo "$ROOT/.venv/bin/$2"; return; fi
    echo "$2 not found: install PySide6 or set \$LUPDATE/\$LRELEASE" >&2
    exit 2
}
LUPDATE=$(tool "${LUPDATE:-}" pyside6-lupdate)
LRELEASE=$(tool "${LRELEASE:-}" pyside6-lrelease)

mkdir -p resources/translations faxdesk/data/translations
if [ "${1:-}" != "--release" ]; then
    # Sorted, relative paths: the .ts locations do not depend on where the tree lives.
    # The window, and every core module that marks words for it (QT_TRANSLATE_NOOP).
    SOURCES=$(LC_ALL=C ls faxdesk/ui/*.py; LC_ALL=C grep -l 'QT_TRANSLATE_NOOP(' faxdesk/core/*.py)
    for lang in $LANGUAGES; do
        if [ "$lang" = en ]; then only=-pluralonly; else only=; fi
        # shellcheck disable=SC2086 # word splitting of SOURCES and $only is intended
        "$LUPDATE" -silent -no-obsolete -locations absolute $only \
            -source-language en -target-language "$lang" \
            $SOURCES -ts "resources/translations/faxdesk_$lang.ts"
    done
fi
for lang in $LANGUAGES; do
    "$LRELEASE" -silent -removeidentical \
        "resources/translations/faxdesk_$lang.ts" -qm "faxdesk/data/translations/faxdesk_$lang.qm"
done
