"""The public verification page of every document the platform issues
(``core.verification``): type a code, or follow a QR code, and see whether the document
is genuine and still valid."""

from django import forms
from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext_lazy as _

from mujtama.core import codes
from mujtama.core.context import current_ip_hash
from mujtama.core.models import VerifiableDocument
from mujtama.core.policies import PUBLIC, route_policy
from mujtama.core.ratelimit import hit, too_many
from mujtama.core.verification import DOCUMENT_WORKFLOW, normalize

TOO_MANY = _("Too many codes were tried from here. Please wait an hour and try again.")


class VerifyForm(forms.Form):
    code = forms.CharField(label=_("Verification code"), max_length=40)


def _another_miss_allowed() -> bool:
    """Count a lookup that found nothing; False once this client tried too many."""
    return hit("verify-miss", current_ip_hash(), limit=settings.VERIFY_LOOKUP_LIMIT, window=3600)


def _private(response: HttpResponse) -> HttpResponse:
    response["Cache-Control"] = "private, no-store"
    response["Referrer-Policy"] = "no-referrer"
    return response


@route_policy(PUBLIC)
def verify_lookup(request: HttpRequest) -> HttpResponse:
    form = VerifyForm(request.GET or None)
    if form.is_bound and form.is_valid():
        code = normalize(form.cleaned_data["code"])
        if code and VerifiableDocument.objects.filter(code=code).exists():
            return redirect("verification:document", code=code)
        if not _another_miss_allowed():
            return too_many(request, str(TOO_MANY))
        form.add_error(
            "code",
            _(
                "No document issued by the platform has this code. Check it and try "
                "again (12 letters and digits)."
            ),
        )
    return _private(render(request, "core/verify_lookup.html", {"form": form}))


@route_policy(PUBLIC)
def verify(request: HttpRequest, code: str) -> HttpResponse:
    stored = normalize(code)
    document = VerifiableDocument.objects.filter(code=stored).first() if stored else None
    if document is None:
        if not _another_miss_allowed():
            return too_many(request, str(TOO_MANY))
        form = VerifyForm(initial={"code": code[:40]})
        response = render(
            request, "core/verify_not_found.html", {"form": form, "typed": code[:40]}, status=404
        )
        return _private(response)
    if document.code != code:  # typed in another form: show the canonical address
        return redirect("verification:document", code=document.code)
    context = {
        "document": document,
        "code": codes.display(document.code),
        "state": DOCUMENT_WORKFLOW.label(document.status, public=True),
    }
    return _private(render(request, "core/verify.html", context))
