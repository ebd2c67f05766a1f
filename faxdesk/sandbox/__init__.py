"""A stateful local emulator of the Telnyx v2 fax API (no Qt). See docs/sandbox.md.

Start it with `faxdesk.sandbox.server.SandboxServer`.
"""
