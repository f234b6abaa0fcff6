from collections.abc import Iterable
from typing import Any, cast

from django import forms
from django.utils.translation import gettext_lazy as _


class AuditFilterForm(forms.Form):
    verb = forms.CharField(label=_("Action starts with"), required=False, max_length=100)
    object_type = forms.CharField(label=_("Object type"), required=False, max_length=100)
    actor_email = forms.EmailField(label=_("Actor's email"), required=False)


CHOOSE = _("Choose…")


class ChoosePrompt:
    """Gives every single-choice field's empty option a translated "Choose…" prompt
    (Django's own dashed prompt has no Arabic translation)."""

    fields: dict[str, forms.Field]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            if isinstance(field, forms.ChoiceField) and not isinstance(
                field, forms.MultipleChoiceField
            ):
                choices = list(cast(Iterable[Any], field.choices))
                if choices and choices[0][0] == "" and str(choices[0][1]).startswith(("-", "—")):
                    field.choices = [("", CHOOSE), *choices[1:]]


class ActionForm(forms.Form):
    """A workflow action posted by a button, with its reason when the step needs one."""

    action = forms.CharField(max_length=40)
    reason = forms.CharField(label=_("Reason"), required=False, max_length=1000)
