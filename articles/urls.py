from __future__ import annotations

from django.urls import path

from articles.web import views, views_corrections, views_exports

urlpatterns = [
    path("", views.home, name="home"),
    path("healthz", views.healthz, name="healthz"),
    path("favicon.ico", views.favicon, name="favicon"),
    path("upload/", views.upload_new, name="upload"),
    path("upload/<uuid:batch>/review/", views.upload_review, name="upload_review"),
    path("upload/<uuid:batch>/status/", views.upload_status, name="upload_status"),
    path("upload/<int:pk>/whole-text/", views.upload_whole_text, name="upload_whole_text"),
    path("upload/<int:pk>/raw/", views.upload_raw, name="upload_raw"),
    path("events/<slug:slug>/", views.event_detail, name="event"),
    path("events/<slug:slug>/status/", views.event_status, name="event_status"),
    path("events/<slug:slug>/articles/<int:position>/", views.article_detail, name="article"),
    path("events/<slug:slug>/articles/<int:position>/at/<int:offset>/", views.article_at, name="article_at"),
    path("events/<slug:slug>/actors/<int:pk>/", views.actor_detail, name="actor"),
    path("quotes/<int:pk>/correct/", views_corrections.quote_correct, name="quote_correct"),
    path("events/<slug:slug>/export/event.json", views_exports.event_export_json, name="event_export_json"),
    path("events/<slug:slug>/export/csv.zip", views_exports.event_export_zip, name="event_export_zip"),
    path("events/<slug:slug>/export/<slug:table>.csv", views_exports.event_export_table, name="event_export_table"),
]
