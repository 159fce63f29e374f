"""Django settings. Development defaults; ``MINUTEBOOK_ENV=production`` turns on the rest.

Secrets come from the environment only. In development a key is made once and kept in the
user data directory, so every process of the installation (web and background workers)
signs alike (config.development_secret_key).
"""

from __future__ import annotations

import os
import warnings
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from platformdirs import user_data_dir

from minutebook.project.config import database_url, development_secret_key, papers_dir

BASE_DIR = Path(__file__).resolve().parent.parent
PRODUCTION = os.environ.get("MINUTEBOOK_ENV", "development") == "production"

SECRET_KEY = os.environ.get("MINUTEBOOK_SECRET_KEY") or (
    "" if PRODUCTION else development_secret_key()
)
if PRODUCTION and not SECRET_KEY:
    raise ImproperlyConfigured(
        "MINUTEBOOK_ENV=production needs MINUTEBOOK_SECRET_KEY (a long random string, e.g. "
        "from: python -c 'import secrets; print(secrets.token_urlsafe(50))')"
    )
DEBUG = os.environ.get("MINUTEBOOK_DEBUG", "0" if PRODUCTION else "1") == "1"
ALLOWED_HOSTS = [
    h.strip()
    for h in os.environ.get("MINUTEBOOK_ALLOWED_HOSTS", "127.0.0.1,localhost").split(",")
    if h.strip()
]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "minutebook.records",
    "minutebook.website",
    "minutebook.search",
    "minutebook.tracker",
    "minutebook.questions",
    "minutebook.committees",
    "django_q",
    "minutebook.jobs",
    "ninja",  # serves Swagger UI's files from the package (no CDN)
    "corsheaders",
    "minutebook.api",
    "minutebook.exports",
    "minutebook.feeds",
    "minutebook.alerts",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "corsheaders.middleware.CorsMiddleware",  # answers /api/ preflights before the next one
    "minutebook.api.middleware.ApiMiddleware",  # /api/: rate limit, OPTIONS, caching
    "minutebook.website.middleware.HttpMethodsMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "minutebook.website.middleware.ContentSecurityPolicyMiddleware",
]

ROOT_URLCONF = "minutebook.project.urls"
TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]
WSGI_APPLICATION = "minutebook.project.wsgi.application"

DATABASES = {"default": dj_database_url.parse(database_url(), conn_max_age=60)}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets the web server read while an import writes; IMMEDIATE avoids lock upgrades.
    # Memory-mapped reads (256 MiB): a fresh connection shares the operating system's page
    # cache instead of copying pages in, which made cold searches about 40% faster.
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        # A writer waits this long for another's transaction before "database is locked".
        # Every write transaction is short (a meeting, a batch of the index), so waiting
        # beats failing: a question posted during a `reindex` is stored, not refused.
        "timeout": float(os.environ.get("MINUTEBOOK_SQLITE_BUSY_TIMEOUT", "30")),
        "init_command": (
            "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA mmap_size=268435456;"
        ),
    }
    # Per request by default; `minutebook serve` keeps them for its long-lived threads.
    DATABASES["default"]["CONN_MAX_AGE"] = int(os.environ.get("MINUTEBOOK_CONN_MAX_AGE", "0"))
elif os.environ.get("MINUTEBOOK_PG_JIT", "off") not in ("off", "server"):
    raise ImproperlyConfigured("MINUTEBOOK_PG_JIT must be 'off' or 'server'")
elif os.environ.get("MINUTEBOOK_PG_JIT", "off") == "off":
    # No JIT compilation on PostgreSQL: it triggers on a plan's estimated cost, and the
    # public-people filter (records/visibility.py: many EXISTS over every record table) is
    # estimated high while it runs in about 0.1 s at a 7,524-item council; compiling it took
    # 1.9 s of the 2.05 s a home or /people/ page spent on it. Short queries like ours gain
    # nothing from JIT. It is a start-up option, which connection poolers such as PgBouncer
    # refuse: there set MINUTEBOOK_PG_JIT=server and `ALTER DATABASE ... SET jit = off`.
    # Options given in the database URL come after ours, so they win.
    db_options = DATABASES["default"].setdefault("OPTIONS", {})
    db_options["options"] = f"-c jit=off {db_options.get('options', '')}".strip()

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
# One cache shared by every worker process: log-in and form rate limits (limits that held only
# per process let a 2-worker server take twice the tries) and the page micro-cache
# (minutebook/website/caching.py). Redis if MINUTEBOOK_REDIS_URL is set, else a table in the
# database (`minutebook migrate` creates it).
REDIS_URL = os.environ.get("MINUTEBOOK_REDIS_URL", "").strip()
CACHE_TABLE = "minutebook_cache"
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "minutebook",
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": CACHE_TABLE,
            "OPTIONS": {"MAX_ENTRIES": 5000},
        }
    }
