"""Desktop-platform integration without Qt (notifications over D-Bus)."""
