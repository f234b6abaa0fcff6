"""The feedback form: one set of rules for the web form and the API (which binds the
same form to the JSON body), so that both refuse the same things with the same
words, in the person's language."""

import re
import time
from typing import Any

from django import forms
from django.core import signing
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from mujtama.core.forms import ChoosePrompt
from mujtama.core.phones import normalize_phone
from mujtama.feedback.models import DigitalService, Kind, Need, Sentiment
from mujtama.feedback.redaction import redact
from mujtama.geo.models import Governorate
from mujtama.organizations.uploads import check_screenshot

MAX_TEXT = 2000
# Characters that reorder what is shown (embeddings, overrides, isolates): a
# right-to-left override can make a text read differently from what it says.
BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")
STARTED_SALT = "feedback.form.started"


def check_text(text: str) -> str:
    text = text.strip()
    if not text:
        raise ValidationError(_("Please say what happened."), code="required")
    if len(text) > MAX_TEXT:
        raise ValidationError(
            _("Please keep it to %(limit)s characters; this text has %(length)s.")
            % {"limit": MAX_TEXT, "length": len(text)},
            code="max_length",
        )
    if BIDI_CONTROLS.search(text):
        raise ValidationError(
            _(
                "The text contains hidden direction-control characters (often copied from "
                "another application). Please type it again or paste it as plain text."
            ),
            code="bidi_control",
        )
    return text


