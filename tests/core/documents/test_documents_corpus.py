"""Files as real programs and real disks make them: padded PDFs, 16-bit TIFFs, AES encryption
with an empty owner password, pipes and other things that are not documents.

Each refusal is said in words (no Python names, no errno) and carries a refusal kind.
"""

from __future__ import annotations

import io
import itertools
import json
import os
import socket
import struct
import subprocess
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pypdfium2 as pdfium
import pytest
from PIL import Image, ImageStat
from pypdf import PasswordType, PdfReader, PdfWriter

from faxdesk.core.documents import (
    DamagedDocumentError,
    DocumentError,
    EmptyDocumentError,
    PasswordProtectedError,
    UnreadableFileError,
    UnsupportedFileError,
    build_fax_document,
    document_pdf_bytes,
    inspect_document,
    merge_documents,
    render_page,
)
from faxdesk.core.documents.intake import image_to_pdf_bytes
from faxdesk.core.documents.pdfium_lock import close_bitmap

from .conftest import page_texts, text_pdf

ROOT = Path(__file__).resolve().parents[3]


def _words_only(error: DocumentError) -> None:
    """What a person reads: no exception class names, no errno names, no traceback."""
    text = str(error)
    for leak in ("Error", "Exception", "errno", "Errno", "Traceback", "pypdf", "PIL"):
        assert leak not in text, text


# -- PDFs with bytes after %%EOF ------------------------------------------------------------


@pytest.mark.parametrize(
    "padding",
    [b"\0" * 20_000, b" " * 20_000, b"\r\n" * 10_000, os.urandom(20_000)],
    ids=["nul", "spaces", "newlines", "random"],
)
def test_pdf_with_20_kb_after_eof_is_accepted(tmp_path: Path, padding: bytes) -> None:
    data = text_pdf(tmp_path / "plain.pdf", ["PADDED-1", "PADDED-2"]).read_bytes()
    path = tmp_path / "padded.pdf"
    path.write_bytes(data + padding)
    info = inspect_document(path)
    assert info.page_count == 2
    merged = merge_documents([path], tmp_path / "merged.pdf")
    assert page_texts(merged.path) == ["PADDED-1", "PADDED-2"]
    assert render_page(path, 1, 80).convert("L").getextrema()[0] < 100  # the text shows


def test_pdf_cut_after_its_last_startxref_is_still_damaged(tmp_path: Path) -> None:
    # An earlier %%EOF (as in a linearized or updated file) does not hide a missing end.
    data = text_pdf(tmp_path / "plain.pdf", ["A"]).read_bytes()
    head, _, _ = data.rpartition(b"%%EOF")
    path = tmp_path / "cut.pdf"
    path.write_bytes(data + b"\n" + head[-200:].replace(b"%%EOF", b""))
    assert path.read_bytes().rfind(b"startxref") > path.read_bytes().rfind(b"%%EOF")
    with pytest.raises(DamagedDocumentError) as exc:
        inspect_document(path)
    assert "ends early" in str(exc.value) and exc.value.refusal == "damaged"


# -- 16-bit images --------------------------------------------------------------------------


