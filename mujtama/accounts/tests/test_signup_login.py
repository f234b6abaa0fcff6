"""Sign-up, sign-in, rate limits and the second factor, with bad inputs in both languages."""

import re

import pytest
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value
from django.core import mail

from mujtama.accounts.models import Profile, User
from mujtama.accounts.tests.factories import PASSWORD, TOTP_SECRET

ARABIC = re.compile(r"[\u0600-\u06ff]")


def _errors(html: str) -> list[str]:
    return [
        re.sub(r"<[^>]+>", "", e).strip()
        for e in re.findall(r'<ul class="errorlist[^"]*"[^>]*>(.*?)</ul>', html, re.S)
    ]


GOOD = {
    "full_name": "سلمى يوسف",
    "email": "salma@example.sy",
    "password1": "Qasioun-Mountain-77",
    "password2": "Qasioun-Mountain-77",
}


@pytest.mark.django_db
def test_signup_page_is_arabic_and_right_to_left(client):
    html = client.get("/ar/accounts/signup/").content.decode()
    assert 'dir="rtl"' in html
    assert 'name="full_name"' in html
    assert 'name="email"' in html


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("changes", "field", "english"),
    [
        ({"email": "not-an-email"}, "email", "Enter a valid email address."),
        ({"password1": "Short-1", "password2": "Short-1"}, "password1", "too short"),
        ({"password1": "password1234", "password2": "password1234"}, "password1", "too common"),
        (
            {"password1": "739184620571", "password2": "739184620571"},
            "password1",
            "entirely numeric",
        ),
        ({"password2": "Something-Else-99"}, "password2", "same password"),
        ({"full_name": ""}, "full_name", "This field is required."),
        ({"full_name": "س"}, "full_name", "full name"),
    ],
)
@pytest.mark.parametrize("language", ["ar", "en"])
def test_malformed_signup_gets_a_clear_message_and_keeps_what_was_typed(
    client, changes, field, english, language
):
    data = {**GOOD, **changes}
    response = client.post(f"/{language}/accounts/signup/", data)
    assert response.status_code == 200
    html = response.content.decode()
    errors = " ".join(_errors(html))
    assert errors, html
    if language == "en":
        assert english.lower() in errors.lower()
    else:
        assert ARABIC.search(errors), errors
        assert english.lower() not in errors.lower()
    # Nothing typed is lost (passwords are never echoed back, by design).
    for kept in ("full_name", "email"):
        if data[kept]:
            assert f'value="{data[kept]}"' in html
    assert not User.objects.filter(email=GOOD["email"]).exists()


@pytest.mark.django_db
def test_an_existing_email_is_not_registered_twice(client, citizen):
    response = client.post("/ar/accounts/signup/", {**GOOD, "email": citizen.email.upper()})
    # Enumeration is prevented: the page looks like success, but no second account
    # exists and the owner is told by email.
    assert response.status_code in (200, 302)
    assert User.objects.filter(email__iexact=citizen.email).count() == 1


@pytest.mark.django_db
def test_signup_creates_the_account_with_a_profile_and_asks_to_verify_the_email(client):
    response = client.post("/ar/accounts/signup/", GOOD)
    assert response.status_code == 302
    user = User.objects.get(email="salma@example.sy")
    assert user.full_name == "سلمى يوسف"
    assert user.language == "ar"
    assert Profile.objects.filter(user=user).exists()
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["salma@example.sy"]
    # Not signed in until the address is confirmed.
    assert client.get("/ar/me/").status_code == 302


@pytest.mark.django_db
def test_signup_in_english_remembers_english(client):
    client.post("/en/accounts/signup/", GOOD)
    assert User.objects.get(email="salma@example.sy").language == "en"


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["ar", "en"])
def test_wrong_password_gets_a_clear_message(client, citizen, language):
    response = client.post(
        f"/{language}/accounts/login/", {"login": citizen.email, "password": "Wrong-Password-1"}
    )
    assert response.status_code == 200
    errors = " ".join(_errors(response.content.decode()))
    assert errors
    if language == "ar":
        assert ARABIC.search(errors)
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["ar", "en"])
def test_repeated_failed_logins_lock_the_account_for_a_while(client, citizen, language):
    url = f"/{language}/accounts/login/"
    for attempt in range(5):
        client.post(url, {"login": citizen.email, "password": f"Wrong-{attempt}-password"})
    # Even the right password is refused now, with a message saying why.
    response = client.post(url, {"login": citizen.email, "password": PASSWORD})
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session
    errors = " ".join(_errors(response.content.decode()))
    if language == "ar":
        assert ARABIC.search(errors), errors
    else:
        assert "too many" in errors.lower()


