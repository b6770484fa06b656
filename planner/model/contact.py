"""Is an applicant's e-mail address or phone number one a reader could use?

Deliberately lenient where people write numbers their own way (spaces, hyphens, brackets, a
+86, an extension), strict where a typo makes the address useless ("liming@example" has no
domain, "138 0013 800" lacks a digit). One rule for validate and the applicants sheet.
"""

from __future__ import annotations

import re

# Patterns as text, compiled on first use (re caches them): a blank start checks no address.
# An e-mail: one @, no spaces, a domain with at least one dot and no empty label.
_EMAIL = r"[^\s@]+@[^\s@.]+(?:\.[^\s@.]+)+"
_PHONE_CHARS = r"[\d\s\-()+（）]+"
_EXTENSION = r"(?i)\s*(?:转|分机|ext\.?|x)\s*\d{1,6}$"


def email_problem(text: str) -> str:
    """Why `text` is not an e-mail address; "" when it is one (or is empty)."""
    text = text.strip()
    if not text or re.fullmatch(_EMAIL, text):
        return ""
    if "＠" in text:
        return f"'{text}' is not an e-mail address: it has a full-width ＠"
    return f"'{text}' is not an e-mail address"


def phone_problem(text: str) -> str:
    """Why `text` is not a phone number; "" when it is one (or is empty)."""
    text = text.strip()
    if not text:
        return ""
    number = re.sub(_EXTENSION, "", text)
    digits = re.sub(r"\D", "", number)
    if not re.fullmatch(_PHONE_CHARS, number) or not 7 <= len(digits) <= 15:
        return f"'{text}' is not a phone number"
    if number.lstrip().startswith("1") and len(digits) != 11:
        # a number starting with 1 and no area code: a Chinese mobile number, 11 digits
        return f"'{text}' is not a phone number: a mobile number has 11 digits"
    return ""