class FeedbackForm(ChoosePrompt, forms.Form):
    service = forms.ModelChoiceField(
        label=_("Which service?"),
        queryset=DigitalService.objects.filter(is_active=True, ministry__is_active=True)
        .select_related("ministry")
        .order_by("ministry__name_ar", "name_ar"),
        error_messages={
            "required": _("Please choose the service."),
            "invalid_choice": _("There is no such service; please choose one from the list."),
        },
    )
    text = forms.CharField(
        label=_("What happened?"),
        widget=forms.Textarea(attrs={"rows": 6, "maxlength": MAX_TEXT}),
        # Checked by check_text, which counts after trimming and says how long it is.
        strip=False,
        required=False,
        help_text=_("Up to 2,000 characters. Please do not write passwords or card numbers."),
    )
    rating = forms.TypedChoiceField(
        label=_("How would you rate the service?"),
        choices=[("", _("No rating")), *[(str(n), str(n)) for n in range(1, 6)]],
        coerce=int,
        empty_value=None,
        required=False,
        error_messages={"invalid_choice": _("A rating is a whole number from 1 to 5.")},
    )
    governorate = forms.ModelChoiceField(
        label=_("Governorate"),
        queryset=Governorate.objects.order_by("pcode"),
        to_field_name="pcode",
        required=False,
        error_messages={
            "invalid_choice": _("There is no governorate with this code; choose one from the list.")
        },
    )
    contact = forms.CharField(
        label=_("Phone or email (optional)"),
        max_length=254,
        required=False,
        help_text=_("Only if you want an answer by SMS or email."),
    )
    consent_contact = forms.BooleanField(
        label=_("I agree to be contacted about this feedback on this phone or email."),
        required=False,
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["service"].label_from_instance = lambda service: (  # type: ignore[attr-defined]
            f"{service.name} — {service.ministry.name}"
        )

    def clean_text(self) -> str:
        return check_text(self.cleaned_data.get("text") or "")

    def clean_contact(self) -> dict[str, str]:
        typed = (self.cleaned_data.get("contact") or "").strip()
        if not typed:
            return {}
        if "@" in typed:
            try:
                validate_email(typed)
            except ValidationError:
                raise ValidationError(
                    _("This email address does not look right."), code="invalid_email"
                ) from None
            return {"email": typed.lower()}
        phone = normalize_phone(typed)
        if phone is None:
            raise ValidationError(
                _("Enter a phone number of 8 to 15 digits (e.g. 0933123456) or an email."),
                code="invalid_phone",
            )
        return {"phone": phone}

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        contact = cleaned.get("contact")
        consent = cleaned.get("consent_contact")
        if contact and not consent and "contact" not in self.errors:
            self.add_error(
                "consent_contact",
                ValidationError(
                    _(
                        "To get an answer, tick that you agree to be contacted, or leave the "
                        "phone or email empty."
                    ),
                    code="consent_required",
                ),
            )
        if consent and not contact and "contact" not in self.errors:
            self.add_error(
                "contact",
                ValidationError(
                    _("Write the phone or email we may contact you on."), code="contact_required"
                ),
            )
        return cleaned


class WebFeedbackForm(FeedbackForm):
    """The web form adds the screenshot and two checks against scripts: a field
    people never see (``website``) and the time it took to fill the form."""

    screenshot = forms.FileField(
        label=_("Screenshot (optional)"),
        required=False,
        help_text=_("A JPEG, PNG or WebP image of up to 5 MB."),
        widget=forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
    )
    website = forms.CharField(required=False, label=_("Leave this field empty"))
    started = forms.CharField(required=False, widget=forms.HiddenInput)

    field_order = [
        "service",
        "text",
        "rating",
        "governorate",
        "screenshot",
        "contact",
        "consent_contact",
    ]

    def __init__(self, *args: Any, min_seconds: int = 0, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.min_seconds = min_seconds
        # A fresh start time with every rendering (also after an error).
        self.fields["started"].initial = signing.dumps(time.time(), salt=STARTED_SALT)

    def clean_screenshot(self) -> Any:
        upload = self.cleaned_data.get("screenshot")
        if not upload:
            return None
        return check_screenshot(upload)

    def is_script(self) -> bool:
        """Whether the post came from a script: the invisible field was filled."""
        return bool(self.data.get("website"))

    def too_fast(self) -> bool:
        try:
            started = float(
                signing.loads(self.data.get("started", ""), salt=STARTED_SALT, max_age=86400)
            )
        except (signing.BadSignature, TypeError, ValueError):
            return True
        return time.time() - started < self.min_seconds


class TrackForm(forms.Form):
    code = forms.CharField(label=_("Tracking code"), max_length=20)


class CitizenAnswerForm(forms.Form):
    text = forms.CharField(
        label=_("Your answer"),
        widget=forms.Textarea(attrs={"rows": 4, "maxlength": MAX_TEXT}),
        strip=False,
        required=False,
    )

    def clean_text(self) -> str:
        return check_text(self.cleaned_data.get("text") or "")


class SolvedForm(forms.Form):
    solved = forms.TypedChoiceField(
        label=_("Was it solved?"),
        choices=[("yes", _("Yes, it was solved")), ("no", _("No, it was not solved"))],
        widget=forms.RadioSelect,
        error_messages={"required": _("Please choose yes or no.")},
    )
    comment = forms.CharField(
        label=_("Anything to add? (optional)"),
        widget=forms.Textarea(attrs={"rows": 3, "maxlength": MAX_TEXT}),
        required=False,
        max_length=MAX_TEXT,
    )


class ReplyForm(forms.Form):
    text = forms.CharField(
        label=_("Message to the citizen"),
        widget=forms.Textarea(attrs={"rows": 4, "maxlength": MAX_TEXT}),
        strip=False,
        required=False,
    )

    def clean_text(self) -> str:
        return check_text(self.cleaned_data.get("text") or "")


class ClassifyForm(ChoosePrompt, forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=[("", ""), *Kind.choices])
    sentiment = forms.ChoiceField(label=_("Sentiment"), choices=[("", ""), *Sentiment.choices])


class RouteForm(ChoosePrompt, forms.Form):
    service = forms.ModelChoiceField(
        label=_("Service"),
        queryset=DigitalService.objects.filter(is_active=True).select_related("ministry"),
    )


class MergeForm(forms.Form):
    into = forms.CharField(label=_("Tracking code of the item it duplicates"), max_length=20)


class NeedMergeForm(forms.Form):
    into = forms.ModelChoiceField(label=_("Merge into the need"), queryset=Need.objects.none())

    def __init__(self, *args: Any, need: Need, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["into"].queryset = Need.objects.filter(service_id=need.service_id).exclude(  # type: ignore[attr-defined]
            pk=need.pk
        )


class NeedSplitForm(forms.Form):
    items = forms.ModelMultipleChoiceField(
        label=_("Items that belong to another need"),
        queryset=Need.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choose at least one item to move.")},
    )
    title = forms.CharField(label=_("Title of the new need"), max_length=200, required=False)

    def __init__(self, *args: Any, need: Need, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["items"].queryset = need.items.all()  # type: ignore[attr-defined]
        self.fields["items"].label_from_instance = lambda item: (  # type: ignore[attr-defined]
            f"{item.tracking_code} — {Truncator(redact(item.text)).chars(120)}"
        )
