from __future__ import annotations

from django.contrib import admin
from django.urls import include, path

from articles.api import api

urlpatterns = [
    path("admin/", admin.site.urls),
    path("accounts/", include("django.contrib.auth.urls")),
    path("api/", api.urls),
    path("", include("articles.urls")),
]

# An oversize form is a 413 with the limits spelt out, not a bare 400 (articles/web/middleware.py).
handler400 = "articles.web.middleware.bad_request"
