"""Forms for the upload and review steps."""

from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile, UploadedFile
from django.http import QueryDict

from articles.drafts import split_refusal
from articles.ingest.formats.registry import described
from articles.models import Event
from articles.services.uploads import PASTED_NAME, default_event_name
from articles.web.params import MAX_DIGITS


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


# The upload page's menu lists the newest events; any event can still be chosen (validated
# against them all): an event's page links to the upload page with it chosen.
MENU_EVENTS = 100


class UploadForm(forms.Form):
    documents = MultipleFileField(
        required=False,
        label="Files",
        help_text=described(),
    )
    # Without JavaScript the pasted text is this form field, held in memory and bounded by
    # DATA_UPLOAD_MAX_MEMORY_SIZE. With it, static/js/newsframe.js sends the text as the file
    # part `pasted` instead, which Django's upload handlers stream to disk like any file.
    text = forms.CharField(
        required=False,
        label="Or paste the coverage",
        strip=False,
        widget=forms.Textarea(attrs={"rows": 8, "spellcheck": "false", "data-paste-as": "pasted"}),
    )
    pasted = forms.FileField(required=False, allow_empty_file=True)
    event = forms.ModelChoiceField(
        queryset=Event.objects.all(), required=False, label="Add to an existing event",
        empty_label="— a new event —",
        error_messages={"invalid_choice": "That event is no longer there (it may have been deleted): "
                                          "choose another, or leave “a new event” and give a name."},
    )
    event_name = forms.CharField(
        required=False, max_length=300, label="New event name",
        help_text="For example: “Tillerson–Lavrov press conference, Moscow, 12 April 2017”. "
                  "Left empty, it is named after the first file; you can change it on the next page.",
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["event"]
        assert isinstance(field, forms.ModelChoiceField)
        menu = [(e.pk, e.name) for e in Event.objects.only("pk", "name")[:MENU_EVENTS]]
        chosen = str(self["event"].value() or "")  # posted or from ?event=, as sent
        if chosen.isascii() and chosen.isdigit() and len(chosen) <= MAX_DIGITS and chosen not in {
                str(pk) for pk, _ in menu}:
            menu += [(e.pk, e.name) for e in Event.objects.filter(pk=int(chosen)).only("pk", "name")]
        field.widget.choices = [("", field.empty_label), *menu]

    def clean_pasted(self) -> UploadedFile | None:
        """The pasted text as one file named by us, whichever way it came."""
        pasted: UploadedFile | None = self.cleaned_data.get("pasted")
        text = self.cleaned_data.get("text") or ""
        if pasted is None and text.strip():
            pasted = SimpleUploadedFile(PASTED_NAME, text.encode("utf-8"), "text/plain")
        if pasted is not None:
            pasted.name = PASTED_NAME
        return pasted

    def _echo_pasted_text(self, pasted: UploadedFile | None) -> None:
        """A page shown again keeps the text sent as a file part in its box, as the field
        does without JS; a text too big for the field is not echoed."""
        if pasted is None or self.data.get("text") or (pasted.size or 0) > settings.DATA_UPLOAD_MAX_MEMORY_SIZE:
            return
        pasted.seek(0)
        text = pasted.read().decode("utf-8", "replace")
        pasted.seek(0)
        # A QueryDict copy, not a dict: a dict of the QueryDict's lists would show the event
        # name box as "['My event']" and send that back as the name.
        data = self.data.copy() if isinstance(self.data, QueryDict) else dict(self.data)
        data["text"] = text
        self.data = data

    def files_to_keep(self) -> list[UploadedFile]:
        """The chosen files, then the pasted text as the file pasted.txt."""
        return [*self.cleaned_data["documents"], *filter(None, [self.cleaned_data["pasted"]])]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        self._echo_pasted_text(data.get("pasted"))
        if not data.get("documents") and not data.get("pasted"):
            raise forms.ValidationError("Choose at least one file or paste some text.")
        if not data.get("event") and not (data.get("event_name") or "").strip():
            # Refusing would lose the chosen files (a browser cannot put them back in the form).
            data["event_name"] = default_event_name([f.name or "" for f in self.files_to_keep()])
        return data


class ReviewArticleForm(forms.Form):
    """One detected article on the review page."""

    key = forms.CharField(widget=forms.HiddenInput)
    keep = forms.BooleanField(required=False, initial=True, label="Keep")
    merge_with_next = forms.BooleanField(required=False, label="Merge with the next article")
    split_at = forms.IntegerField(
        required=False, min_value=2, label="Split before paragraph",
        help_text="Start a new article at this paragraph number (as listed under “First lines and paragraphs”).",
        error_messages={"min_value": "Paragraph 1 starts the article already: give the number of the paragraph "
                                     "the new article starts with, 2 or more."},
    )
    title = forms.CharField(max_length=500)
    published = forms.DateField(required=False, label="Date", widget=forms.DateInput(attrs={"type": "date"}))
    byline = forms.CharField(max_length=300, required=False)
    outlet = forms.CharField(max_length=200, required=False)

    def full_clean(self) -> None:
        """A draft the reviewer does not keep becomes no article: its fields are not checked
        (an error there would block the page for nothing); a field that fails keeps its
        stored value, which the confirm fits to its column like any draft's."""
        super().full_clean()
        if self.is_bound and not self.cleaned_data.get("keep"):
            self.errors.clear()

    def clean_split_at(self) -> int | None:
        # The draft's text is in the form's initial values (the review page's), its number too.
        split_at: int | None = self.cleaned_data.get("split_at")
        number = self.initial.get("number")
        refusal = split_refusal(str(self.initial.get("body", "")), split_at,
                                article=f"Article {number}" if number else "This article")
        if refusal:
            raise forms.ValidationError(refusal)
        return split_at


ReviewFormSet = forms.formset_factory(ReviewArticleForm, extra=0)


class ReviewEventForm(forms.Form):
    # as wide as the names people give ("Government shutdown deal, January 2019"), not 20 characters
    event_name = forms.CharField(max_length=300, label="Event", widget=forms.TextInput(attrs={"size": 60}))
