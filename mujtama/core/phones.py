"""Phone numbers as people type them: with spaces, dashes, brackets, a leading 00 or
+, Arabic-Indic digits, or the national 09… form of Syrian mobile numbers."""

import re

from mujtama.core.arabic import normalize_ar

PHONE = re.compile(r"^\+?[0-9]{8,15}$")


def normalize_phone(typed: str) -> str | None:
    """A phone number as digits with an optional leading +, Syrian mobile numbers
    written nationally (09…) turned international (+9639…); None if it is not one."""
    digits = normalize_ar(typed).replace(" ", "")
    digits = re.sub(r"[\s\-().]", "", digits)
    if digits.startswith("00"):
        digits = "+" + digits[2:]
    if re.fullmatch(r"09[0-9]{8}", digits):
        digits = "+963" + digits[1:]
    return digits if PHONE.match(digits) else None
