from django import template

from mujtama.accounts.roles import StaffRole

register = template.Library()


@register.filter
def role_label(name: str) -> str:
    """The translated label of a role key (unknown keys are shown as they are)."""
    try:
        return str(StaffRole(name).label)
    except ValueError:
        return name
