from typing import Any

import pytest

from mujtama.accounts.tests.factories import UserFactory
from mujtama.organizations.models import MemberRole
from mujtama.organizations.tests.factories import OrganizationFactory, add_member


@pytest.fixture
def world(db: Any) -> dict[str, Any]:
    owner = UserFactory(full_name="سلمى الأحمد")
    organization = OrganizationFactory(created_by=owner)
    editor = add_member(organization, UserFactory(full_name="محمد العلي"))
    viewer = add_member(organization, UserFactory(), MemberRole.VIEWER)
    other_owner = UserFactory()
    other = OrganizationFactory(created_by=other_owner)
    other_editor = add_member(other, UserFactory())
    return {
        "owner": owner,
        "organization": organization,
        "editor": editor,
        "viewer": viewer,
        "other": other,
        "other_owner": other_owner,
        "other_editor": other_editor,
        "volunteer": UserFactory(full_name="ليلى عبد الرحمن الحسن"),
        "stranger": UserFactory(),
    }
