"""Settings for Mujtama Thakaa, driven by environment variables.

Every variable is documented in the README. Without any of them the platform runs
in development mode on an embedded SQLite database with background tasks in-process.
"""

import sys
from datetime import timedelta
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import environ
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent
env = environ.Env()

MUJTAMA_ENV = env.str("MUJTAMA_ENV", default="development")
if MUJTAMA_ENV not in {"development", "production"}:
    raise ImproperlyConfigured("MUJTAMA_ENV must be 'development' or 'production'.")
PRODUCTION = MUJTAMA_ENV == "production"

DEBUG = env.bool("DEBUG", default=not PRODUCTION)
if PRODUCTION and DEBUG:
    raise ImproperlyConfigured("DEBUG must be off in production.")

if PRODUCTION:
    SECRET_KEY = env.str("SECRET_KEY", default="")
    if len(SECRET_KEY) < 50:
        raise ImproperlyConfigured(
            "SECRET_KEY is required in production (at least 50 random characters)."
        )
else:
    SECRET_KEY = env.str(
        "SECRET_KEY", default="development-only-key-never-used-in-production-7f3c9a1e5b2d8f4a6c0e"
    )

# Keys for hashing identifiers (IP addresses today, phone numbers later). Kept apart
# from SECRET_KEY so that rotating the session key does not break historic hashes.
HASHING_KEY = env.str("HASHING_KEY", default=SECRET_KEY)

ALLOWED_HOSTS = env.list(
    "ALLOWED_HOSTS", default=[] if PRODUCTION else ["127.0.0.1", "localhost", "testserver"]
)
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])
# Number of reverse proxies in front of the app whose X-Forwarded-For entries we trust.
TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=0)

# `make bench` adds a hello-world view to compare every page against.
BENCHMARK = env.bool("MUJTAMA_BENCH", default=False)

VAR_DIR = Path(env.str("MUJTAMA_VAR_DIR", default=str(BASE_DIR / "var")))

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "rest_framework",
    "rest_framework.authtoken",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "django_filters",
    "django_htmx",
    "mujtama.core",
    "mujtama.accounts",
    "mujtama.geo",
    "mujtama.impact",
    "mujtama.notifications",
    "mujtama.organizations",
    "mujtama.programs",
    "mujtama.feedback",
    "mujtama.initiatives",
    "mujtama.training",
    "mujtama.portal",
]

# Under pytest a tiny example app joins, to exercise the workflow helper on a model of
# its own; it has no migrations and never exists outside the test database.
TESTING = "pytest" in sys.modules
if TESTING:
    INSTALLED_APPS.append("mujtama.core.tests.example")

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "mujtama.core.middleware.RequestContextMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "mujtama.core.middleware.LanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "mujtama.core.middleware.TimeZoneMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "mujtama.core.policies.RoutePolicyMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"
ASGI_APPLICATION = "config.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "mujtama.core.context_processors.shell",
            ],
        },
    },
]

# --- Database ---------------------------------------------------------------------
if PRODUCTION and not env.str("DATABASE_URL", default=""):
    raise ImproperlyConfigured("DATABASE_URL is required in production (PostgreSQL).")
