from __future__ import annotations

from django.urls import path

from articles import views

urlpatterns = [
    path("", views.home, name="home"),
    path("healthz", views.healthz, name="healthz"),
    path("upload/", views.upload_new, name="upload"),
    path("upload/<uuid:batch>/review/", views.upload_review, name="upload_review"),
    path("upload/<int:pk>/whole-text/", views.upload_whole_text, name="upload_whole_text"),
    path("upload/<int:pk>/raw/", views.upload_raw, name="upload_raw"),
    path("events/<slug:slug>/", views.event_detail, name="event"),
    path("events/<slug:slug>/status/", views.event_status, name="event_status"),
    path("events/<slug:slug>/articles/<int:position>/", views.article_detail, name="article"),
    path("events/<slug:slug>/actors/<int:pk>/", views.actor_detail, name="actor"),
]
