"""gunicorn's settings, one place for `make serve`, docker compose's web service and the
load runs (bench/loadrun.py); the number of workers is given on each command line.

gthread with one thread a worker serves as sync workers do (one request a process; the
others wait in the listen queue for a free process, as a page is CPU-bound Python), but
its main thread tells the master it is alive while the request runs. A sync worker tells
it only between requests, so one streaming a large export to a slow client was killed
after `timeout` seconds and the download ended cut (tests/exports/test_slow_download_live.py).
"""

wsgi_app = "newsframe.wsgi"
worker_class = "gthread"
threads = 1
worker_connections = 1  # take a connection only when the thread is free; a free worker takes the rest
keepalive = 0  # close after each response, as sync workers do, so no idle connection holds the thread
timeout = 30  # now only for a worker frozen whole: requests are bounded by statement_timeout
