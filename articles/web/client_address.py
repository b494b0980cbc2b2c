"""The address a request came from, for the anonymous limits and the login throttle.

Behind a reverse proxy REMOTE_ADDR is the proxy's, so every reader would share one budget
of large exports and one login lockout (five wrong passwords from anyone would lock
everyone out). NEWSFRAME_PROXIES says how many proxies in front of gunicorn append to
X-Forwarded-For; the client is the address the outermost of them saw, the n-th from the
right (what a client writes into the header itself lies further left and is never read).
"""

from __future__ import annotations

import ipaddress

from django.conf import settings
from django.http import HttpRequest


def client_address(request: HttpRequest) -> str:
    remote = str(request.META.get("REMOTE_ADDR", ""))
    proxies = settings.NEWSFRAME_PROXIES
    if not proxies:
        return remote
    forwarded = [a.strip() for a in str(request.META.get("HTTP_X_FORWARDED_FOR", "")).split(",") if a.strip()]
    if len(forwarded) < proxies:
        return remote  # not through all the proxies: only the connection's address is known
    seen = forwarded[-proxies]
    try:
        return str(ipaddress.ip_address(seen))
    except ValueError:
        return remote  # a proxy that writes no address here is not one NEWSFRAME_PROXIES counts
