"""The translation catalogues are complete, match the code, and the shipped .qm match them."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from tests.i18n.catalogue import (
    LANGUAGES,
    MNEMONIC,
    PLACEHOLDER,
    QM_DIR,
    TAG,
    TS_DIR,
    Message,
    read_ts,
    run_lrelease,
    run_lupdate,
)

ZH = TS_DIR / "faxdesk_zh_CN.ts"


def _where(m: Message) -> str:
    return f"{m.context}: {m.source!r}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_message_is_translated(language: str) -> None:
    messages = read_ts(TS_DIR / f"faxdesk_{language}.ts")
    missing = [_where(m) for m in messages
               if m.kind != "" or any(not t.strip() for t in m.translations)]
    assert missing == []


def test_chinese_catalogue_covers_the_ui() -> None:
    # A guard against an accidentally emptied file passing the completeness test.
    assert len(read_ts(ZH)) > 200


@pytest.mark.parametrize("language", LANGUAGES)
def test_catalogue_is_up_to_date_with_the_code(language: str, tmp_path: Path) -> None:
    fresh = tmp_path / f"faxdesk_{language}.ts"
    run_lupdate(fresh, language)
    expected = {(m.context, m.source) for m in read_ts(fresh)}
    committed = {(m.context, m.source) for m in read_ts(TS_DIR / f"faxdesk_{language}.ts")}
    assert sorted(expected - committed) == [], "run packaging/update-translations.sh"
    assert sorted(committed - expected) == [], "run packaging/update-translations.sh"


@pytest.mark.parametrize("language", LANGUAGES)
def test_shipped_qm_is_built_from_the_catalogue(language: str, tmp_path: Path) -> None:
    built = tmp_path / f"faxdesk_{language}.qm"
    run_lrelease(TS_DIR / f"faxdesk_{language}.ts", built)
    shipped = QM_DIR / f"faxdesk_{language}.qm"
    assert shipped.read_bytes() == built.read_bytes(), "run packaging/update-translations.sh"


def test_placeholders_survive_translation() -> None:
    wrong = []
    for m in read_ts(ZH):
        want = Counter(PLACEHOLDER.findall(m.source))
        for text in m.translations:
            if Counter(PLACEHOLDER.findall(text)) != want:
                wrong.append(f"{_where(m)} -> {text!r}")
    assert wrong == []


def test_accelerators_and_markup_survive_translation() -> None:
    wrong = []
    for m in read_ts(ZH):
        for text in m.translations:
            if len(MNEMONIC.findall(text)) != len(MNEMONIC.findall(m.source)):
                wrong.append(f"mnemonic: {_where(m)} -> {text!r}")
            if Counter(TAG.findall(text)) != Counter(TAG.findall(m.source)):
                wrong.append(f"markup: {_where(m)} -> {text!r}")
    assert wrong == []


def test_placeholder_check_catches_a_lost_placeholder() -> None:
    source, broken = "Sent to {number} at %1", "已发送"
    assert Counter(PLACEHOLDER.findall(source)) == Counter({"{number}": 1, "%1": 1})
    assert Counter(PLACEHOLDER.findall(broken)) != Counter(PLACEHOLDER.findall(source))
    assert MNEMONIC.findall("&File") and not MNEMONIC.findall("Fax && Co")


def test_compiled_catalogues_ship_in_the_wheel() -> None:
    import tomllib

    from tests.i18n.catalogue import ROOT

    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    patterns = config["tool"]["setuptools"]["package-data"]["*"]
    assert "*.qm" in patterns
    assert (ROOT / "faxdesk" / "data" / "__init__.py").exists()  # a package, so data is found
    assert sorted(p.name for p in QM_DIR.glob("*.qm")) == [f"faxdesk_{lang}.qm"
                                                            for lang in LANGUAGES]
