"""Inbox: a received fax's PDF is downloaded at once, once, into <data_dir>/inbox/.

Files are readable by the user only (0600 in a 0700 directory) and written atomically (a temp
file renamed into place), so a crash never leaves a half file that looks complete. The store's
`download_state` makes "never twice" hold across restarts. An expired link (403/404 from the
media URL) is refreshed through the API and the download retried; a full disk is reported and
retried on a later sync.

Whether a received fax is news (`FaxReceived.news`) is decided here, once: it is when it became
"received" after this session's first successful sync. What the first sync finds is history, or
arrived while FaxDesk was closed: it is in the list, unread, and no burst of notifications.
The page count of a received fax comes from its PDF when Telnyx did not report it.
"""

from __future__ import annotations

import errno
import logging
import os
import re
import threading
from collections import deque
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from faxdesk.api.errors import (
    ApiError,
    AuthenticationError,
    RequestAbortedError,
    TelnyxError,
)
from faxdesk.core.events import (
    DownloadFailed,
    EventHub,
    FaxChanged,
    FaxReceived,
    SyncStateChanged,
)
from faxdesk.core.records import FaxRecord
from faxdesk.core.status import StatusUpdate, apply_status, set_local
from faxdesk.core.store import Store

if TYPE_CHECKING:
    from faxdesk.api.client import TelnyxClient

log = logging.getLogger(__name__)

#: Opens the temporary file a download is written to (tests inject one that fails).
Opener = Callable[[Path], BinaryIO]


def _default_opener(path: Path) -> BinaryIO:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    return os.fdopen(fd, "wb")


def _safe(text: str | None) -> str:
    return re.sub(r"[^0-9A-Za-z+_-]", "", text or "")[:32] or "unknown"


