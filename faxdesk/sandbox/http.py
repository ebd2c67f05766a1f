"""The sandbox's HTTP layer: a werkzeug WSGI app with the Telnyx v2 fax routes, Bearer auth, the
error envelope, rate-limit headers, fault injection and the `/_sandbox/` control endpoints.

State lives in `SandboxState`; this module only translates HTTP to state calls and back.
"""

from __future__ import annotations

import contextlib
import json
import logging
import math
import socket
import threading
import time
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

import httpx
from werkzeug.datastructures import FileStorage
from werkzeug.exceptions import HTTPException, MethodNotAllowed, NotFound
from werkzeug.routing import Map, Rule
from werkzeug.wrappers import Request, Response

from faxdesk.sandbox.documents import make_pdf
from faxdesk.sandbox.faults import FaultConfig, FaultError
from faxdesk.sandbox.state import (
    MAX_UPLOAD_BYTES,
    ApiProblem,
    SandboxState,
    bad_param,
    invalid,
    iso,
    not_found,
)
from faxdesk.sandbox.webhook_sender import WebhookSender, is_loopback_url

log = logging.getLogger(__name__)

RATE_LIMIT_WINDOW = 60.0  # real seconds
#: The furthest one `/_sandbox/clock/advance` moves the clock (ten years).
MAX_ADVANCE = 10 * 366 * 86400.0
FETCH_LIMIT = 50 * 1024 * 1024 + 1

_API_RULES = [
    Rule("/v2/faxes", methods=["GET"], endpoint="list_faxes"),
    Rule("/v2/faxes", methods=["POST"], endpoint="send_fax"),
    Rule("/v2/faxes/<fax_id>", methods=["GET"], endpoint="get_fax"),
    Rule("/v2/faxes/<fax_id>", methods=["DELETE"], endpoint="delete_fax"),
    Rule("/v2/faxes/<fax_id>/actions/cancel", methods=["POST"], endpoint="cancel_fax"),
    Rule("/v2/faxes/<fax_id>/actions/refresh", methods=["POST"], endpoint="refresh_fax"),
    Rule("/v2/fax_applications", methods=["GET"], endpoint="list_apps"),
    Rule("/v2/fax_applications", methods=["POST"], endpoint="create_app"),
    Rule("/v2/fax_applications/<app_id>", methods=["GET"], endpoint="get_app"),
    Rule("/v2/fax_applications/<app_id>", methods=["PATCH"], endpoint="update_app"),
    Rule("/v2/fax_applications/<app_id>", methods=["DELETE"], endpoint="delete_app"),
    Rule("/v2/media", methods=["GET"], endpoint="list_media"),
    Rule("/v2/media", methods=["POST"], endpoint="upload_media"),
    Rule("/v2/media/<path:name>/download", methods=["GET"], endpoint="download_media"),
    Rule("/v2/media/<path:name>", methods=["GET"], endpoint="get_media"),
    Rule("/v2/media/<path:name>", methods=["PUT"], endpoint="update_media"),
    Rule("/v2/media/<path:name>", methods=["DELETE"], endpoint="delete_media"),
    Rule("/v2/phone_numbers", methods=["GET"], endpoint="list_numbers"),
]
_CONTROL_RULES = [
    Rule("/_sandbox", methods=["GET"], endpoint="c_info"),
    Rule("/_sandbox/inbound", methods=["POST"], endpoint="c_inbound"),
    Rule("/_sandbox/clock", methods=["GET"], endpoint="c_clock"),
    Rule("/_sandbox/clock/advance", methods=["POST"], endpoint="c_advance"),
    Rule("/_sandbox/faults", methods=["GET", "POST", "PUT"], endpoint="c_faults"),
    Rule("/_sandbox/faults", methods=["DELETE"], endpoint="c_faults_clear"),
    Rule("/_sandbox/stats", methods=["GET"], endpoint="c_stats"),
    Rule("/_sandbox/stats", methods=["DELETE"], endpoint="c_stats_reset"),
    Rule("/_sandbox/phone_numbers", methods=["POST"], endpoint="c_add_number"),
    Rule("/_sandbox/webhooks", methods=["GET", "POST"], endpoint="c_webhooks"),
    Rule("/_sandbox/files/<fax_id>/<kind>.pdf", methods=["GET"], endpoint="c_file"),
]


