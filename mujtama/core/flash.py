"""Telling the person why an action on a page that redirects did not happen."""

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest
from django.utils.translation import gettext as _


def flash_refusal(request: HttpRequest, exc: ValidationError | PermissionDenied) -> None:
    """A service refused: show its reasons (already in the person's language)."""
    if isinstance(exc, ValidationError):
        for message in exc.messages:
            messages.error(request, str(message))
    else:
        messages.error(request, str(exc) or _("You may not do this."))


def flash_form_errors(request: HttpRequest, form: Any) -> None:
    """A refused form on a page that redirects: say why rather than nothing."""
    for errors in form.errors.values():
        for error in errors:
            messages.error(request, str(error))


def flash_act(request: HttpRequest, act: Callable[[str, str], Any]) -> None:
    """Run ``act(action, reason)`` from a posted ``ActionForm`` and say how it went:
    "Done.", or the service's refusal in the person's language."""
    from mujtama.core.forms import ActionForm

    form = ActionForm(request.POST)
    if not form.is_valid():
        flash_form_errors(request, form)
        return
    try:
        act(form.cleaned_data["action"], form.cleaned_data["reason"])
    except (ValidationError, PermissionDenied) as exc:
        flash_refusal(request, exc)
    else:
        messages.success(request, _("Done."))