# Background work (minutebook/jobs/queue.py): django-q2 with its queue in this database.
# A claimed task not acknowledged within `retry` seconds (its worker died) is handed out
# again; a failed one is retried after TASK_BACKOFF seconds, four times longer after each
# further failure (at most `retry`; minutebook.jobs.queue.back_off), `max_attempts` in all.
# `retry` must exceed `timeout`, the longest a task may run (a first ModernGov import with
# documents).
_TASK_TIMEOUT = int(os.environ.get("MINUTEBOOK_TASK_TIMEOUT", 3 * 3600))
TASK_BACKOFF = int(os.environ.get("MINUTEBOOK_TASK_BACKOFF", 60))
# A clerk's save whose text (title, description, minutes, decision) is longer than this
# many characters has its extraction queued instead of run in the request (records.writes.
# save_item; 0: every save is queued). Extraction costs about 2.3 ms of CPU per 1,000
# characters, so the default keeps an inline save under about 50 ms (docs/SCALE.md).
INLINE_EXTRACT_CHARS = int(os.environ.get("MINUTEBOOK_INLINE_EXTRACT_CHARS", 20000))
Q_CLUSTER = {
    "name": "minutebook",
    "orm": "default",
    "workers": int(os.environ.get("MINUTEBOOK_WORKER_PROCESSES", 1)),
    "timeout": _TASK_TIMEOUT,
    "retry": int(os.environ.get("MINUTEBOOK_TASK_RETRY", _TASK_TIMEOUT + 600)),
    "max_attempts": int(os.environ.get("MINUTEBOOK_TASK_ATTEMPTS", 5)),
    "ack_failures": False,
    "save_limit": 1000,
    "poll": float(os.environ.get("MINUTEBOOK_QUEUE_POLL", 1.0)),
    "catch_up": False,
    "daemonize_workers": False,  # a task may start processes of its own (extractor pool)
    "recycle": 200,
    "label": "Background work",
}
# The open-data API (minutebook/api, docs/API.md): anyone may read it from any origin, a
# client (IP address; MINUTEBOOK_NUM_PROXIES trusted proxies in front) gets
# MINUTEBOOK_API_RATE_LIMIT requests per API_RATE_WINDOW seconds (0: no limit).
API_RATE_LIMIT = int(os.environ.get("MINUTEBOOK_API_RATE_LIMIT", "600"))
API_RATE_WINDOW = 60
API_CACHE_SECONDS = 60
API_TRUSTED_PROXIES = int(os.environ.get("MINUTEBOOK_NUM_PROXIES", "0"))
CORS_URLS_REGEX = r"^/api/.*$"
CORS_ALLOW_ALL_ORIGINS = True
CORS_ALLOW_METHODS = ["GET", "HEAD", "OPTIONS"]
CORS_EXPOSE_HEADERS = ["ETag", "Last-Modified", "Retry-After"]
# Bulk downloads (`minutebook export --site` writes them; /open-data/ serves them) and the
# site's own address, for links in e-mail sent outside a request (`minutebook alerts send`).
EXPORT_DIR = os.environ.get("MINUTEBOOK_EXPORT_DIR") or str(
    Path(user_data_dir("minutebook", appauthor=False)) / "exports"
)
SITE_URL = os.environ.get("MINUTEBOOK_SITE_URL", "http://127.0.0.1:8000")

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = Path(os.environ.get("MINUTEBOOK_STATIC_ROOT", BASE_DIR.parent / "staticfiles"))
WHITENOISE_USE_FINDERS = True
# Assets are served from the apps' static folders (finders); STATIC_ROOT exists only after
# a collectstatic, so WhiteNoise's warning about its absence is noise for every worker.
warnings.filterwarnings("ignore", message="No directory at: ", category=UserWarning)

# Uploaded committee papers and agenda packs: outside the web root and never served from a
# URL of their own; a view checks who may read each file and sends it with safe headers.
MEDIA_ROOT = Path(os.environ.get("MINUTEBOOK_PAPERS_DIR") or papers_dir())
MEDIA_URL = "/_papers-are-served-by-a-view/"
#: Largest paper a clerk may upload, in bytes (MINUTEBOOK_PAPER_MAX_BYTES).
MINUTEBOOK_PAPER_MAX_BYTES = int(os.environ.get("MINUTEBOOK_PAPER_MAX_BYTES", 20 * 1024 * 1024))
DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440

SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
if PRODUCTION:
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_SSL_REDIRECT = os.environ.get("MINUTEBOOK_SSL_REDIRECT", "1") == "1"
    SECURE_HSTS_SECONDS = 31536000
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# E-mail (question acknowledgements). Development prints to the console, or writes files
# with MINUTEBOOK_EMAIL_BACKEND=django.core.mail.backends.filebased.EmailBackend and
# MINUTEBOOK_EMAIL_FILE_PATH; production sends by SMTP configured from the environment.
EMAIL_BACKEND = os.environ.get(
    "MINUTEBOOK_EMAIL_BACKEND",
    "django.core.mail.backends.smtp.EmailBackend"
    if PRODUCTION
    else "django.core.mail.backends.console.EmailBackend",
)
EMAIL_FILE_PATH = os.environ.get("MINUTEBOOK_EMAIL_FILE_PATH", "/tmp/minutebook-mail")
EMAIL_HOST = os.environ.get("MINUTEBOOK_EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("MINUTEBOOK_EMAIL_PORT", "587" if PRODUCTION else "25"))
EMAIL_HOST_USER = os.environ.get("MINUTEBOOK_EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("MINUTEBOOK_EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = os.environ.get("MINUTEBOOK_EMAIL_USE_TLS", "1" if PRODUCTION else "0") == "1"
EMAIL_TIMEOUT = 20
DEFAULT_FROM_EMAIL = os.environ.get("MINUTEBOOK_FROM_EMAIL", "minutebook <noreply@localhost>")
LOGIN_URL = "questions:login"
# Submitters' e-mail addresses are removed this many months after the meeting
# (`minutebook questions purge`, run daily).
MINUTEBOOK_EMAIL_RETENTION_MONTHS = int(os.environ.get("MINUTEBOOK_EMAIL_RETENTION_MONTHS", "12"))

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("MINUTEBOOK_LOG_LEVEL", "WARNING")},
}
