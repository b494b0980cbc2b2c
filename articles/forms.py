"""Forms for the upload and review steps."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.files.uploadedfile import UploadedFile

from articles.models import Event


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    widget = MultipleFileInput

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        # Empty files reach the parser, which explains what to do with them.
        super().__init__(*args, allow_empty_file=True, **kwargs)

    def clean(self, data: Any, initial: Any = None) -> list[UploadedFile]:
        if not data:
            return []
        items = data if isinstance(data, list | tuple) else [data]
        return [super(MultipleFileField, self).clean(item, initial) for item in items]


class UploadForm(forms.Form):
    documents = MultipleFileField(
        required=False,
        label="Files",
        help_text="Text dumps (.txt), saved web pages (.html), JSON, or a ZIP of them.",
    )
    text = forms.CharField(
        required=False,
        label="Or paste the coverage",
        widget=forms.Textarea(attrs={"rows": 8, "spellcheck": "false"}),
    )
    event = forms.ModelChoiceField(
        queryset=Event.objects.all(), required=False, label="Add to an existing event",
        empty_label="— a new event —",
    )
    event_name = forms.CharField(
        required=False, max_length=300, label="New event name",
        help_text="For example: “Tillerson–Lavrov press conference, Moscow, 12 April 2017”.",
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not data.get("documents") and not (data.get("text") or "").strip():
            raise forms.ValidationError("Choose at least one file or paste some text.")
        if not data.get("event") and not (data.get("event_name") or "").strip():
            raise forms.ValidationError("Choose an event or give the new event a name.")
        return data


class ReviewArticleForm(forms.Form):
    """One detected article on the review page."""

    key = forms.CharField(widget=forms.HiddenInput)
    keep = forms.BooleanField(required=False, initial=True, label="Keep")
    merge_with_next = forms.BooleanField(required=False, label="Merge with the next article")
    split_at = forms.IntegerField(
        required=False, min_value=1, label="Split before paragraph",
        help_text="Start a new article at this paragraph number.",
    )
    title = forms.CharField(max_length=500)
    published = forms.DateField(required=False, label="Date", widget=forms.DateInput(attrs={"type": "date"}))
    byline = forms.CharField(max_length=300, required=False)
    outlet = forms.CharField(max_length=200, required=False)


ReviewFormSet = forms.formset_factory(ReviewArticleForm, extra=0)


class ReviewEventForm(forms.Form):
    event_name = forms.CharField(max_length=300, label="Event")
