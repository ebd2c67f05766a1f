"""The settings of print to fax, scanning, reports and automatic printing."""

from __future__ import annotations

from pathlib import Path

import pytest

from faxdesk.core.settings import Settings, load_settings, save_settings


def test_defaults_keep_the_new_features_quiet_until_chosen() -> None:
    s = Settings()
    assert s.print_to_fax_enabled and s.scan_color == "bw" and s.scan_device == ""
    assert not s.report_auto_save and s.report_folder == ""
    assert not s.auto_print_received and s.auto_print_printer == ""


def test_they_round_trip_and_bad_values_fall_back_in_words(tmp_path: Path) -> None:
    chosen = Settings().replace(scan_color="gray", scan_device="test:0", report_auto_save=True,
                                report_folder=str(tmp_path / "报告"), auto_print_received=True,
                                auto_print_printer="Office")
    path = save_settings(chosen, tmp_path / "settings.json")
    assert load_settings(path) == chosen
    settings, problems = Settings.from_dict({"scan_color": "sepia", "report_auto_save": "yes"})
    assert settings.scan_color == "bw" and not settings.report_auto_save
    assert problems == ["scan_color: must be 'bw' or 'gray'; using the default",
                        "report_auto_save: must be true or false; using the default"]
    with pytest.raises(ValueError, match="auto_print_printer: must be text"):
        Settings().replace(auto_print_printer=3)
