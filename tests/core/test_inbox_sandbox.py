"""Received faxes: downloaded at once, once, across restarts; expired links; a full disk."""

from __future__ import annotations

import errno
import stat
from collections.abc import Callable
from pathlib import Path
from typing import Any, BinaryIO

from faxdesk.core.engine import FaxEngine
from faxdesk.core.events import DownloadFailed, FaxReceived
from tests.core.conftest import FROM_NUMBER


def _media_gets(sandbox: Any) -> list[Any]:
    return [r for r in sandbox.request_log if r.path.startswith("/_sandbox/files/")]


def _receive(sandbox: Any, engine: FaxEngine, pages: int = 2) -> str:
    fax_id = str(sandbox.receive_inbound(from_number="+16175550134", to=FROM_NUMBER,
                                         pages=pages))
    sandbox.advance(60)
    assert engine.syncer.tick()
    return fax_id


def test_a_received_fax_is_downloaded_once_private_and_complete(
    sandbox: Any, engine: FaxEngine, app_id: str
) -> None:
    received: list[FaxReceived] = []
    engine.events.subscribe(received.append, FaxReceived)
    fax_id = _receive(sandbox, engine)
    paths = engine.inbox.download_pending()
    assert len(paths) == 1 and received == [FaxReceived(fax_id, paths[0])]
    path = paths[0]
    assert path.read_bytes().startswith(b"%PDF")
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    assert [p.name for p in path.parent.iterdir()] == [path.name]  # no temp file left behind
    record = engine.store.get_fax(fax_id)
    assert record is not None and record.download_state == "done"
    assert record.downloaded_path == str(path)
    assert len(_media_gets(sandbox)) == 1
    assert engine.inbox.download_pending() == []
    engine.inbox.download(fax_id)
    assert len(_media_gets(sandbox)) == 1


def test_a_restart_downloads_nothing_again(
    sandbox: Any, make_engine: Callable[..., FaxEngine], app_id: str, tmp_path: Path
) -> None:
    first = make_engine(data_dir=tmp_path / "d")
    _receive(sandbox, first)
    assert len(first.inbox.download_pending()) == 1
    first.stop()
    again = make_engine(data_dir=tmp_path / "d")
    again.start()  # resumes the inbox and syncs at once
    again.syncer.tick()
    again.inbox.download_pending()
    again.stop()
    assert len(_media_gets(sandbox)) == 1


def test_an_expired_link_is_refreshed_and_the_download_retried(
    sandbox: Any, engine: FaxEngine, app_id: str
) -> None:
    fax_id = _receive(sandbox, engine)
    sandbox.advance(3600)  # the signed link lived 10 minutes
    sandbox.reset_request_log()
    paths = engine.inbox.download_pending()
    assert len(paths) == 1 and paths[0].read_bytes().startswith(b"%PDF")
    log = [(r.method, r.path, r.status) for r in sandbox.request_log]
    media = [entry for entry in log if entry[1].startswith("/_sandbox/files/")]
    assert media[0][2] in (403, 404) and media[-1][2] == 200
    assert ("POST", f"/v2/faxes/{fax_id}/actions/refresh", 200) in log
    assert any(t.status == "link_refreshed" for t in engine.store.timeline(fax_id))


class FullDiskOnce:
    """Opens the temp file for real, but the first write fails like a full disk would."""

    def __init__(self) -> None:
        self.failures = 0

    def __call__(self, path: Path) -> BinaryIO:
        handle = path.open("wb")
        if self.failures == 0:
            self.failures += 1
            real_write = handle.write

            def write(data: Any) -> int:
                handle.write = real_write  # type: ignore[method-assign]
                raise OSError(errno.ENOSPC, "No space left on device")

            handle.write = write  # type: ignore[method-assign]
        return handle


def test_a_full_disk_is_reported_then_retried(
    sandbox: Any, make_engine: Callable[..., FaxEngine], app_id: str
) -> None:
    failures: list[DownloadFailed] = []
    engine = make_engine(inbox_opener=FullDiskOnce())
    engine.events.subscribe(failures.append, DownloadFailed)
    fax_id = _receive(sandbox, engine)
    assert engine.inbox.download_pending() == []
    assert len(failures) == 1 and "disk is full" in failures[0].message
    assert failures[0].will_retry
    record = engine.store.get_fax(fax_id)
    assert record is not None and record.download_state == "error"
    assert not list(engine.inbox.directory.iterdir())  # the partial file was removed
    # Room again: the next pass (after a sync tick in the app) saves it.
    paths = engine.inbox.download_pending()
    assert len(paths) == 1
    assert engine.store.get_fax(fax_id).download_state == "done"  # type: ignore[union-attr]