class Inbox:
    def __init__(
        self,
        store: Store,
        hub: EventHub,
        get_client: Callable[[], TelnyxClient],
        data_dir: Path,
        *,
        opener: Opener = _default_opener,
    ) -> None:
        self._store = store
        self._hub = hub
        self._get_client = get_client
        self.directory = data_dir / "inbox"
        self._opener = opener
        self._lock = threading.Lock()
        self._busy: set[str] = set()  # queued or downloading
        # Ids only, taken one at a time by a single drain: a history of thousands of received
        # faxes is not held as records or queued as thousands of futures.
        self._queue: deque[str] = deque()
        self._draining = False
        self._executor: ThreadPoolExecutor | None = None
        # Subscribed before anything that queues downloads, so news is noted before a download
        # of that fax can finish.
        self._synced = False
        self._news: set[str] = set()
        hub.subscribe(self._on_fax_changed, FaxChanged)
        hub.subscribe(self._on_sync_state, SyncStateChanged)

    def _on_sync_state(self, event: SyncStateChanged) -> None:
        if event.last_sync is not None:  # set by a successful sync only
            self._synced = True

    def _on_fax_changed(self, event: FaxChanged) -> None:
        record = event.fax
        if (record is not None and record.direction == "inbound" and self._synced
                and event.new_status == "received" and event.old_status != "received"):
            with self._lock:
                self._news.add(record.id)

    def start(self) -> None:
        """Ready to download. The first sync tick queues what is pending when it ends (also
        when it fails), so the downloads do not compete with the window reading its rows."""
        with self._lock:
            if self._executor is None:
                self._executor = ThreadPoolExecutor(1, thread_name_prefix="faxdesk-inbox")

    def stop(self) -> None:
        with self._lock:
            executor, self._executor = self._executor, None
            self._busy.difference_update(self._queue)  # stays pending for the next start
            self._queue.clear()
        if executor is not None:
            executor.shutdown(wait=True, cancel_futures=True)

    def enqueue_pending(self) -> None:
        """Queue every received fax not on disk yet (the sync loop calls this after each tick)."""
        with self._lock:
            if self._executor is None:
                return
        pending = self._store.pending_download_ids()
        with self._lock:
            executor = self._executor
            if executor is None:
                return
            fresh = [fax_id for fax_id in pending if fax_id not in self._busy]
            self._busy.update(fresh)
            self._queue.extend(fresh)
            if self._draining or not self._queue:
                return
            self._draining = True
        try:
            executor.submit(self._drain)
        except RuntimeError:  # stopped meanwhile
            with self._lock:
                self._draining = False

    def _drain(self) -> None:
        while True:
            with self._lock:
                if not self._queue or self._executor is None:
                    self._draining = False
                    return
                fax_id = self._queue.popleft()
            self._run(fax_id)

    def _run(self, fax_id: str) -> None:
        try:
            self.download(fax_id)
        except RequestAbortedError:
            pass  # shutting down: the download stays pending for the next start
        except Exception:
            log.exception("downloading fax %s failed unexpectedly", fax_id)
        finally:
            with self._lock:
                self._busy.discard(fax_id)

    def download_pending(self) -> list[Path]:
        """Download every pending fax now, on this thread; returns the files written."""
        out = []
        for fax_id in self._store.pending_download_ids():
            path = self.download(fax_id)
            if path is not None:
                out.append(path)
        return out

    def target_path(self, record: FaxRecord) -> Path:
        stamp = record.created_at.strftime("%Y%m%d-%H%M%S") if record.created_at else "undated"
        return self.directory / f"{stamp}_{_safe(record.from_number)}_{_safe(record.id)}.pdf"

    def download(self, fax_id: str) -> Path | None:
        """Fetch one received fax unless it is already on disk. Errors become state + events."""
        record = self._store.get_fax(fax_id)
        if record is None or record.direction != "inbound" or record.status != "received":
            return None
        if record.download_state == "done" and record.downloaded_path:
            return None
        self.directory.mkdir(parents=True, exist_ok=True, mode=0o700)
        self.directory.chmod(0o700)
        target = self.target_path(record)
        try:
            try:
                self._fetch(record.media_url, target)
            except ApiError as exc:
                # MediaLinkError (off-host link) or a same-host 403/404: the link expired.
                if isinstance(exc, AuthenticationError) or exc.status_code not in (
                        401, 403, 404, 410):
                    raise
                # The signed link expired: ask Telnyx for a fresh one and try once more.
                record = self._refresh(record)
                self._fetch(record.media_url, target)
        except OSError as exc:
            full = exc.errno in (errno.ENOSPC, errno.EDQUOT)
            message = ("The disk is full; the received fax will be saved when there is room."
                       if full else f"Cannot save the received fax: {exc.strerror or exc}")
            self._failed(fax_id, message)
            return None
        except (AuthenticationError, RequestAbortedError):
            raise
        except TelnyxError as exc:
            self._failed(fax_id, f"Cannot download the received fax: {exc}")
            return None
        if record.page_count is None:
            pages = _page_count(target)
            if pages is not None:  # published with the download just below
                apply_status(self._store, None, StatusUpdate(
                    fax_id, None, "local", fields={"page_count": pages}))
        self._store.add_timeline(fax_id, "downloaded", "local", str(target))
        set_local(self._store, self._hub, fax_id, downloaded_path=str(target),
                  download_state="done", download_error=None)
        with self._lock:
            news = fax_id in self._news
            self._news.discard(fax_id)
        self._hub.publish_in_turn(FaxReceived(fax_id, target, news=news))
        return target

    def _refresh(self, record: FaxRecord) -> FaxRecord:
        client = self._get_client()
        client.refresh_fax(record.id)
        fax = client.get_fax(record.id)
        apply_status(self._store, self._hub,
                     StatusUpdate.from_fax(fax, "poll", "media link refreshed"))
        self._store.add_timeline(record.id, "link_refreshed", "local", "the media link had expired")
        return self._store.get_fax(record.id) or record

    def _fetch(self, url: str | None, target: Path) -> None:
        if not url:
            raise ApiError(404, path="media_url")  # treated as expired: refresh gives a link
        tmp = target.with_name(f".{target.name}.part")
        try:
            with self._opener(tmp) as out:
                self._get_client().download_url(url, out)
                out.flush()
                os.fsync(out.fileno())
            tmp.chmod(0o600)
            tmp.replace(target)
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise

    def _failed(self, fax_id: str, message: str) -> None:
        set_local(self._store, self._hub, fax_id, download_state="error",
                  download_error=message)
        self._hub.publish_in_turn(DownloadFailed(fax_id, message, will_retry=True))


def _page_count(path: Path) -> int | None:
    """Pages of a received PDF, or None when it cannot be read (the fax is kept either way)."""
    # Lazy, and PDFium rather than pypdf: pypdf brings cryptography, ~15 MB more in the window.
    import pypdfium2 as pdfium

    from faxdesk.core.documents.pdfium_lock import PDFIUM_LOCK

    try:
        with PDFIUM_LOCK:
            document = pdfium.PdfDocument(path)
            try:
                return len(document)
            finally:
                document.close()
    except Exception:  # a damaged or odd file still counts as received
        log.debug("could not count the pages of %s", path, exc_info=True)
        return None
