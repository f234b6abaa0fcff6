import gzip
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.staticfiles import finders

pytestmark = pytest.mark.django_db
BASE = Path(settings.BASE_DIR)


def test_content_security_policy_has_nonces_and_no_unsafe_inline(client):
    response = client.get("/ar/")
    policy = response["Content-Security-Policy"]
    assert "'unsafe-inline'" not in policy
    assert "'unsafe-eval'" not in policy
    # A nonce is only minted for pages that carry a script (see the next test).
    assert "script-src 'self'" in policy
    assert "frame-ancestors 'none'" in policy
    assert "object-src 'none'" in policy


def test_pages_with_scripts_carry_the_nonce_of_their_policy(client, moct_officer):
    client.force_login(moct_officer)
    response = client.get("/ar/staff/geo/SY09/")
    nonce = re.search(r"'nonce-([^']+)'", response["Content-Security-Policy"]).group(1)
    html = response.content.decode()
    scripts = re.findall(r"<script[^>]*>", html)
    assert scripts
    assert all(f'nonce="{nonce}"' in tag for tag in scripts)


def test_no_inline_style_or_script_without_nonce_on_public_pages(client):
    for url in ["/ar/", "/en/", "/ar/accounts/login/", "/ar/accounts/signup/"]:
        html = client.get(url).content.decode()
        assert "<style" not in html, url
        assert ' style="' not in html, url
        assert "<script" not in html, url  # public pages need no JavaScript at all


def test_security_headers(client):
    response = client.get("/ar/")
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"


def test_session_and_csrf_cookies_are_http_only(client, citizen):
    client.get("/ar/accounts/login/")
    response = client.post(
        "/ar/accounts/login/", {"login": citizen.email, "password": "Test-Password-2026!"}
    )
    assert response.cookies["sessionid"]["httponly"]
    assert client.cookies["csrftoken"]["httponly"]


def _production_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "DEBUG"}}
    env.update(
        {
            "MUJTAMA_ENV": "production",
            "DATABASE_URL": "postgres://mujtama:secret@db.example.sy:5432/mujtama",
            "SECRET_KEY": "x" * 20 + "-production-secret-for-the-check-only-" + "y" * 20,
            "ALLOWED_HOSTS": "mujtama.example.sy",
            "REDIS_URL": "redis://127.0.0.1:6379/0",
            "EMAIL_URL": "smtp+tls://mailer:secret@smtp.example.sy:587",
            "MUJTAMA_VAR_DIR": "/tmp/mujtama-deploy-check",
            **extra,
        }
    )
    return env


def test_check_deploy_passes_in_production_mode():
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=BASE,
        env=_production_env(),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


@pytest.mark.parametrize(
    ("missing", "message"),
    [
        ("SECRET_KEY", "SECRET_KEY is required"),
        ("REDIS_URL", "REDIS_URL is required"),
        ("DATABASE_URL", "DATABASE_URL is required"),
    ],
)
def test_production_refuses_to_start_without_its_secrets(missing, message):
    env = _production_env()
    env.pop(missing)
    result = subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=BASE,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode != 0
    assert message in result.stderr


def test_production_settings_turn_on_hsts_and_secure_cookies():
    code = (
        "import django, os; os.environ['DJANGO_SETTINGS_MODULE']='config.settings'; "
        "from django.conf import settings as s; "
        "print(s.SECURE_HSTS_SECONDS, s.SECURE_HSTS_INCLUDE_SUBDOMAINS, s.SESSION_COOKIE_SECURE, "
        "s.CSRF_COOKIE_SECURE, s.SECURE_SSL_REDIRECT, s.DEBUG)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=BASE,
        env=_production_env(),
        capture_output=True,
        text=True,
    )
    assert result.stdout.split() == ["31536000", "True", "True", "True", "True", "False"]


def _asset_bytes(url: str) -> bytes:
    path = finders.find(url.removeprefix(settings.STATIC_URL))
    assert path, url
    return Path(path).read_bytes()


@pytest.mark.parametrize(
    "url", ["/ar/", "/en/", "/ar/accounts/signup/", "/ar/organizations/", "/ar/join/"]
)
def test_public_page_weight_on_first_visit_is_under_100_kb_compressed(client, url):
    html = client.get(url).content
    assets = re.findall(rb'(?:href|src)="(/static/[^"]+)"', html)
    total = len(gzip.compress(html))
    for asset in set(assets):
        total += len(gzip.compress(_asset_bytes(asset.decode())))
    assert total <= 100 * 1024, total


def test_home_page_queries_are_few(client, django_assert_max_num_queries):
    with django_assert_max_num_queries(3):
        client.get("/ar/")