@pytest.mark.django_db
def test_login_posts_from_one_address_are_rate_limited(client, citizen):
    statuses = {
        client.post(
            "/ar/accounts/login/", {"login": f"x{i}@example.sy", "password": "Wrong-1-password"}
        ).status_code
        for i in range(35)
    }
    assert 429 in statuses
    response = client.post("/ar/accounts/login/", {"login": citizen.email, "password": PASSWORD})
    assert response.status_code == 429
    assert 'dir="rtl"' in response.content.decode()


@pytest.mark.django_db
def test_citizen_signs_in_with_password(client, citizen):
    response = client.post("/ar/accounts/login/", {"login": citizen.email, "password": PASSWORD})
    assert response.status_code == 302
    assert client.get("/ar/me/").status_code == 200


def _code(offset: int = 0) -> str:
    import time

    return format_hotp_value(hotp_value(TOTP_SECRET, int(time.time()) // 30 + offset))


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["ar", "en"])
def test_staff_sign_in_asks_for_the_second_factor_and_refuses_a_wrong_code(
    client, moct_officer, language
):
    response = client.post(
        f"/{language}/accounts/login/", {"login": moct_officer.email, "password": PASSWORD}
    )
    assert response.status_code == 302
    assert "/2fa/authenticate/" in response["Location"]
    assert "_auth_user_id" not in client.session

    wrong = "000000" if _code() != "000000" else "111111"
    response = client.post(response["Location"], {"code": wrong})
    assert response.status_code == 200
    errors = " ".join(_errors(response.content.decode()))
    assert errors
    if language == "ar":
        assert ARABIC.search(errors)
    else:
        assert "incorrect" in errors.lower() or "invalid" in errors.lower()
    assert "_auth_user_id" not in client.session

    response = client.post(f"/{language}/accounts/2fa/authenticate/", {"code": _code()})
    assert response.status_code == 302
    assert client.get(f"/{language}/staff/").status_code == 200


@pytest.mark.django_db
def test_malformed_second_factor_input_is_an_error_not_a_crash(client, moct_officer):
    client.post("/ar/accounts/login/", {"login": moct_officer.email, "password": PASSWORD})
    for bad in ["", "abc", "1" * 300, "١٢٣٤٥٦"]:
        response = client.post("/ar/accounts/2fa/authenticate/", {"code": bad})
        assert response.status_code == 200
        assert _errors(response.content.decode())


@pytest.mark.django_db
def test_password_reset_sends_a_link_and_the_new_password_works(client, citizen):
    response = client.post("/ar/accounts/password/reset/", {"email": citizen.email})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    link = re.search(r"http://\S+/accounts/password/reset/key/\S+", mail.outbox[0].body).group(0)
    path = link.split("testserver", 1)[-1]
    response = client.get(path, follow=True)
    form_url = response.redirect_chain[-1][0] if response.redirect_chain else path
    response = client.post(
        form_url, {"password1": "Ugarit-Alphabet-1400", "password2": "Ugarit-Alphabet-1400"}
    )
    assert response.status_code == 302
    citizen.refresh_from_db()
    assert citizen.check_password("Ugarit-Alphabet-1400")


@pytest.mark.django_db
def test_password_reset_for_an_unknown_address_reveals_nothing(client):
    response = client.post("/ar/accounts/password/reset/", {"email": "nobody@example.sy"})
    assert response.status_code == 302
    assert all("/password/reset/key/" not in m.body for m in mail.outbox)


@pytest.mark.django_db
def test_sign_out_needs_a_post(client, citizen):
    client.force_login(citizen)
    client.post("/ar/accounts/logout/")
    assert "_auth_user_id" not in client.session
