"""`faxdesk report ID` as a person runs it: a real subprocess over a history the engine made
against the sandbox (the API key and address come from the environment, as in scripts)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from faxdesk.core.engine import FaxEngine
from tests.core.test_report_sandbox import TO, deliver
from tests.support.report_checks import embedded_images, marked_pdf, page_count, pdf_text

ROOT = Path(__file__).resolve().parents[2]


def faxdesk(sandbox: Any, home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("FAXDESK_", "LC_", "LANG"))}
    env.update(PYTHONPATH=str(ROOT), FAXDESK_HOME=str(home), FAXDESK_API_KEY=sandbox.api_key,
               FAXDESK_BASE_URL=sandbox.base_url, QT_QPA_PLATFORM="offscreen", LANG="C.UTF-8")
    return subprocess.run([sys.executable, "-m", "faxdesk", *args], text=True,
                          capture_output=True, timeout=120, env=env, cwd=home)


def test_report_saves_the_pdf_of_a_fax_in_the_history_in_the_chosen_language(
    sandbox: Any, engine: FaxEngine, app_id: str, tmp_path: Path
) -> None:
    engine.refresh_applications()
    fax_id = deliver(sandbox, engine, marked_pdf(tmp_path / "doc.pdf", 2))
    data = str(engine.data_dir)
    engine.stop()
    out = tmp_path / "proof.pdf"

    done = faxdesk(sandbox, tmp_path, "report", fax_id, "--data-dir", data, "--out", str(out),
                   "--language", "en", "--paper", "a4")
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f"Saved the transmission report of fax {fax_id} to {out}"
    assert page_count(out) == 1 and len(embedded_images(out)) == 1
    text = pdf_text(out)
    assert "Fax transmission report" in text and "Delivered" in text and TO in text

    chinese = faxdesk(sandbox, tmp_path, "report", fax_id, "--data-dir", data, "--language",
                      "zh_CN", "--json")
    assert chinese.returncode == 0, chinese.stderr
    saved = Path(json.loads(chinese.stdout)["path"])
    assert saved.parent == tmp_path and saved.name.endswith(f"({fax_id[:8]}).pdf")
    text = pdf_text(saved)
    assert "传真发送报告" in text and "已送达" in text


def test_report_of_an_unknown_fax_exits_5_with_words(
    sandbox: Any, engine: FaxEngine, app_id: str, tmp_path: Path
) -> None:
    data = str(engine.data_dir)
    engine.stop()
    done = faxdesk(sandbox, tmp_path, "report", "00000000-0000-0000-0000-000000000000",
                   "--data-dir", data)
    assert done.returncode == 5
    assert done.stderr.startswith("faxdesk: ") and "Traceback" not in done.stderr
    assert not list(tmp_path.glob("*.pdf"))
