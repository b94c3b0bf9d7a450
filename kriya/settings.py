"""Kriya settings: one module, read from the environment.

With no environment at all this runs the embedded SQLite database in ``var/``, which is
what ``make demo`` and the tests use. ``KRIYA_ENV=production`` demands a real secret key
and host list from the environment and turns on every protection ``check --deploy`` asks for.
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.templatetags.static import static
from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("KRIYA_VAR_DIR", BASE_DIR / "var"))


def envbool(name: str, default: str = "False") -> bool:
    return os.environ.get(name, default).strip().lower() in {"1", "true", "yes", "on"}


def envint(name: str, default: str) -> int:
    return int(os.environ.get(name, default))


def envlist(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def envsecret(name: str) -> str:
    """A secret from the environment, or from the file named by NAME_FILE (systemd, Docker)."""
    path = os.environ.get(f"{name}_FILE")
    if path:
        return Path(path).read_text().strip()
    return os.environ.get(name, "")


PRODUCTION = os.environ.get("KRIYA_ENV", "development").strip().lower() == "production"

if PRODUCTION:
    SECRET_KEY = envsecret("SECRET_KEY")
    ALLOWED_HOSTS = envlist("ALLOWED_HOSTS")
    if not SECRET_KEY or not ALLOWED_HOSTS:
        raise ImproperlyConfigured(
            "KRIYA_ENV=production needs SECRET_KEY (at least 50 random characters) and "
            "ALLOWED_HOSTS (comma-separated host names) in the environment."
        )
    DEBUG = envbool("DEBUG")
else:
    # A development key: never used when KRIYA_ENV=production.
    SECRET_KEY = envsecret("SECRET_KEY") or "dev-only-insecure-key-kriya-not-for-production"
    ALLOWED_HOSTS = envlist("ALLOWED_HOSTS", "127.0.0.1,localhost,[::1],testserver")
    DEBUG = envbool("DEBUG", "True")

CSRF_TRUSTED_ORIGINS = envlist("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    # Unfold supplies the theme; our AdminConfig supplies the site (KriyaAdminSite).
    "unfold.apps.BasicAppConfig",
    "unfold.contrib.filters",
    "kriya.apps.KriyaAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.sitemaps",
    "django_htmx",
    "template_partials",
    "axes",
    "django_tasks",
    "django_tasks_db",
    "kriya.regions",
    "kriya.accounts",
    "kriya.registry",
    "kriya.catalog",
    "kriya.programs",
    "kriya.sales",
    "kriya.public",
    "kriya.reports",
    "kriya.operations",
    "kriya.demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # While the database is down every page answers a clear 503 (kriya/templates/503.html).
    "kriya.operations.middleware.DatabaseUnavailableMiddleware",
    # Safe requests may read from the replica; a browser that just wrote reads the primary.
    "kriya.operations.middleware.ReplicaMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "kriya.accounts.middleware.CouncilMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "kriya.urls"
WSGI_APPLICATION = "kriya.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "kriya" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "kriya.accounts.context_processors.council",
            ],
            "builtins": ["kriya.lib.templatetags", "template_partials.templatetags.partials"],
        },
    }
]

# Database: embedded SQLite by default; PostgreSQL (or anything dj-database-url reads)
# when DATABASE_URL is set.
VAR_DIR.mkdir(parents=True, exist_ok=True)
(VAR_DIR / "static").mkdir(exist_ok=True)
if os.environ.get("DATABASE_URL"):
    # Persistent connections, checked before each request reuses them: after a database
    # restart the first request reconnects instead of failing on a dead connection.
    DATABASES = {
        "default": dj_database_url.parse(
            os.environ["DATABASE_URL"],
            conn_max_age=envint("DB_CONN_MAX_AGE", "60"),
            conn_health_checks=True,
        )
    }
else:
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": os.environ.get("SQLITE_PATH", str(VAR_DIR / "kriya.sqlite3")),
            "OPTIONS": {
                # IMMEDIATE serialises writers instead of failing them mid-transaction;
                # WAL lets readers go on while one writer writes.
                "transaction_mode": "IMMEDIATE",
                "timeout": 20,
                "init_command": (
                    "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; "
                    "PRAGMA busy_timeout=20000; PRAGMA foreign_keys=ON; "
                    "PRAGMA cache_size=-65536; PRAGMA temp_store=MEMORY;"
                ),
            },
            # Kept across requests when set (seconds): the 64 MB page cache then survives
            # from one request to the next instead of being read from disk again.
            "CONN_MAX_AGE": envint("DB_CONN_MAX_AGE", "0"),
            "TEST": {"NAME": os.environ.get("SQLITE_TEST_PATH") or None},
        }
    }
if os.environ.get("DATABASE_REPLICA_URL"):
    # A streaming replica of the primary: reads of catalog, regions and the register during
    # safe requests go there (kriya/operations/routers.py). In tests it mirrors "default".
    DATABASES["replica"] = dj_database_url.parse(
        os.environ["DATABASE_REPLICA_URL"],
        conn_max_age=envint("DB_CONN_MAX_AGE", "60"),
        conn_health_checks=True,
        test_options={"MIRROR": "default"},
    )
DATABASE_ROUTERS = ["kriya.operations.routers.ReplicaRouter"]
# How long a browser that has just written reads from the primary (replication lag).
REPLICA_PIN_SECONDS = envint("REPLICA_PIN_SECONDS", "10")
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"


def cache_from_url(url: str) -> dict:
    """CACHE_URL: redis://host:6379/0 (several app servers), db://table_name (shared through
    the database; run `manage.py createcachetable`), locmem:// (one process) or dummy://."""
    scheme, _sep, rest = url.partition("://")
    if scheme in {"redis", "rediss", "unix"}:
        return {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": url}
    if scheme == "db":
        return {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": rest or "kriya_cache",
        }
    if scheme == "locmem":
        return {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": rest}
    if scheme == "dummy":
        return {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}
    raise ImproperlyConfigured(f"CACHE_URL: unknown scheme {scheme!r} (redis, db, locmem, dummy)")


CACHES = {"default": cache_from_url(os.environ.get("CACHE_URL", "locmem://"))}
# Public pages for visitors who are not logged in are served from that cache for this many
# seconds (kriya/lib/cache.py); off in development so that every change shows at once.
PUBLIC_CACHE_SECONDS = envint("PUBLIC_CACHE_SECONDS", "60" if PRODUCTION else "0")
# db (default), cached_db or cache: short names for django.contrib.sessions.backends.*
SESSION_ENGINE = os.environ.get("SESSION_ENGINE", "db")
if "." not in SESSION_ENGINE:
    SESSION_ENGINE = f"django.contrib.sessions.backends.{SESSION_ENGINE}"

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "accounts:home"
LOGOUT_REDIRECT_URL = "accounts:login"

# Brute-force lock-out: five wrong passwords for one user name from one address lock
# that pair for 15 minutes.
AXES_FAILURE_LIMIT = envint("AXES_FAILURE_LIMIT", "5")
AXES_COOLOFF_TIME = timedelta(minutes=envint("AXES_COOLOFF_MINUTES", "15"))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False

# Language and formats: Indonesian first, English second.
LANGUAGE_CODE = "id"
LANGUAGES = [("id", _("Indonesian")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "kriya" / "locale"]
FORMAT_MODULE_PATH = ["kriya.formats"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = os.environ.get("TIME_ZONE", "Asia/Jakarta")

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", VAR_DIR / "static"))
STATICFILES_DIRS = [BASE_DIR / "kriya" / "static"]
MEDIA_URL = "/media/"
# Public media (photos of published products, village-icon photos): served to anyone from
# MEDIA_URL. Private files (import spreadsheets, visit and artisan photos, attachments,
# evidence, photos of products not published) live apart, in PRIVATE_ROOT, and are served
# only through /berkas/… after a scope and role check (kriya/views/files.py).
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", VAR_DIR / "media"))
PRIVATE_ROOT = Path(os.environ.get("PRIVATE_ROOT", VAR_DIR / "private"))
# How /berkas/ hands over a local file once allowed: "django" streams it (development,
# tests), "nginx" answers X-Accel-Redirect to PRIVATE_FILES_INTERNAL_URL (an `internal`
# location, deploy/nginx.conf), "sendfile" answers X-Sendfile (Apache, lighttpd).
PRIVATE_FILES_SERVER = os.environ.get("PRIVATE_FILES_SERVER", "django").strip().lower()
if PRIVATE_FILES_SERVER not in {"django", "nginx", "sendfile"}:
    raise ImproperlyConfigured("PRIVATE_FILES_SERVER is django (the default), nginx or sendfile.")
PRIVATE_FILES_INTERNAL_URL = os.environ.get("PRIVATE_FILES_INTERNAL_URL", "/_private/")
# Lifetime of the signed link to a private object in S3.
PRIVATE_FILES_URL_SECONDS = envint("PRIVATE_FILES_URL_SECONDS", "300")
# Media: local disk (MEDIA_ROOT, PRIVATE_ROOT) by default; KRIYA_STORAGE=s3 puts them in an
# S3-compatible bucket (AWS, MinIO, Wasabi, a provider's object storage) so that app servers
# share them: public media under S3_PREFIX, readable by anyone; private files under
# S3_PRIVATE_PREFIX with the private ACL, fetched through short-lived signed links.
KRIYA_STORAGE = os.environ.get("KRIYA_STORAGE", "local").strip().lower()
if KRIYA_STORAGE == "s3":
    S3_OPTIONS = {
        "bucket_name": os.environ.get("S3_BUCKET", ""),
        "endpoint_url": os.environ.get("S3_ENDPOINT_URL") or None,
        "region_name": os.environ.get("S3_REGION") or None,
        "access_key": envsecret("S3_ACCESS_KEY_ID") or None,
        "secret_key": envsecret("S3_SECRET_ACCESS_KEY") or None,
        "signature_version": "s3v4",
        "file_overwrite": False,
    }
    PUBLIC_STORAGE = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": S3_OPTIONS
        | {
            "custom_domain": os.environ.get("S3_CUSTOM_DOMAIN") or None,
            "location": os.environ.get("S3_PREFIX", "media"),
            # Published photos are public; a bucket that refuses ACLs sets S3_PUBLIC_ACL=""
            # and grants reading of S3_PREFIX by a bucket policy instead.
            "default_acl": os.environ.get("S3_PUBLIC_ACL", "public-read") or None,
            "querystring_auth": envbool("S3_QUERYSTRING_AUTH", "False"),
        },
    }
    PRIVATE_STORAGE = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": S3_OPTIONS
        | {
            "location": os.environ.get("S3_PRIVATE_PREFIX", "private"),
            "default_acl": "private",
            "querystring_auth": True,
            "querystring_expire": PRIVATE_FILES_URL_SECONDS,
        },
    }
    if not S3_OPTIONS["bucket_name"]:
        raise ImproperlyConfigured("KRIYA_STORAGE=s3 needs S3_BUCKET in the environment.")
elif KRIYA_STORAGE == "local":
    PUBLIC_STORAGE = {"BACKEND": "django.core.files.storage.FileSystemStorage"}
    PRIVATE_STORAGE = {"BACKEND": "kriya.lib.files.PrivateFileSystemStorage"}
else:
    raise ImproperlyConfigured("KRIYA_STORAGE is local (the default) or s3.")
STORAGES = {
    # Private by default: a new file field is safe until someone decides it is public.
    "default": PRIVATE_STORAGE,
    "public": PUBLIC_STORAGE,
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if PRODUCTION
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}

# Uploads (kriya/lib/images.py, kriya/lib/attachments.py): a phone's full-size photo is
# 3–8 MB; past 60 megapixels an image is refused long before it can exhaust a worker's memory
# (keep it below Pillow's own 89-megapixel bomb warning).
KRIYA_PHOTO_MAX_BYTES = envint("KRIYA_PHOTO_MAX_BYTES", str(15 * 1024 * 1024))
KRIYA_PHOTO_MAX_PIXELS = envint("KRIYA_PHOTO_MAX_PIXELS", "60000000")
KRIYA_ATTACHMENT_MAX_BYTES = envint("KRIYA_ATTACHMENT_MAX_BYTES", str(20 * 1024 * 1024))

# Background tasks run in the database-backed worker (`manage.py db_worker`).
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

# Limits of the register import (kriya/registry/importer/limits.py; README, "Importing a
# spreadsheet"). A file past one is refused with the limit's name and what to do.
IMPORT_MAX_FILE_MB = envint("KRIYA_IMPORT_MAX_FILE_MB", "50")  # the upload as stored
# An XLSX unpacked, each shared string counted once per cell that shows it: a register of
# 100,000 rows by 9 columns is about 47 MB, and a check's memory grows about 5 MB per MB.
IMPORT_MAX_INFLATED_MB = envint("KRIYA_IMPORT_MAX_INFLATED_MB", "64")
IMPORT_MAX_ROWS = envint("KRIYA_IMPORT_MAX_ROWS", "120000")  # rows of the sheet or CSV
IMPORT_MAX_COLUMNS = envint("KRIYA_IMPORT_MAX_COLUMNS", "100")
IMPORT_MAX_CELLS = envint("KRIYA_IMPORT_MAX_CELLS", "2500000")  # rows x columns
IMPORT_MAX_CELL_CHARS = envint("KRIYA_IMPORT_MAX_CELL_CHARS", "32767")  # Excel's own limit
# A check or write whose batch has not moved for this long, with no task queued for it, was
# cut off (the worker was killed or its machine restarted): it is marked interrupted.
IMPORT_STALE_SECONDS = envint("KRIYA_IMPORT_STALE_SECONDS", "300")

EMAIL_BACKEND = os.environ.get(
    "EMAIL_BACKEND",
    "django.core.mail.backends.smtp.EmailBackend"
    if PRODUCTION
    else "django.core.mail.backends.console.EmailBackend",
)
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = envint("EMAIL_PORT", "25")
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = envsecret("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = envbool("EMAIL_USE_TLS")
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "kriya@localhost")

SESSION_COOKIE_AGE = envint("SESSION_COOKIE_AGE", str(60 * 60 * 24 * 14))
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

if PRODUCTION:
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_SSL_REDIRECT = envbool("SECURE_SSL_REDIRECT", "True")
    # Load balancers probe the health check over plain HTTP on the private network.
    SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
    SECURE_HSTS_SECONDS = envint("SECURE_HSTS_SECONDS", str(60 * 60 * 24 * 365))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = envbool("SECURE_HSTS_INCLUDE_SUBDOMAINS", "True")
    SECURE_HSTS_PRELOAD = envbool("SECURE_HSTS_PRELOAD", "True")
    if envbool("BEHIND_PROXY", "True"):
        # The reverse proxy terminates TLS and says so in this header.
        SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# Logs go to stderr (journald under systemd); LOG_FORMAT=json writes one JSON object a line.
LOG_FORMAT = os.environ.get("LOG_FORMAT", "text").strip().lower()
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "text": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"},
        "json": {"()": "kriya.operations.logs.JsonFormatter"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": "json" if LOG_FORMAT == "json" else "text",
        }
    },
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}