@dataclass(frozen=True, slots=True)
class RequestRecord:
    method: str
    path: str
    query: str
    status: int  # 0 when the connection was dropped without a response
    time: float  # real Unix time the request arrived


class DropConnection(ConnectionError):
    """Raised after the socket was shut down, so werkzeug ends the request without a response."""


class SandboxApp:
    def __init__(self, state: SandboxState, *, api_key: str, faults: FaultConfig,
                 sender: WebhookSender, advance: Callable[[float], None] | None = None,
                 rate_limit: int = 1000, info: Callable[[], dict[str, Any]] | None = None) -> None:
        self.state = state
        self.api_key = api_key
        self.faults = faults
        self.sender = sender
        self.advance = advance
        self.info = info or (lambda: {})
        self.rate_limit = rate_limit  # requests per RATE_LIMIT_WINDOW real seconds
        # Rules bind to one Map, so each app gets fresh copies.
        self.url_map = Map([r.empty() for r in _API_RULES + _CONTROL_RULES], strict_slashes=False)
        self.request_log: list[RequestRecord] = []
        self._log_lock = threading.Lock()
        self._window_start = time.monotonic()
        self._window_count = 0

    # -- WSGI -------------------------------------------------------------------------------------

    def __call__(self, environ: dict[str, Any], start_response: Any) -> Iterable[bytes]:
        request = Request(environ)
        request.max_form_memory_size = MAX_UPLOAD_BYTES * 3
        environ["faxdesk.arrived"] = time.time()
        status = 0
        try:
            try:
                response = self.dispatch(request)
            except DropConnection:
                raise
            except Exception:
                # A bug, never the client's fault; still answered in the Telnyx shape.
                log.exception("the sandbox failed on %s %s", request.method, request.path)
                response = _error(500, "10007", "Unexpected error",
                                  "The sandbox failed on this request")
            status = response.status_code
            return response(environ, start_response)
        finally:
            request.close()  # closes spooled upload files
            if not environ.get("faxdesk.logged"):
                self._log(request, status)

    def _log(self, request: Request, status: int) -> None:
        request.environ["faxdesk.logged"] = True
        with self._log_lock:
            self.request_log.append(RequestRecord(request.method, request.path,
                                                  request.query_string.decode("latin-1"),
                                                  status, request.environ["faxdesk.arrived"]))

    def reset_request_log(self) -> None:
        with self._log_lock:
            self.request_log.clear()

    def dispatch(self, request: Request) -> Response:
        is_api = request.path.startswith("/v2")
        adapter = self.url_map.bind_to_environ(request.environ)
        if not is_api:
            try:
                endpoint, values = adapter.match()
                return getattr(self, f"_{endpoint}")(request, **values)  # type: ignore[no-any-return]
            except HTTPException as exc:
                return _http_error(exc)
            except ApiProblem as problem:
                return _json(problem.to_json(), problem.status)
            except FaultError as exc:
                return _json(invalid(exc.pointer, str(exc)).to_json(), 422)
            except (ValueError, TypeError, AttributeError) as exc:
                return _error(400, "10015", "Bad Request", str(exc))

        limit_headers, over_limit = self._count_request()
        if self.faults.latency:
            time.sleep(self.faults.latency)
        decision = self.faults.decide(request.method, request.path)
        if decision is not None and decision.kind == "drop":
            self._drop(request)
        if decision is not None and decision.kind == "rate_limit":
            response = _json({"errors": [{"code": "10011", "title": "Too many requests",
                                          "detail": "Rate limit exceeded (sandbox fault)"}]}, 429)
            limit_headers["x-ratelimit-remaining"] = "0"
            response.headers["Retry-After"] = str(decision.retry_after)
        elif decision is not None and decision.kind == "error":
            response = _json({"errors": [{"code": "10007", "title": "Unexpected error",
                                          "detail": "The sandbox injected a server error"}]},
                             decision.status)
        elif over_limit:
            response = _json({"errors": [{"code": "10011", "title": "Too many requests",
                                          "detail": "Too many requests in this window"}]}, 429)
            response.headers["Retry-After"] = limit_headers["x-ratelimit-reset"]
        else:
            response = self._api(request, adapter)
            after = (self.faults.after(request.method, request.path)
                     if 200 <= response.status_code < 300 else None)
            if after is not None and after.kind == "lose_response":
                self._drop(request)
            elif after is not None:  # garble: done, but the answer cannot be read
                response = Response(after.body, status=response.status_code,
                                    mimetype="text/html")
        response.headers.update(limit_headers)
        response.headers["x-request-id"] = str(uuid.uuid4())
        return response

    def _api(self, request: Request, adapter: Any) -> Response:
        if not self._authorized(request):
            return _json({"errors": [{
                "code": "10009", "title": "Authentication failed",
                "detail": "Could not understand the provided credentials.",
                "meta": {"url": "https://developers.telnyx.com/docs/overview/errors/10009"}}]}, 401)
        try:
            endpoint, values = adapter.match()
        except MethodNotAllowed:
            return _json({"errors": [{"code": "10015", "title": "Method Not Allowed",
                                      "detail": f"{request.method} is not allowed here"}]}, 405)
        except NotFound:
            return _json(not_found("resource").to_json(), 404)
        try:
            return getattr(self, f"_{endpoint}")(request, **values)  # type: ignore[no-any-return]
        except ApiProblem as problem:
            return _json(problem.to_json(), problem.status)
        except HTTPException as exc:  # e.g. a form too large for werkzeug's parser
            return _http_error(exc)

    def _authorized(self, request: Request) -> bool:
        import hmac

        header = request.headers.get("Authorization", "")
        scheme, _, token = header.partition(" ")
        return scheme.lower() == "bearer" and hmac.compare_digest(token.strip().encode(),
                                                                  self.api_key.encode())

    def _count_request(self) -> tuple[dict[str, str], bool]:
        with self._log_lock:
            now = time.monotonic()
            if now - self._window_start >= RATE_LIMIT_WINDOW:
                self._window_start, self._window_count = now, 0
            self._window_count += 1
            remaining = max(0, self.rate_limit - self._window_count)
            reset = max(1, round(RATE_LIMIT_WINDOW - (now - self._window_start)))
            over = self._window_count > self.rate_limit
        return ({"x-ratelimit-limit": str(self.rate_limit),
                 "x-ratelimit-remaining": str(remaining),
                 "x-ratelimit-reset": str(reset)}, over)

    def _drop(self, request: Request) -> None:
        # Logged before the socket closes: the client sees the drop at once, and a test reading
        # the log right after must find the request there.
        self._log(request, 0)
        sock = request.environ.get("werkzeug.socket")
        if sock is not None:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)
        raise DropConnection("the sandbox dropped this connection on purpose")

    # -- faxes ------------------------------------------------------------------------------------

    def _list_faxes(self, request: Request) -> Response:
        args = request.args
        created = {op: args[f"filter[created_at][{op}]"] for op in ("gt", "gte", "lt", "lte")
                   if f"filter[created_at][{op}]" in args}
        direction = args.get("filter[direction][eq]")
        if direction is not None and direction not in ("inbound", "outbound"):
            raise bad_param("filter[direction][eq]", "direction must be inbound or outbound")
        page, size = _page(request)
        data, meta = self.state.list_faxes(created=created, direction=direction,
                                           from_number=args.get("filter[from][eq]"),
                                           to=args.get("filter[to][eq]"), page=page, size=size)
        return _json({"data": data, "meta": meta})

    def _send_fax(self, request: Request) -> Response:
        if request.mimetype == "multipart/form-data":
            fields = self.state.validate_send(request.form.to_dict(), multipart=True)
            upload = request.files.get("contents")
            if upload is None:
                raise invalid("/contents", "contents (the file) is required", "10004")
            document = upload.read()
            if len(document) > MAX_UPLOAD_BYTES:
                raise invalid("/contents", "contents is larger than 20 MB")
            return _json({"data": self.state.send_fax(fields, document=document)}, 202)
        body = _json_body(request)
        fields = self.state.validate_send(body, multipart=False)
        fetched: bytes | None = None
        failed = False
        if "media_url" in fields and is_loopback_url(fields["media_url"]):
            fetched = _fetch(fields["media_url"])
            failed = fetched is None
        return _json({"data": self.state.send_fax(fields, document=fetched,
                                                  download_failed=failed)}, 202)

    def _get_fax(self, request: Request, fax_id: str) -> Response:
        return _json({"data": self.state.get_fax(_uuid(fax_id))})

    def _delete_fax(self, request: Request, fax_id: str) -> Response:
        self.state.delete_fax(_uuid(fax_id))
        return Response(status=204)

    def _cancel_fax(self, request: Request, fax_id: str) -> Response:
        self.state.cancel_fax(_uuid(fax_id))
        return _json({"data": {"result": "ok"}}, 202)

    def _refresh_fax(self, request: Request, fax_id: str) -> Response:
        self.state.refresh_fax(_uuid(fax_id))
        return _json({"data": {"result": "ok"}}, 200)

    # -- fax applications -------------------------------------------------------------------------

    def _list_apps(self, request: Request) -> Response:
        page, size = _page(request)
        data, meta = self.state.list_applications(
            name_contains=request.args.get("filter[application_name][contains]"),
            ovp_id=request.args.get("filter[outbound_voice_profile_id]"),
            sort=request.args.get("sort"), page=page, size=size)
        return _json({"data": data, "meta": meta})

    def _create_app(self, request: Request) -> Response:
        return _json({"data": self.state.create_application(_json_body(request))}, 201)

    def _get_app(self, request: Request, app_id: str) -> Response:
        return _json({"data": self.state.get_application(app_id)})

    def _update_app(self, request: Request, app_id: str) -> Response:
        return _json({"data": self.state.update_application(app_id, _json_body(request))})

    def _delete_app(self, request: Request, app_id: str) -> Response:
        return _json({"data": self.state.delete_application(app_id)})

    # -- media ------------------------------------------------------------------------------------

    def _list_media(self, request: Request) -> Response:
        types = request.args.getlist("filter[content_type][]")
        data, meta = self.state.list_media(types)
        return _json({"data": data, "meta": meta})

    def _upload_media(self, request: Request) -> Response:
        data, name, ttl, ctype = self._media_input(request, required=True)
        assert data is not None
        return _json({"data": self.state.store_media(data, media_name=name, ttl_secs=ttl,
                                                     content_type=ctype)}, 201)

    def _update_media(self, request: Request, name: str) -> Response:
        data, _, ttl, ctype = self._media_input(request, required=False)
        return _json({"data": self.state.update_media(name, data, ttl, ctype)})

    def _media_input(self, request: Request, *, required: bool
                     ) -> tuple[bytes | None, str | None, Any, str | None]:
        if request.mimetype == "multipart/form-data":
            part: FileStorage | None = request.files.get("media")
            if part is None and required:
                raise invalid("/media", "media (the file) is required", "10004")
            data = part.read() if part is not None else None
            ctype = None
            if part is not None and part.mimetype not in ("", "application/octet-stream"):
                ctype = part.mimetype
            return (data, request.form.get("media_name") or None,
                    request.form.get("ttl_secs"), ctype)
        body = _json_body(request)
        url = body.get("media_url")
        if url is None:
            if required:
                raise invalid("/media_url", "media_url is required", "10004")
            return None, None, body.get("ttl_secs"), None
        if not isinstance(url, str) or not url.startswith(("http://", "https://")):
            raise invalid("/media_url", "media_url must be an http(s) URL", "10003")
        if is_loopback_url(url):
            data = _fetch(url)
            if data is None:
                raise invalid("/media_url", "The media could not be downloaded from media_url",
                              "10003")
        else:
            data = make_pdf(1, title=f"Placeholder for {url}")  # never fetched off-host
        return data, body.get("media_name"), body.get("ttl_secs"), None

    def _get_media(self, request: Request, name: str) -> Response:
        return _json({"data": self.state.get_media(name)})

    def _download_media(self, request: Request, name: str) -> Response:
        data, _ = self.state.media_bytes(name)
        return Response(data, status=200, mimetype="application/octet-stream",
                        headers={"Content-Disposition": f'attachment; filename="{name}"'})

    def _delete_media(self, request: Request, name: str) -> Response:
        self.state.delete_media(name)
        return Response(status=204)

    # -- phone numbers ----------------------------------------------------------------------------

    def _list_numbers(self, request: Request) -> Response:
        page, size = _page(request)
        data, meta = self.state.list_phone_numbers(
            connection_id=request.args.get("filter[connection_id]"), page=page, size=size)
        return _json({"data": data, "meta": meta})

    # -- control endpoints (no auth: loopback only) -----------------------------------------------

    def _c_info(self, request: Request) -> Response:
        return _json(self.info())

    def _c_inbound(self, request: Request) -> Response:
        body = _json_body(request)
        fax_id = self.state.receive_inbound(
            from_number=body.get("from", "+13125550123"), to=body.get("to", "+12025550100"),
            connection_id=body.get("connection_id"), pages=body.get("pages", 1))
        return _json({"data": self.state.get_fax(fax_id)}, 201)

    def _c_clock(self, request: Request) -> Response:
        now = self.state.now_us()
        return _json({"now": now / 1_000_000, "iso": iso(now), "manual": self.advance is not None})

    def _c_advance(self, request: Request) -> Response:
        if self.advance is None:
            return _json({"errors": [{"code": "409", "title": "Conflict",
                                      "detail": "The clock is not manual (start with a manual "
                                                "clock to advance it)"}]}, 409)
        seconds = _json_body(request).get("seconds", 0)
        if isinstance(seconds, bool) or not isinstance(seconds, int | float) \
                or not math.isfinite(seconds) or not 0 <= seconds <= MAX_ADVANCE:
            raise invalid("/seconds", f"seconds must be a number from 0 to {MAX_ADVANCE:.0f}")
        self.advance(seconds)
        return self._c_clock(request)

    def _c_faults(self, request: Request) -> Response:
        if request.method != "GET":
            self.faults.configure(_json_body(request))
        return _json(self.faults.to_json())

    def _c_faults_clear(self, request: Request) -> Response:
        self.faults.clear()
        return _json(self.faults.to_json())

    def _c_stats(self, request: Request) -> Response:
        with self._log_lock:
            log = list(self.request_log)
        by_status: dict[str, int] = {}
        by_endpoint: dict[str, int] = {}
        for rec in log:
            by_status[str(rec.status)] = by_status.get(str(rec.status), 0) + 1
            key = f"{rec.method} {rec.path}"
            by_endpoint[key] = by_endpoint.get(key, 0) + 1
        return _json({"requests": len(log), "by_status": by_status, "by_endpoint": by_endpoint,
                      "recent": [{"method": r.method, "path": r.path, "query": r.query,
                                  "status": r.status, "time": r.time} for r in log[-100:]]})

    def _c_stats_reset(self, request: Request) -> Response:
        self.reset_request_log()
        return Response(status=204)

    def _c_add_number(self, request: Request) -> Response:
        body = _json_body(request)
        return _json({"data": self.state.add_phone_number(body.get("phone_number", ""),
                                                          body.get("connection_id"),
                                                          body.get("tags"))}, 201)

    def _c_webhooks(self, request: Request) -> Response:
        if request.method == "POST":
            body = _json_body(request)
            if "duplicate" in body:
                self.sender.duplicate = bool(body["duplicate"])
            if "out_of_order" in body:
                self.sender.out_of_order = bool(body["out_of_order"])
        return _json({"public_key": self.sender.public_key_b64,
                      "duplicate": self.sender.duplicate,
                      "out_of_order": self.sender.out_of_order,
                      "deliveries": [{"event_id": d.event_id, "event_type": d.event_type,
                                      "url": d.url, "attempt": d.attempt, "status": d.status,
                                      "error": d.error} for d in self.sender.deliveries[-200:]]})

    def _c_file(self, request: Request, fax_id: str, kind: str) -> Response:
        try:
            data = self.state.fax_file(fax_id, kind, request.args.get("expires", "0"),
                                       request.args.get("signature", ""))
        except PermissionError as exc:
            code = "AccessDenied"
            return Response(f"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>{code}"
                            f"</Code><Message>{exc}</Message></Error>", status=403,
                            mimetype="application/xml")
        except (KeyError, ValueError):
            return Response("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>NoSuchKey"
                            "</Code><Message>The specified key does not exist.</Message></Error>",
                            status=404, mimetype="application/xml")
        return Response(data, mimetype="application/pdf")


