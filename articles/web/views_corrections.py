"""The in-page correction: an editor changes a quote's speaker (or marks it "not a
quote", or fixes its kind) from the article page. With JS the page posts with
fetch and swaps in the server-rendered quote item; without JS it is a plain
form POST and a redirect back. Permission and CSRF are checked here, on the server."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from articles.models import Article, Quote
from articles.services import corrections, editing
from articles.web.params import whole_number
from articles.web.parts import offset_url


class QuoteCorrectForm(forms.Form):
    speaker_name = forms.CharField(required=False, max_length=300)
    kind = forms.ChoiceField(choices=Quote.Kind.choices)
    not_quote = forms.BooleanField(required=False)
    revision = forms.IntegerField(min_value=0)
    note = forms.CharField(required=False, max_length=2000)

    def clean(self) -> dict[str, object]:
        data = super().clean() or {}
        if not data.get("not_quote") and not " ".join(str(data.get("speaker_name") or "").split()):
            raise forms.ValidationError("Name the speaker, or tick “not a quote”.")
        return data


@login_required
@require_POST
def quote_correct(request: HttpRequest, pk: int) -> HttpResponse:
    if not editing.can_correct(request.user):
        raise PermissionDenied("Only editors can correct quotes.")
    quote = Quote.objects.select_related("article__event").filter(pk=pk).first()
    if quote is None:
        return _quote_gone(request, pk, corrections.QUOTE_GONE)
    form = QuoteCorrectForm(request.POST)
    status, error = 200, ""
    if not form.is_valid():
        status, error = 400, " ".join(str(e) for errs in form.errors.values() for e in errs)
    else:
        data = form.cleaned_data
        try:
            corrections.quote_correct(
                quote=quote, user=request.user, note=data["note"], kind=data["kind"],
                speaker_name="" if data["not_quote"] else data["speaker_name"],
                is_quote=not data["not_quote"], expected_revision=data["revision"],
            )
        except editing.Gone as exc:
            return _quote_gone(request, pk, str(exc))
        except editing.Conflict as exc:
            status, error = 409, str(exc)
        except editing.CorrectionError as exc:
            status, error = 400, str(exc)
    if request.headers.get("X-Requested-With") != "fetch":
        if error:
            messages.error(request, error)
        else:
            messages.success(request, "Correction saved.")
        return redirect(offset_url(quote.article, quote.start, f"q-{quote.pk}"))
    fresh = Quote.objects.select_related("speaker__event").filter(pk=pk).first()
    context = {"q": fresh or quote, "correct_error": error, "correct_saved": not error}
    return render(request, "articles/_quote_item.html", context, status=status)


def _quote_gone(request: HttpRequest, pk: int, message: str) -> HttpResponse:
    """A quote a new analysis replaced while the editor's page was open: with JS, a 409 and
    a quote item saying so in place of the quote's (the page shows it); without, back to
    the article (the form names it) with the message, rather than a 404 page."""
    if request.headers.get("X-Requested-With") == "fetch":
        return render(request, "articles/_quote_gone.html", {"pk": pk, "correct_error": message}, status=409)
    messages.error(request, message)
    article = Article.objects.filter(pk=whole_number(request.POST.get("article", ""), "article") or 0).first()
    return redirect(article.get_absolute_url() if article else "home")
