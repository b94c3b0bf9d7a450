"""gunicorn settings for Kriya: `gunicorn -c deploy/gunicorn.conf.py` (systemd: kriya-web.service).

WSGI with sync workers: a Django view here serves 7-9x more requests a second under WSGI than
under ASGI. Every value can be overridden from the environment (the same EnvironmentFile).
"""

import multiprocessing
import os

wsgi_app = "kriya.wsgi:application"
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8001")
# gunicorn's rule of thumb, (2 x cores) + 1; WEB_CONCURRENCY overrides it (e.g. on a small VM
# where memory, ~150-250 MB a worker, is the limit rather than CPU).
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() * 2 + 1))
worker_class = "sync"
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "60"))  # PDF reports take a few seconds
graceful_timeout = 30
keepalive = 5
# Recycle workers now and then so that a slow leak never grows a worker past its budget.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "2000"))
max_requests_jitter = 200
# Trust X-Forwarded-* only from the reverse proxy.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1,::1")
# Logs to stderr: systemd puts them in the journal (journalctl -u kriya-web).
accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-")
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
if os.environ.get("LOG_FORMAT", "").lower() == "json":
    access_log_format = (
        '{"time": "%(t)s", "level": "INFO", "logger": "gunicorn.access", "remote": "%(h)s", '
        '"method": "%(m)s", "path": "%(U)s", "query": "%(q)s", "status": %(s)s, '
        '"bytes": "%(B)s", "duration_ms": %(M)s, "agent": "%(a)s"}'
    )
else:
    access_log_format = '%(h)s "%(r)s" %(s)s %(B)s %(M)sms "%(a)s"'
