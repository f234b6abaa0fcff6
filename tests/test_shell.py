"""The Arabic-first shell: languages, directions, the switcher, error pages, health."""

import logging
import re

import pytest
from django.db import OperationalError
from django.test import override_settings
from django.urls import path

from mujtama.core.policies import PUBLIC, route_policy

pytestmark = pytest.mark.django_db
ARABIC = re.compile(r"[\u0600-\u06ff]{3,}")


def test_root_redirects_to_arabic_by_default(client):
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"] == "/ar/"


def test_the_browser_language_is_not_taken_as_a_choice(client):
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")["Location"] == "/ar/"


def test_root_follows_the_language_the_person_chose(client):
    client.cookies["mujtama_language"] = "en"
    assert client.get("/")["Location"] == "/en/"


def test_arabic_home_is_right_to_left_and_explains_the_platform(client):
    html = client.get("/ar/").content.decode()
    assert '<html lang="ar" dir="rtl">' in html
    assert "مجتمع ذكاء" in html
    # Who may join, and where the criteria will be published.
    assert 'id="join"' in html
    assert "الجمعيات" in html or "جمعيات" in html
    assert "دمشق" in html and "القنيطرة" in html


def test_english_home_is_left_to_right_and_complete(client):
    html = client.get("/en/").content.decode()
    assert '<html lang="en" dir="ltr">' in html
    assert "Mujtama Thakaa" in html
    assert "Who may join" in html
    assert "Damascus" in html and "Quneitra" in html
    # Nothing of the page chrome is left in Arabic, except the link to Arabic itself
    # and the brand mark.
    visible = re.sub(r"<[^>]+>", " ", html)
    leftovers = [w for w in ARABIC.findall(visible) if w not in {"العربية"}]
    assert leftovers == []


def test_the_language_switch_keeps_the_page(client, citizen):
    client.force_login(citizen)
    response = client.post("/ar/language/", {"language": "en", "next": "/ar/me/"})
    assert response.status_code == 302
    assert response["Location"] == "/en/me/"
    assert client.cookies["mujtama_language"].value == "en"
    citizen.refresh_from_db()
    assert citizen.language == "en"  # notifications follow the choice


@pytest.mark.parametrize("next_url", ["https://evil.example/", "//evil.example/x", ""])
def test_the_language_switch_never_leaves_the_site(client, next_url):
    response = client.post("/ar/language/", {"language": "en", "next": next_url})
    assert response.status_code == 302
    assert not response["Location"].startswith(("http", "//"))


def test_an_unknown_language_changes_nothing(client):
    response = client.post("/ar/language/", {"language": "fr", "next": "/ar/"})
    assert response["Location"] == "/ar/"
    assert "mujtama_language" not in response.cookies


def test_the_switch_is_a_plain_form_that_works_without_javascript(client):
    html = client.get("/ar/").content.decode()
    form = re.search(r'<form[^>]*action="/ar/language/"[^>]*>.*?</form>', html, re.S).group(0)
    assert 'method="post"' in form
    assert 'name="language" value="en"' in form


def test_the_shell_has_landmarks_and_a_skip_link(client):
    html = client.get("/ar/").content.decode()
    assert 'class="skip-link" href="#main"' in html
    for landmark in ("<header", "<nav", '<main id="main"', "<footer"):
        assert landmark in html


@pytest.mark.parametrize("language", ["ar", "en"])
def test_not_found_page_in_each_language(client, language):
    response = client.get(f"/{language}/no-such-page/")
    assert response.status_code == 404
    html = response.content.decode()
    assert f'lang="{language}"' in html
    if language == "ar":
        assert ARABIC.search(re.sub(r"<[^>]+>", " ", html))
    else:
        assert "Page not found" in html


def test_unprefixed_paths_go_to_the_language_version(client):
    assert client.get("/me/")["Location"] == "/ar/me/"


def test_api_errors_follow_accept_language(client):
    # The API has no language prefix: it answers in the language of Accept-Language.
    en = client.post("/api/v1/governorates/", HTTP_ACCEPT_LANGUAGE="en")
    ar = client.post("/api/v1/governorates/", HTTP_ACCEPT_LANGUAGE="ar")
    assert en.status_code == ar.status_code == 405
    assert "not allowed" in en.json()["detail"]
    assert ARABIC.search(ar.json()["detail"])
    missing = client.get("/api/v1/no-such/", HTTP_ACCEPT_LANGUAGE="en")
    assert missing.status_code == 404
    assert missing.json()["detail"] == "Not found."


@route_policy(PUBLIC)
def broken_view(request):
    raise RuntimeError("kaboom")


urlpatterns = [path("broken/", broken_view)]
handler500 = "mujtama.core.views.server_error"


@override_settings(ROOT_URLCONF=__name__, DEBUG=False)
def test_server_error_page_shows_the_request_id_that_is_in_the_log(caplog):
    from django.test import Client

    client = Client(raise_request_exception=False)
    with caplog.at_level(logging.ERROR, logger="django.request"):
        response = client.get("/broken/")
    assert response.status_code == 500
    request_id = response["X-Request-ID"]
    html = response.content.decode()
    assert f'id="request-id">{request_id}<' in html
    logged = [r for r in caplog.records if r.name == "django.request"]
    assert logged
    assert logged[0].request_id == request_id


def test_healthz_is_ok_when_the_database_answers(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json()["status"] == "ok"


def test_healthz_is_503_when_the_database_does_not_answer(client, monkeypatch):
    from mujtama.core import views

    class DeadConnection:
        def cursor(self):
            raise OperationalError("connection refused")

    monkeypatch.setattr(views, "connection", DeadConnection())
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["database"] == "down"


def test_every_response_carries_a_request_id(client):
    first = client.get("/ar/")["X-Request-ID"]
    second = client.get("/ar/")["X-Request-ID"]
    assert first and second and first != second


def test_a_request_id_from_an_untrusted_client_is_not_kept(client):
    response = client.get("/ar/", HTTP_X_REQUEST_ID="forged-id-12345678")
    assert response["X-Request-ID"] != "forged-id-12345678"


@override_settings(TRUSTED_PROXY_COUNT=1)
def test_a_request_id_from_the_trusted_proxy_is_kept(client):
    response = client.get("/ar/", HTTP_X_REQUEST_ID="proxy-id-12345678")
    assert response["X-Request-ID"] == "proxy-id-12345678"


def test_api_schema_is_openapi_3(client):
    response = client.get("/api/schema/", HTTP_ACCEPT="application/json")
    assert response.status_code == 200
    schema = response.json() if response["Content-Type"].startswith("application/json") else None
    if schema is None:
        import yaml

        schema = yaml.safe_load(response.content)
    assert schema["openapi"].startswith("3.")
    assert "/api/v1/governorates/" in schema["paths"]


def test_api_schema_generates_without_warnings_and_validates(tmp_path):
    """Unnamed enum collisions and unresolvable serializers show up as warnings: the
    schema integrations generate clients from stays clean."""
    from django.core.management import call_command

    call_command(
        "spectacular",
        "--api-version=v1",
        "--urlconf=config.api_urls",
        "--validate",
        "--fail-on-warn",
        f"--file={tmp_path / 'schema.yml'}",
    )
    assert "/api/v1/calls/" in (tmp_path / "schema.yml").read_text()