DATABASES = {
    "default": env.db_url("DATABASE_URL", default=f"sqlite:///{VAR_DIR / 'mujtama.sqlite3'}")
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    if DATABASES["default"]["NAME"] != ":memory:":
        Path(DATABASES["default"]["NAME"]).parent.mkdir(parents=True, exist_ok=True)
    DATABASES["default"]["OPTIONS"] = {
        # WAL lets readers go on while one writer writes; IMMEDIATE takes the write
        # lock at the start of a transaction so that concurrent writers queue instead
        # of failing half way with "database is locked".
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
else:
    DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Cache, background work -----------------------------------------------------------
REDIS_URL = env.str("REDIS_URL", default="")
if PRODUCTION and not REDIS_URL:
    raise ImproperlyConfigured(
        "REDIS_URL is required in production: rate limits, caches and background "
        "tasks must be shared by every app server."
    )


def _next_redis_db(url: str) -> str:
    """The same Redis server, next database number: the cache can then be cleared
    without emptying the task queue."""
    parts = urlsplit(url)
    number = int(parts.path.strip("/") or 0)
    return urlunsplit(parts._replace(path=f"/{number + 1}"))


if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": env.str("REDIS_CACHE_URL", default=_next_redis_db(REDIS_URL)),
            "KEY_PREFIX": env.str("CACHE_KEY_PREFIX", default="mujtama"),
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

CELERY_BROKER_URL = REDIS_URL or "memory://localhost/"
CELERY_RESULT_BACKEND = None
# Without a broker the tasks run in-process, right after the transaction commits.
CELERY_TASK_ALWAYS_EAGER = not REDIS_URL
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_IGNORE_RESULT = True
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# A task that is acked late is redelivered after this long if its worker vanished.
# Longer than the longest retry delay (one hour), so a delayed retry is not handed out
# twice.
CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": 2 * 3600}
CELERY_TIMEZONE = "Asia/Damascus"
CELERY_BEAT_SCHEDULE = {
    "notifications-outbox-sweep": {
        "task": "mujtama.notifications.tasks.sweep_outbox",
        "schedule": timedelta(minutes=5),
    },
    "programs-calls-tick": {
        "task": "mujtama.programs.tasks.calls_tick",
        "schedule": timedelta(minutes=5),
    },
    "feedback-sla-tick": {
        "task": "mujtama.feedback.tasks.sla_tick",
        "schedule": timedelta(minutes=15),
    },
    "organizations-memberships-daily": {
        "task": "mujtama.organizations.tasks.memberships_daily",
        "schedule": timedelta(hours=6),
    },
    "training-confirmations-tick": {
        "task": "mujtama.training.tasks.confirmations_tick",
        "schedule": timedelta(minutes=15),
    },
    "training-followups-daily": {
        "task": "mujtama.training.tasks.followups_tick",
        "schedule": timedelta(hours=6),
    },
}

# --- Citizen feedback ------------------------------------------------------------------
# The SMS gateway signs each inbound message with HMAC-SHA256 of the body.
SMS_WEBHOOK_SECRET = env.str("SMS_WEBHOOK_SECRET", default="" if PRODUCTION else "dev-sms-secret")
# Anonymous submissions per client (web form and API together) per window of seconds.
FEEDBACK_RATE_LIMIT = env.int("FEEDBACK_RATE_LIMIT", default=10)
FEEDBACK_RATE_WINDOW = env.int("FEEDBACK_RATE_WINDOW", default=3600)
# Messages per SMS sender number per window.
FEEDBACK_SMS_RATE_LIMIT = env.int("FEEDBACK_SMS_RATE_LIMIT", default=20)
# Tracking-code lookups that find nothing, per client per window.
FEEDBACK_LOOKUP_LIMIT = env.int("FEEDBACK_LOOKUP_LIMIT", default=30)
# Verification codes that find nothing, per client and hour.
VERIFY_LOOKUP_LIMIT = env.int("VERIFY_LOOKUP_LIMIT", default=30)
# A person needs at least this many seconds to fill the form; faster is a script.
FEEDBACK_MIN_FILL_SECONDS = env.int("FEEDBACK_MIN_FILL_SECONDS", default=3)
# The clock closes resolved items nobody answered for, and items waiting for the
# citizen, after these many days.
FEEDBACK_CONFIRM_DAYS = env.int("FEEDBACK_CONFIRM_DAYS", default=14)
FEEDBACK_NEEDS_INFO_DAYS = env.int("FEEDBACK_NEEDS_INFO_DAYS", default=30)

# --- Accounts -----------------------------------------------------------------------
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
if TESTING:
    # Live-server threads must not keep connections open past the test session.
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    # Hashing strength is not under test; speed is.
    PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "portal:home"
ACCOUNT_LOGOUT_REDIRECT_URL = "portal:home"
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_SESSION_REMEMBER = None
ACCOUNT_ADAPTER = "mujtama.accounts.adapters.AccountAdapter"
ACCOUNT_FORMS = {"signup": "mujtama.accounts.forms.SignupForm"}
ACCOUNT_EMAIL_SUBJECT_PREFIX = ""
ACCOUNT_RATE_LIMITS = {
    # Per client address and per account: a guessing attacker is slowed down
    # without locking the real owner out for long.
    "login_failed": "10/m/ip,5/5m/key",
    "login": "30/m/ip",
    "signup": "20/m/ip",
    "reset_password": "20/m/ip,5/m/key",
    "confirm_email": "1/3m/key",
}
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "Mujtama Thakaa"

# --- Internationalization ---------------------------------------------------------
LANGUAGE_CODE = "ar"
LANGUAGES = [("ar", _("Arabic")), ("en", _("English"))]
LANGUAGES_BIDI = ["ar"]
LOCALE_PATHS = [BASE_DIR / "locale"]
# Dates and numbers as written in Syria (Levantine month names come from locale/ar).
FORMAT_MODULE_PATH = ["config.formats"]
TIME_ZONE = "Asia/Damascus"
USE_I18N = True
USE_TZ = True
LANGUAGE_COOKIE_NAME = "mujtama_language"
LANGUAGE_COOKIE_AGE = 60 * 60 * 24 * 365
LANGUAGE_COOKIE_SAMESITE = "Lax"
LANGUAGE_COOKIE_SECURE = PRODUCTION
LANGUAGE_COOKIE_HTTPONLY = True

# --- Static files and uploads ---------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = Path(env.str("STATIC_ROOT", default=str(VAR_DIR / "static")))
STATICFILES_DIRS = [BASE_DIR / "static"]
# Uploads live outside the web root and are only ever served by a view that checks
# permission; there is deliberately no MEDIA_URL route.
MEDIA_ROOT = Path(env.str("MEDIA_ROOT", default=str(VAR_DIR / "media")))
MEDIA_URL = "/media-not-served/"
FILE_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if PRODUCTION
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}
WHITENOISE_MAX_AGE = 60 * 60 * 24 * 365 if PRODUCTION else 0
if not PRODUCTION:
    # Development serves assets from the apps (no collectstatic); WhiteNoise still
    # expects STATIC_ROOT to exist.
    STATIC_ROOT.mkdir(parents=True, exist_ok=True)

# --- Email and SMS ------------------------------------------------------------------
# EMAIL_URL: smtp+tls://user:password@host:587, consolemail://, memorymail:// ...
_email = env.email_url("EMAIL_URL", default="consolemail://")
_email_options: dict[str, object] = {}
if _email["EMAIL_BACKEND"].endswith("smtp.EmailBackend"):
    _email_options = {
        "host": _email.get("EMAIL_HOST") or "localhost",
        "port": _email.get("EMAIL_PORT") or 25,
        "username": _email.get("EMAIL_HOST_USER") or None,
        "password": _email.get("EMAIL_HOST_PASSWORD") or None,
        "use_tls": bool(_email.get("EMAIL_USE_TLS")),
        "use_ssl": bool(_email.get("EMAIL_USE_SSL")),
        "timeout": 15,
    }
MAILERS = {"default": {"BACKEND": _email["EMAIL_BACKEND"], "OPTIONS": _email_options}}
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="Mujtama Thakaa <no-reply@mujtama.sy>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
SITE_URL = env.str("SITE_URL", default="http://127.0.0.1:8000").rstrip("/")
SMS_BACKEND = env.str("SMS_BACKEND", default="mujtama.notifications.sms.ConsoleSmsBackend")
SMS_GATEWAY_URL = env.str("SMS_GATEWAY_URL", default="")
SMS_GATEWAY_TOKEN = env.str("SMS_GATEWAY_TOKEN", default="")
SMS_SENDER_ID = env.str("SMS_SENDER_ID", default="Mujtama")

# --- Security headers -----------------------------------------------------------------
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
SESSION_COOKIE_AGE = 60 * 60 * 12
SECURE_CSP: dict[str, Any] = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF, CSP.NONCE],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
}
if PRODUCTION:
    SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
    SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
    SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=60 * 60 * 24 * 365)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=True)
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    if env.bool("BEHIND_TLS_PROXY", default=True):
        SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_CSP["upgrade-insecure-requests"] = True

