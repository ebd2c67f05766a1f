"""Which paper a country uses: US Letter in the Americas' letter countries, A4 everywhere else."""

from __future__ import annotations

from .pages import Paper

LETTER_COUNTRIES = frozenset({"US", "CA", "MX", "PH", "CL", "CO", "VE", "GT", "CR", "PR"})


def paper_for_country(region: str) -> Paper:
    """"letter" or "a4" for a two-letter country code (the settings' default country)."""
    return "letter" if region.upper() in LETTER_COUNTRIES else "a4"
