"""A keyring backend for benchmark subprocesses: the API key comes from FAXDESK_BENCH_KEY.

FaxDesk reads its key through `keyring`; benchmarks select this backend with
PYTHON_KEYRING_BACKEND=env_keyring.EnvKeyring so the app starts on its real account path
(settings, key, engine) without a desktop keyring. Nothing is ever written.
"""

from __future__ import annotations

import os

from keyring.backend import KeyringBackend
from keyring.errors import PasswordSetError


class EnvKeyring(KeyringBackend):
    priority = 1

    def get_password(self, service: str, username: str) -> str | None:
        return os.environ.get("FAXDESK_BENCH_KEY")

    def set_password(self, service: str, username: str, password: str) -> None:
        raise PasswordSetError("the benchmark keyring is read-only")

    def delete_password(self, service: str, username: str) -> None:
        raise PasswordSetError("the benchmark keyring is read-only")
