from __future__ import annotations

from faxdesk.core.engine import EngineConfig
from faxdesk.core.settings import Settings


def test_engine_config_follows_the_user_settings() -> None:
    cfg = EngineConfig.from_settings(Settings(poll_fast_secs=3, poll_slow_secs=90,
                                              auto_retry_enabled=True, auto_retry_max=2,
                                              auto_retry_delay_secs=60,
                                              webhook_listener_enabled=True,
                                              webhook_public_key="k", webhook_port=9000))
    assert (cfg.sync.fast_interval, cfg.sync.slow_interval) == (3, 90)
    assert (cfg.outbox.auto_retry, cfg.outbox.max_attempts, cfg.outbox.retry_delay) == (
        True, 3, 60)
    assert (cfg.webhook_enabled, cfg.webhook_public_key, cfg.webhook_port) == (True, "k", 9000)