def _sixteen_bit_tiff(path: Path, *, big_endian: bool) -> Path:
    """A 12-bit ramp (0 at the left to 4095 at the right) in 16-bit samples."""
    w, h = 400, 300
    values = [x * 4095 // (w - 1) for _ in range(h) for x in range(w)]
    mode, fmt = ("I;16B", ">") if big_endian else ("I;16", "<")
    Image.frombytes(mode, (w, h), struct.pack(f"{fmt}{len(values)}H", *values)).save(
        path, dpi=(100, 100)
    )
    return path


@pytest.mark.parametrize("big_endian", [True, False], ids=["big-endian", "little-endian"])
@pytest.mark.parametrize("quality", ["high", "very_high"])
def test_16_bit_tiff_keeps_its_ramp(tmp_path: Path, big_endian: bool, quality: str) -> None:
    path = _sixteen_bit_tiff(tmp_path / "ramp16.tif", big_endian=big_endian)
    assert path.read_bytes()[:2] == (b"MM" if big_endian else b"II")
    assert Image.open(path).mode == ("I;16B" if big_endian else "I;16")
    info = inspect_document(path)
    assert info.kind == "tiff" and info.page_count == 1
    page = _rendered_image_area(image_to_pdf_bytes(path, quality=quality), info)
    strip = page.resize((8, 1), Image.Resampling.BOX).get_flattened_data()
    # Dark on the left, light on the right, rising all the way.
    assert strip[0] < 40 and strip[-1] > 215, strip
    assert all(a < b for a, b in itertools.pairwise(strip)), strip


def test_pillows_12in16bit_tif_is_not_black(tmp_path: Path) -> None:
    source = ROOT / "tests/core/documents/fixtures/12in16bit.tif"
    original = Image.open(source)
    assert original.mode.startswith("I;16")
    _, high = original.convert("I").getextrema()
    assert high <= 64  # 12-bit values in 16-bit samples, and dark ones: /256 would be all black
    for quality in ("high", "very_high"):
        info = inspect_document(source, quality=quality)
        page = _rendered_image_area(image_to_pdf_bytes(source, quality=quality), info)
        stats = ImageStat.Stat(page)
        # Divided by 256 it would be black (mean 0); stretched it shows its speckle.
        assert stats.mean[0] > 15 and stats.stddev[0] > 15 and page.getextrema()[1] > 120
        # The same picture: the embedded image follows the source stretched over its range.
        embedded = _embedded_image(image_to_pdf_bytes(source, quality=quality))
        stretched = original.convert("I").point(lambda v: v * 255 / high).convert("L")
        stretched = stretched.resize(embedded.size, Image.Resampling.LANCZOS)
        assert _correlation(embedded, stretched) > 0.9
    thumb = render_page(source, 0, 160).convert("L")
    middle = thumb.crop((thumb.width // 2 - 8, thumb.height // 2 - 8,
                         thumb.width // 2 + 8, thumb.height // 2 + 8))
    assert 8 < ImageStat.Stat(middle).mean[0] < 60  # the dark speckle, neither black nor paper


def _embedded_image(pdf: bytes) -> Image.Image:
    [image] = PdfReader(io.BytesIO(pdf)).pages[0].images
    return image.image.convert("L")  # type: ignore[union-attr]


def _correlation(a: Image.Image, b: Image.Image) -> float:
    xs, ys = list(a.get_flattened_data()), list(b.get_flattened_data())
    n = len(xs)
    mx, my = sum(xs) / n, sum(ys) / n
    cov = sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True))
    vx = sum((x - mx) ** 2 for x in xs)
    vy = sum((y - my) ** 2 for y in ys)
    return float(cov / (vx * vy) ** 0.5)


def _rendered_image_area(pdf: bytes, info: Any) -> Image.Image:
    """The first page rendered at 72 dpi, cropped to the drawn image (grey)."""
    document = pdfium.PdfDocument(pdf)
    try:
        page = document[0]
        bitmap = page.render(scale=2.0)
        image = bitmap.to_pil().convert("L")
        close_bitmap(bitmap)
        page.close()
    finally:
        document.close()
    # The image is centred; find its box as everything that is not the white paper margin.
    inverted = image.point(lambda v: 255 if v < 250 else 0)
    box = inverted.getbbox()
    assert box is not None, "the page is blank"
    assert info.pages[0].width_pt * 2 == pytest.approx(image.width, abs=1)
    return image.crop(box)


# -- AES-256 PDFs with a user password and an empty owner password -------------------------


@pytest.mark.parametrize("algorithm", ["AES-256-R5", "AES-256"], ids=["R5", "R6"])
def test_user_password_with_empty_owner_password_is_password_protected(
    tmp_path: Path, algorithm: str
) -> None:
    writer = PdfWriter(clone_from=text_pdf(tmp_path / "plain.pdf", ["LOCKED"]))
    # U+00AD (soft hyphen) is mapped to nothing by SASLprep: the owner password is empty.
    writer.encrypt(user_password="letmein", owner_password="\u00ad", algorithm=algorithm)
    path = tmp_path / "locked.pdf"
    writer.write(path)
    reader = PdfReader(path)
    assert reader.decrypt("") == PasswordType.OWNER_PASSWORD  # what the fixture claims
    with pytest.raises(PasswordProtectedError) as exc:
        inspect_document(path)
    assert exc.value.refusal == "password"
    assert '"locked.pdf": the PDF is protected with a password' in str(exc.value)
    with pytest.raises(PasswordProtectedError):
        render_page(path, 0)
    _words_only(exc.value)


# -- what is not a document file ---------------------------------------------------------------


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are a POSIX feature")
def test_named_pipe_is_refused_without_waiting(tmp_path: Path) -> None:
    pipe = tmp_path / "fax.pdf"
    os.mkfifo(pipe)
    outcome: list[BaseException | object] = []
    worker = threading.Thread(target=lambda: outcome.append(_capture(inspect_document, pipe)))
    worker.start()
    worker.join(timeout=20)
    if worker.is_alive():  # opened for reading: let it go, then fail
        with pipe.open("wb"):
            pass
        worker.join()
        pytest.fail("intake waited on the named pipe")
    [error] = outcome
    assert isinstance(error, UnreadableFileError)
    assert error.refusal == "not_a_file"
    assert str(error) == (
        '"fax.pdf": this is a named pipe, not a document file. Save the document as a PDF, '
        "PNG, JPEG or TIFF file and add that file."
    )


@pytest.mark.skipif(not hasattr(socket, "AF_UNIX"), reason="Unix sockets are a POSIX feature")
def test_socket_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "s.pdf"
    with socket.socket(socket.AF_UNIX) as sock:
        sock.bind(str(path))
        with pytest.raises(UnreadableFileError) as exc:
            inspect_document(path)
    assert exc.value.refusal == "not_a_file" and "a socket, not a document file" in str(exc.value)


@pytest.mark.skipif(not Path("/dev/null").exists(), reason="needs /dev/null")
def test_device_is_refused() -> None:
    with pytest.raises(UnreadableFileError) as exc:
        inspect_document("/dev/null")
    assert exc.value.refusal == "not_a_file" and "a device, not a document file" in str(exc.value)


def test_every_refusal_has_a_kind_and_words(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "Scans"
    folder.mkdir()
    empty = tmp_path / "zero.pdf"
    empty.write_bytes(b"")
    locked = text_pdf(tmp_path / "locked.pdf", ["X"])
    notes = tmp_path / "notes.txt"
    notes.write_text("hello")
    no_pages = tmp_path / "nopages.pdf"
    PdfWriter().write(no_pages)
    cut = tmp_path / "cut.pdf"
    cut.write_bytes(locked.read_bytes()[:300])

    real_open = Path.open

    def refuse(self: Path, *a: Any, **k: Any) -> Any:
        if self == locked:
            raise PermissionError(13, "Permission denied", str(self))
        return real_open(self, *a, **k)

    # Root reads anything, so the OS refusal is simulated (test_no_permission tries chmod).
    monkeypatch.setattr(Path, "open", refuse)
    cases: list[tuple[Path, type[DocumentError], str, str]] = [
        (tmp_path / "gone.pdf", UnreadableFileError, "missing", "does not exist"),
        (tmp_path / "gone" / "deeper.pdf", UnreadableFileError, "missing", "does not exist"),
        (folder, UnreadableFileError, "folder", "this is a folder, not a file"),
        (empty, DamagedDocumentError, "empty_file", "the file is empty (0 bytes)"),
        (locked, UnreadableFileError, "no_permission", "you do not have permission"),
        (notes, UnsupportedFileError, "unsupported", "not a PDF, PNG, JPEG or TIFF"),
        (no_pages, EmptyDocumentError, "no_pages", "has no pages"),
        (cut, DamagedDocumentError, "damaged", "ends early"),
    ]
    for path, cls, refusal, words in cases:
        with pytest.raises(cls) as exc:
            inspect_document(path)
        assert exc.value.refusal == refusal, path
        assert words in str(exc.value), str(exc.value)
        assert str(exc.value).startswith(f'"{path.name}": ')
        _words_only(exc.value)


def test_unreadable_disk_error_says_what_the_os_said(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = text_pdf(tmp_path / "share.pdf", ["X"])
    real_read = Path.read_bytes

    def broken(self: Path) -> bytes:
        if self == path:
            raise OSError(5, "Input/output error", str(self))
        return real_read(self)

    monkeypatch.setattr(Path, "read_bytes", broken)
    with pytest.raises(UnreadableFileError) as exc:
        inspect_document(path)
    assert exc.value.refusal == "unreadable"
    assert "the file cannot be read (Input/output error)" in str(exc.value)
    _words_only(exc.value)


def _capture(fn: Callable[..., object], *args: object) -> BaseException | object:
    try:
        return fn(*args)
    except BaseException as exc:
        return exc


# -- AES without the cryptography package --------------------------------------------------

_WITHOUT_CRYPTOGRAPHY = r"""
import json, sys
# What a machine without `cryptography` (nor pycryptodome) gives pypdf: its fallback, which
# raises DependencyError for AES.
sys.modules["cryptography"] = None
sys.modules["Crypto"] = None
from pypdf._crypt_providers import crypt_provider
assert crypt_provider[0] == "local_crypt_fallback", crypt_provider
from faxdesk.core.documents import DocumentError, inspect_document, merge_documents
out = {}
for name in sys.argv[2:]:
    try:
        inspect_document(name)
        merge_documents([name], sys.argv[1])
        out[name] = ["ok", "", ""]
    except DocumentError as exc:
        out[name] = [type(exc).__name__, exc.refusal, str(exc)]
print(json.dumps(out))
"""


def test_aes_pdfs_without_cryptography_are_refused_in_words(tmp_path: Path) -> None:
    plain = text_pdf(tmp_path / "plain.pdf", ["AES"])
    files = []
    for algorithm in ("AES-128", "AES-256"):
        writer = PdfWriter(clone_from=plain)
        # Restricts editing only: opens without a password where AES can be decrypted.
        writer.encrypt(user_password="", owner_password="owner", algorithm=algorithm)
        path = tmp_path / f"{algorithm}.pdf"
        writer.write(path)
        assert inspect_document(path).page_count == 1  # here, with cryptography
        files.append(str(path))
    run = subprocess.run(
        [sys.executable, "-c", _WITHOUT_CRYPTOGRAPHY, str(tmp_path / "out.pdf"), *files],
        capture_output=True, text=True, timeout=120, cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert run.returncode == 0, run.stderr
    assert "Traceback" not in run.stderr
    results = json.loads(run.stdout)
    for name in files:
        cls, refusal, message = results[name]
        assert (cls, refusal) == ("UnsupportedFileError", "encryption_unsupported"), message
        assert "encrypted in a way FaxDesk cannot open on this computer" in message
        assert "print it to a new PDF" in message


def test_cryptography_is_a_declared_dependency() -> None:
    import tomllib

    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    assert any(dep.startswith("cryptography") for dep in project["dependencies"])


def test_owner_only_aes_pdf_merges_decrypted(tmp_path: Path) -> None:
    writer = PdfWriter(clone_from=text_pdf(tmp_path / "plain.pdf", ["AES-OWNER"]))
    writer.encrypt(user_password="", owner_password="owner", algorithm="AES-256")
    path = tmp_path / "no-edit.pdf"
    writer.write(path)
    built = build_fax_document([path], None, tmp_path / "fax.pdf")
    assert not PdfReader(built.path).is_encrypted
    assert page_texts(built.path) == ["AES-OWNER"]
    assert document_pdf_bytes(path) == path.read_bytes()
