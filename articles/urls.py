from __future__ import annotations

from django.urls import path, register_converter

from articles.web import views, views_corrections, views_exports


class EventSlug:
    """An event's slug: Django's Unicode slug ("新闻发布会" as well as "port-strike"; an event
    named in a script we do not spell in Latin keeps its letters). `<slug:…>` takes ASCII only."""

    regex = r"[-\w]+"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


register_converter(EventSlug, "event")

urlpatterns = [
    path("", views.home, name="home"),
    path("healthz", views.healthz, name="healthz"),
    path("favicon.ico", views.favicon, name="favicon"),
    path("upload/", views.upload_new, name="upload"),
    path("upload/<uuid:batch>/review/", views.upload_review, name="upload_review"),
    path("upload/<uuid:batch>/status/", views.upload_status, name="upload_status"),
    path("upload/<int:pk>/whole-text/", views.upload_whole_text, name="upload_whole_text"),
    path("upload/<int:pk>/raw/", views.upload_raw, name="upload_raw"),
    path("events/<event:slug>/", views.event_detail, name="event"),
    path("events/<event:slug>/status/", views.event_status, name="event_status"),
    path("events/<event:slug>/articles/<int:position>/", views.article_detail, name="article"),
    path("events/<event:slug>/articles/<int:position>/at/<int:offset>/", views.article_at, name="article_at"),
    path("events/<event:slug>/actors/<int:pk>/", views.actor_detail, name="actor"),
    path("quotes/<int:pk>/correct/", views_corrections.quote_correct, name="quote_correct"),
    path("events/<event:slug>/export/event.json", views_exports.event_export_json, name="event_export_json"),
    path("events/<event:slug>/export/csv.zip", views_exports.event_export_zip, name="event_export_zip"),
    path("events/<event:slug>/export/<slug:table>.csv", views_exports.event_export_table, name="event_export_table"),
]