# --- REST API -------------------------------------------------------------------------
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.SessionAuthentication",
        "rest_framework.authentication.TokenAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["mujtama.core.policies.RoutePolicyPermission"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.PageNumberPagination",
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "PAGE_SIZE": 50,
    "DEFAULT_VERSIONING_CLASS": "rest_framework.versioning.NamespaceVersioning",
    "ALLOWED_VERSIONS": ["v1"],
    "DEFAULT_THROTTLE_RATES": {"anon": "120/min", "user": "600/min"},
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Mujtama Thakaa API",
    "DESCRIPTION": (
        "The REST API of Mujtama Thakaa, the national civic-tech partnership platform. "
        "Authenticate integrations with `Authorization: Token <key>`."
    ),
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "SCHEMA_PATH_PREFIX": r"/api/v[0-9]+",
    "SERVE_URLCONF": "config.api_urls",
    # Fields named "status" and "kind" mean different things in different resources.
    "ENUM_NAME_OVERRIDES": {
        "OrganizationKindEnum": "mujtama.organizations.models.registry.OrganizationKind",
        "ProgramKindEnum": "mujtama.programs.models.ProgramKind",
        "QuestionKindEnum": "mujtama.programs.models.QuestionKind",
        "JoiningApplicationStatusEnum": "mujtama.organizations.models.joining.ApplicationStatus",
        "ProgramApplicationStatusEnum": "mujtama.programs.models.ApplicationStatus",
        "InitiativeStatusEnum": "mujtama.initiatives.models.InitiativeStatus",
        "ActivityKindEnum": "mujtama.initiatives.models.ActivityType",
        "CourseLevelEnum": "mujtama.training.models.Level",
        "CourseModeEnum": "mujtama.training.models.Mode",
        "PartnerStatusEnum": "mujtama.programs.models.PartnerStatus",
        "ReviewStatusEnum": "mujtama.programs.models.ReviewStatus",
        "CallStatusEnum": "mujtama.programs.models.CallStatus",
        "CallPhaseEnum": "mujtama.programs.display.PHASE_CHOICES",
    },
}

# --- Logging: every line carries the request id -----------------------------------------
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "mujtama.core.logging.RequestIdFilter"}},
    "formatters": {
        "plain": {
            "format": "%(asctime)s %(levelname)s [%(request_id)s] %(name)s: %(message)s",
        },
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "filters": ["request_id"],
            "formatter": "plain",
        },
    },
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
    "loggers": {
        "django.request": {"level": "ERROR"},
        "django.server": {"level": "INFO" if DEBUG else "WARNING"},
        # One line per task run is noise; failures are still logged.
        "celery.app.trace": {"level": "WARNING"},
        # WeasyPrint narrates every PDF it renders (fonts, steps) at INFO.
        "weasyprint": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
    },
}

ADMINS: list[tuple[str, str]] = []
