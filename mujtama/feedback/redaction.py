"""Removing what identifies a person from a feedback text before it is shown as an
example of a need: email addresses, phone numbers, long numbers (national ID, card
and account numbers) and names introduced as names ("اسمي …", "الاسم: …", "my name is …")."""

import re

EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.UNICODE)
# Seven or more digits (ASCII or Arabic-Indic), possibly split by spaces, dashes or
# dots, with an optional leading + or 00: phone, national ID, card or account numbers.
NUMBER = re.compile(r"(?<![\w])\+?[0-9٠-٩](?:[\s\-.]?[0-9٠-٩]){6,}(?![\w])")
# A name announced as a name: the two words after the marker.
NAME = re.compile(
    r"(?<![\w])(?P<marker>(?:(?:انا|أنا)\s+)?(?:اسمي|إسمي|أسمي|my name is|(?:الاسم|الإسم|name)\s*[:：])\s*)"
    r"(?P<name>[^\s,.،؛!?:]+(?:\s+[^\s,.،؛!?:]+)?)",
    re.IGNORECASE,
)
HIDDEN = "…"


def redact(text: str) -> str:
    text = EMAIL.sub(HIDDEN, text)
    text = NUMBER.sub(HIDDEN, text)
    return NAME.sub(lambda match: match.group("marker") + HIDDEN, text)