UNFOLD = {
    "SITE_TITLE": _("Kriya"),
    "SITE_HEADER": _("Kriya"),
    "SITE_SUBHEADER": "kriya.admin_site.site_subheader",
    "SITE_SYMBOL": "palette",
    "SITE_URL": "/",
    "SHOW_LANGUAGES": True,
    "STYLES": [lambda request: static("kriya/admin.css")],
    "SCRIPTS": [lambda request: static("kriya/screen.js")],
    "SITE_FAVICONS": [
        {
            "rel": "icon",
            "type": "image/svg+xml",
            "href": lambda request: static("kriya/favicon.svg"),
        }
    ],
    "SHOW_HISTORY": True,
    "DASHBOARD_CALLBACK": "kriya.reports.dashboard.dashboard_callback",
    "ACCOUNT": {
        "navigation": [
            {"title": _("Switch council or role"), "link": reverse_lazy("accounts:switch")},
            {"title": _("Change password"), "link": reverse_lazy("accounts:password_change")},
        ]
    },
    "SIDEBAR": {
        "show_search": False,
        "show_all_applications": False,
        "navigation": "kriya.admin_site.sidebar_navigation",
    },
    "COLORS": {
        "primary": {
            "50": "oklch(97.7% .02 55)",
            "100": "oklch(94.5% .045 55)",
            "200": "oklch(89% .08 55)",
            "300": "oklch(82% .12 55)",
            "400": "oklch(73% .15 50)",
            "500": "oklch(64% .16 45)",
            "600": "oklch(56% .15 42)",
            "700": "oklch(48% .13 40)",
            "800": "oklch(41% .11 40)",
            "900": "oklch(35% .09 40)",
            "950": "oklch(25% .07 40)",
        }
    },
}
