"""Telnyx's limits on one fax, in pages and bytes. limits.py checks documents against them."""

MAX_PAGES = 350
MAX_FAX_BYTES = 50_000_000  # SendFax: larger fails with file_size_limit_exceeded
MAX_UPLOAD_BYTES = 20_000_000  # /v2/media upload and the multipart `contents` part
