"""Arabic is complete: every string translated, placeholders intact, pages free of
leftover English."""

import re
from pathlib import Path

import polib
import pytest
from django.conf import settings

PO = Path(settings.BASE_DIR) / "locale" / "ar" / "LC_MESSAGES" / "django.po"
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|%[sd]|\{\{[^}]+\}\}")
LATIN_WORD = re.compile(r"\b[A-Za-z]{3,}\b")


def test_every_arabic_message_is_translated():
    catalogue = polib.pofile(str(PO))
    assert [e.msgid for e in catalogue.untranslated_entries()] == []
    assert [e.msgid for e in catalogue.fuzzy_entries()] == []


def test_translations_keep_their_placeholders():
    for entry in polib.pofile(str(PO)).translated_entries():
        if entry.msgid_plural:
            wanted = set(PLACEHOLDER.findall(entry.msgid_plural))
            forms = entry.msgstr_plural
            assert len(forms) == 6, entry.msgid
            for index, form in forms.items():
                found = set(PLACEHOLDER.findall(form))
                # Arabic may say "one", "two" in words (forms 0-2); 3+ need the number.
                assert found <= wanted, (entry.msgid, index)
                if index >= 3:
                    assert found == wanted, (entry.msgid, index)
            continue
        assert sorted(PLACEHOLDER.findall(entry.msgid)) == sorted(
            PLACEHOLDER.findall(entry.msgstr)
        ), entry.msgid


# Latin words that may appear on an Arabic page: the switch to English, codes and
# technical names.
ALLOWED = {"English", "API", "TOTP", "ISO", "SMS", "code", "UTC"}  # "code": of "P-code"
ALLOWED |= {
    "CSV",
    "XLSX",
    "HXL",
    "PDF",
    "QR",
    "UTF",
    "Excel",
    "LibreOffice",
}  # file formats, programs
ALLOWED |= {"hxlstandard", "org"}  # hxlstandard.org


def _visible_text(html: str) -> str:
    html = re.sub(r"<(script|style)[^>]*>.*?</\1>", " ", html, flags=re.S)
    html = re.sub(r'<[^>]+(?:dir="ltr"|lang="en")[^>]*>.*?</[^>]+>', " ", html, flags=re.S)
    return re.sub(r"<[^>]+>", " ", html)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("url", "persona_name"),
    [
        ("/ar/", "anonymous"),
        ("/ar/accounts/login/", "anonymous"),
        ("/ar/accounts/signup/", "anonymous"),
        ("/ar/accounts/password/reset/", "anonymous"),
        ("/ar/me/", "citizen"),
        ("/ar/me/target-groups/", "citizen"),
        ("/ar/inbox/", "citizen"),
        ("/ar/staff/", "platform_admin"),
        ("/ar/staff/people/", "platform_admin"),
        ("/ar/staff/audit/", "platform_admin"),
        ("/ar/staff/geo/", "moct_officer"),
        ("/ar/staff/geo/SY09/", "moct_officer"),
        ("/ar/staff/target-groups/", "mosal_officer"),
        ("/ar/staff/target-groups/criteria/new/", "mosal_officer"),
        ("/ar/initiatives/", "anonymous"),
        ("/ar/volunteer/", "anonymous"),
        ("/ar/exports/public/", "anonymous"),
        ("/ar/my/initiatives/volunteering/", "citizen"),
        ("/ar/training/", "anonymous"),
        ("/ar/training/providers/", "anonymous"),
        ("/ar/my/training/", "citizen"),
        ("/ar/no-such-page/", "anonymous"),
    ],
)
def test_arabic_pages_have_no_leftover_english(client, persona, url, persona_name):
    user = persona(persona_name)
    if user:
        client.force_login(user)
    response = client.get(url)
    assert response.status_code in (200, 404)
    leftovers = set(LATIN_WORD.findall(_visible_text(response.content.decode()))) - ALLOWED
    assert leftovers == set(), f"{url}: {sorted(leftovers)}"
