"""Django settings for e-Manager.

Every value that differs between a laptop and production is read from the
environment through the typed helpers in :mod:`emanager.env`; see
``.env.example`` for the list and README.md for their meaning.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP
from django.utils.translation import gettext_lazy as _

from emanager.env import env

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(env.str("VAR_DIR", str(BASE_DIR / "var")))

# --- Core --------------------------------------------------------------------

DEBUG = env.bool("DEBUG", default=False)

if DEBUG:
    SECRET_KEY = env.str("SECRET_KEY", "django-insecure-development-only-never-use-in-production")
else:
    SECRET_KEY = env.str("SECRET_KEY", required=True)
    if len(SECRET_KEY) < 50 or SECRET_KEY.startswith("django-insecure"):
        raise ImproperlyConfigured(
            "SECRET_KEY must be a random string of at least 50 characters when DEBUG is off. "
            'Generate one with: python -c "import secrets; print(secrets.token_urlsafe(64))"'
        )

ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    # modeltranslation must precede django.contrib.admin.
    "modeltranslation",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_tasks_db",
    # Inbox filters: well kept, and renders accessible forms from the filterset.
    "django_filters",
    "emanager.core",
    "emanager.directory",
    "emanager.notifications",
    "emanager.letters",
    "emanager.staff",
    "emanager.accounts",
    "emanager.deadlines",
    "emanager.registry",
    "emanager.mailin",
    "emanager.publication",
    "emanager.proactive",
    "emanager.foi",
    "emanager.surveys",
    "emanager.accountability",
    "emanager.archive",
    "emanager.fulltext",
    "emanager.opendata",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # Resolves the municipality (by host name or URL prefix) before the
    # locale middleware reads the language prefix of the path.
    "emanager.directory.middleware.MunicipalityMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

# The benchmark's aids (bench/README.md): a bare "ok" view and a query counter.
# Never set in production.
EMANAGER_BENCH = env.bool("EMANAGER_BENCH", default=False)
if EMANAGER_BENCH:
    MIDDLEWARE.insert(0, "emanager.core.bench.QueryCountMiddleware")

ROOT_URLCONF = "emanager.urls"
WSGI_APPLICATION = "emanager.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "emanager.core.context_processors.site",
            ],
        },
    },
]

# --- Database ----------------------------------------------------------------

DEFAULT_SQLITE_PATH = VAR_DIR / "emanager.sqlite3"
DATABASES = {
    "default": dj_database_url.parse(
        env.str("DATABASE_URL", f"sqlite:///{DEFAULT_SQLITE_PATH}"),
        conn_max_age=env.int("DATABASE_CONN_MAX_AGE", 0, minimum=0),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["OPTIONS"] = {
        # WAL lets readers proceed while one writer commits; IMMEDIATE makes a
        # writing transaction take the lock at BEGIN, so concurrent writers
        # wait for each other (up to "timeout" seconds) instead of failing.
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
    DATABASES["default"].pop("CONN_HEALTH_CHECKS", None)
    _sqlite_name = str(DATABASES["default"]["NAME"])
    if _sqlite_name and _sqlite_name != ":memory:" and not _sqlite_name.startswith("file:"):
        Path(_sqlite_name).parent.mkdir(parents=True, exist_ok=True)

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Authentication ----------------------------------------------------------

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "staff:login"
LOGIN_REDIRECT_URL = "staff:inbox"

# --- Languages and time ------------------------------------------------------

LANGUAGE_CODE = "ka"
LANGUAGES = [
    ("ka", _("Georgian")),
    ("en", _("English")),
    ("ru", _("Russian")),
]
LOCALE_PATHS = [BASE_DIR / "emanager" / "locale"]
USE_I18N = True
FORMAT_MODULE_PATH = ["emanager.formats"]
TIME_ZONE = env.str("TIME_ZONE", "Asia/Tbilisi")
USE_TZ = True

MODELTRANSLATION_DEFAULT_LANGUAGE = "ka"
MODELTRANSLATION_LANGUAGES = ("ka", "en", "ru")
# A name not yet translated is shown in Georgian rather than left blank.
MODELTRANSLATION_FALLBACK_LANGUAGES = {"default": ("ka",)}

# --- Static and media files --------------------------------------------------

STATIC_URL = "/static/"
STATIC_ROOT = Path(env.str("STATIC_ROOT", str(VAR_DIR / "static")))
MEDIA_URL = env.str("MEDIA_URL", "/media/")
MEDIA_ROOT = Path(env.str("MEDIA_ROOT", str(VAR_DIR / "media")))

MEDIA_STORAGE = env.choice("MEDIA_STORAGE", "local", ("local", "s3"))
if MEDIA_STORAGE == "s3":
    _media_storage = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": env.str("S3_BUCKET", required=True),
            "endpoint_url": env.str("S3_ENDPOINT_URL", required=True),
            "access_key": env.str("S3_ACCESS_KEY", required=True),
            "secret_key": env.str("S3_SECRET_KEY", required=True),
            "region_name": env.str("S3_REGION", "us-east-1"),
            "custom_domain": env.str("S3_CUSTOM_DOMAIN", "") or None,
            "default_acl": None,
            "querystring_auth": env.bool("S3_QUERYSTRING_AUTH", default=False),
            "file_overwrite": False,
        },
    }
else:
    _media_storage = {"BACKEND": "django.core.files.storage.FileSystemStorage"}

PRIVATE_ROOT = Path(env.str("PRIVATE_ROOT", str(VAR_DIR / "private")))
if MEDIA_STORAGE == "s3":
    _private_storage = {
        **_media_storage,
        "OPTIONS": {
            **_media_storage["OPTIONS"],
            "location": "private",
            "querystring_auth": True,
            "custom_domain": None,
        },
    }
else:
    _private_storage = {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": str(PRIVATE_ROOT), "base_url": None},
    }

STORAGES = {
    "default": _media_storage,
    # Citizens' attachments: never under MEDIA_URL; served only through a view
    # that checks who is asking.
    "private": _private_storage,
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
FILE_UPLOAD_PERMISSIONS = 0o640

# --- Mail (Django 6.1 MAILERS) -----------------------------------------------

MAIL_BACKEND = env.choice(
    "MAIL_BACKEND", "console" if DEBUG else "smtp", ("smtp", "console", "file", "memory")
)
if MAIL_BACKEND == "smtp":
    _mail_security = env.choice("MAIL_SECURITY", "starttls", ("none", "starttls", "ssl"))
    MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {
                "host": env.str("MAIL_HOST", "localhost"),
                "port": env.int("MAIL_PORT", 465 if _mail_security == "ssl" else 587, minimum=1),
                "username": env.str("MAIL_USER", ""),
                "password": env.str("MAIL_PASSWORD", ""),
                "use_tls": _mail_security == "starttls",
                "use_ssl": _mail_security == "ssl",
                "timeout": env.int("MAIL_TIMEOUT", 30, minimum=1),
            },
        }
    }
elif MAIL_BACKEND == "file":
    MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.filebased.EmailBackend",
            "OPTIONS": {"file_path": str(VAR_DIR / "mail")},
        }
    }
elif MAIL_BACKEND == "memory":
    MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
else:
    MAILERS = {"default": {"BACKEND": "django.core.mail.backends.console.EmailBackend"}}

DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", "e-Manager <noreply@localhost>")
SERVER_EMAIL = env.str("SERVER_EMAIL", DEFAULT_FROM_EMAIL)

# --- Answers by e-mail (emanager.mailin; README "Mail set-up") ----------------

# The domain of the reply addresses (reply+<token>@, bounce+<token>@); empty
# turns answering by e-mail off.
MAIL_REPLY_DOMAIN = env.str("MAIL_REPLY_DOMAIN", "").lower()
# The mailbox `manage.py fetch_mail` reads (when no MTA pipes mail in).
MAIL_IMAP_HOST = env.str("MAIL_IMAP_HOST", "")
MAIL_IMAP_SECURITY = env.choice("MAIL_IMAP_SECURITY", "ssl", ("ssl", "starttls", "none"))
MAIL_IMAP_PORT = env.int("MAIL_IMAP_PORT", 993 if MAIL_IMAP_SECURITY == "ssl" else 143, minimum=1)
MAIL_IMAP_USER = env.str("MAIL_IMAP_USER", "")
MAIL_IMAP_PASSWORD = env.str("MAIL_IMAP_PASSWORD", "")
MAIL_IMAP_FOLDER = env.str("MAIL_IMAP_FOLDER", "INBOX")
# Processed messages move here; empty: they stay, marked as read.
MAIL_IMAP_DONE_FOLDER = env.str("MAIL_IMAP_DONE_FOLDER", "")

# --- Cache -------------------------------------------------------------------

# Public pages and figures are cached under the municipality's data version,
# read from the database on each use (emanager/core/freshness.py), so each
# process may keep its own memory cache and still never serve a page from
# before a change. PAGE_CACHE=false renders every public page afresh.
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "OPTIONS": {"MAX_ENTRIES": env.int("CACHE_MAX_ENTRIES", 2000, minimum=100)},
    }
}
PAGE_CACHE = env.bool("PAGE_CACHE", default=True)
# The data version changes once the writing transaction commits (tests: at once).
DATA_VERSION_AFTER_COMMIT = True

# --- Background tasks (django.tasks) -----------------------------------------

TASKS_BACKEND = env.choice("TASKS_BACKEND", "database", ("database", "immediate"))
TASKS = {
    "default": {
        "BACKEND": (
            "django_tasks_db.DatabaseBackend"
            if TASKS_BACKEND == "database"
            else "django.tasks.backends.immediate.ImmediateBackend"
        ),
    }
}

# --- Security ----------------------------------------------------------------

# HTTPS=true when the site is served over HTTPS (directly or behind a proxy
# that sets X-Forwarded-Proto); it turns on secure cookies, redirects and HSTS.
HTTPS = env.bool("HTTPS", default=not DEBUG)
if env.bool("BEHIND_PROXY", default=False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
SECURE_SSL_REDIRECT = HTTPS
SECURE_HSTS_SECONDS = env.int("HSTS_SECONDS", 31_536_000, minimum=0) if HTTPS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("HSTS_INCLUDE_SUBDOMAINS", default=True)
SECURE_HSTS_PRELOAD = env.bool("HSTS_PRELOAD", default=True)
SECURE_REFERRER_POLICY = "same-origin"
SESSION_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"

_media_origin = urlsplit(MEDIA_URL)
_extra_img_src = (
    [f"{_media_origin.scheme}://{_media_origin.netloc}"] if _media_origin.netloc else []
)
# No inline script, no third-party origin: every asset is served by e-Manager.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:", *_extra_img_src],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "object-src": [CSP.NONE],
}

# --- Logging -----------------------------------------------------------------

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", "INFO")},
    "loggers": {
        # Django's own console handler would print each of its records a second time.
        "django": {"handlers": [], "level": "INFO", "propagate": True},
        # WeasyPrint and fontTools log every step of a PDF at INFO.
        "weasyprint": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
    },
}

# --- e-Manager ---------------------------------------------------------------

# The public address of the site, for links in e-mails (no trailing slash).
SITE_URL = env.str("SITE_URL", "http://127.0.0.1:8000")

# Path segments a municipality's slug may not take, since they are used by
# the installation itself.
RESERVED_SLUGS = frozenset({"admin", "static", "media", "i18n", "healthz", "ka", "en", "ru"})
