from django import forms
from django.utils.translation import gettext_lazy as _


class AuditFilterForm(forms.Form):
    verb = forms.CharField(label=_("Action starts with"), required=False, max_length=100)
    object_type = forms.CharField(label=_("Object type"), required=False, max_length=100)
    actor_email = forms.EmailField(label=_("Actor's email"), required=False)