def _json(body: Any, status: int = 200) -> Response:
    return Response(json.dumps(body), status=status, mimetype="application/json")


def _error(status: int, code: str, title: str, detail: str) -> Response:
    """One error in the Telnyx envelope (fax-api.md §1.5)."""
    return _json({"errors": [{"code": code, "title": title, "detail": detail}]}, status)


def _http_error(exc: HTTPException) -> Response:
    status = exc.code or 400
    return _error(status, "10015" if status < 500 else "10007", exc.name,
                  exc.description or exc.name)


def _json_body(request: Request) -> dict[str, Any]:
    raw = request.get_data(cache=True)
    if not raw.strip():
        return {}
    try:
        body = json.loads(raw)
    except (ValueError, RecursionError):  # RecursionError: nested deeper than Python can parse
        raise ApiProblem(400, "10015", "Bad Request", "The request body is not valid JSON",
                         pointer="/") from None
    if not isinstance(body, dict):
        raise ApiProblem(400, "10015", "Bad Request", "The request body must be a JSON object",
                         pointer="/")
    return body


def _page(request: Request) -> tuple[int, int]:
    out = []
    for name, default, top in (("page[number]", 1, None), ("page[size]", 20, 250)):
        raw = request.args.get(name)
        try:
            value = default if raw is None else int(raw)
        except ValueError:
            raise bad_param(name, f"{name} must be an integer") from None
        if value < 1 or (top is not None and value > top):
            raise bad_param(name, f"{name} must be at least 1"
                            + (f" and at most {top}" if top else ""))
        out.append(value)
    return out[0], out[1]


def _uuid(value: str) -> str:
    try:
        return str(uuid.UUID(value))
    except ValueError:
        raise not_found("fax") from None


def _fetch(url: str) -> bytes | None:
    """GET a loopback URL (never anything else); None when it is unreachable or not 200."""
    try:
        with httpx.Client(timeout=5.0, trust_env=False, verify=False) as client, \
                client.stream("GET", url) as response:
            if response.status_code != 200:
                return None
            chunks: list[bytes] = []
            size = 0
            for chunk in response.iter_bytes():
                chunks.append(chunk)
                size += len(chunk)
                if size >= FETCH_LIMIT:
                    break
            return b"".join(chunks)
    except httpx.HTTPError:
        return None
