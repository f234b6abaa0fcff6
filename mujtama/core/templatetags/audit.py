from django import template

from mujtama.core.services import verb_label

register = template.Library()


@register.filter
def event_label(verb: str) -> str:
    """The readable name of an audit verb, in the active language."""
    return verb_label(verb)
