"""In Arabic, in the browser: a new user registers an organization, fills it in,
uploads its documents and submits a joining application; a MoCT officer reviews
and approves it; the organization appears in the public directory."""

import pytest

from mujtama.accounts.tests.factories import UserFactory
from mujtama.geo.models import Governorate
from mujtama.organizations.models import ExpertiseArea, JoiningApplication, Membership
from mujtama.organizations.tests.factories import PDF_BYTES, criteria_in_force
from tests.browser.conftest import sign_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_register_apply_and_approve_in_arabic(browser, live_server, shot, moct_officer):
    base = live_server.url
    criteria_in_force(moct_officer)
    founder = UserFactory(full_name="سلمى الحسن", email="salma@example.sy")
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    errors = []
    page.on(
        "console",
        lambda msg: errors.append(msg.text) if "Content Security Policy" in msg.text else None,
    )

    sign_in(page, base, founder.email)
    page.goto(base + "/ar/my/organizations/new/")
    assert page.get_attribute("html", "dir") == "rtl"
    page.select_option("select[name=kind]", "tech_ngo")
    page.select_option("select[name=legal_status]", "licensed")
    page.fill("input[name=registration_number]", "ج-٢٠٢٤/٥٥")
    page.fill("input[name=founding_year]", "2019")
    page.fill("input[name=name_ar]", "جمعية المنارة الرقمية")
    page.fill("input[name=name_en]", "Al-Manara Digital Association")
    page.fill(
        "textarea[name=description_ar]", "جمعية تدرّب الشباب في الريف على البرمجة والأمن الرقمي."
    )
    page.fill(
        "textarea[name=description_en]",
        "Trains young people in rural areas in coding and digital safety.",
    )
    page.fill("input[name=members_count]", "18")
    page.fill("input[name=public_email]", "info@manara.org.sy")
    page.check(f"input[name=governorates][value='{Governorate.objects.get(pcode='SY05').pk}']")
    page.check(
        f"input[name=expertise_areas][value='{ExpertiseArea.objects.get(code='digital_skills').pk}']"
    )
    shot(page, "org-register-ar")
    page.click("main form button[type=submit]")
    page.wait_for_url("**/my/organizations/*/")
    organization_url = page.url

    page.goto(organization_url + "documents/")
    for kind in ("statutes", "board_list"):
        page.select_option("select[name=kind]", kind)
        page.set_input_files(
            "input[name=file]",
            {"name": f"{kind}.pdf", "mimeType": "application/pdf", "buffer": PDF_BYTES},
        )
        page.click("form[enctype='multipart/form-data'] button[type=submit]")
        page.wait_for_selector(".messages")

    page.goto(organization_url + "application/")
    page.click("button[name=action][value=start]")
    page.wait_for_selector("button[name=action][value=submit]")
    shot(page, "org-application-ar")
    page.click("button[name=action][value=submit]")
    page.wait_for_selector(".messages")
    application = JoiningApplication.objects.get(
        organization__name_en="Al-Manara Digital Association"
    )
    assert application.status == "submitted"
    context.close()

    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.on(
        "console",
        lambda msg: errors.append(msg.text) if "Content Security Policy" in msg.text else None,
    )
    sign_in(page, base, moct_officer.email, second_factor=True)
    page.goto(base + "/ar/staff/organizations/")
    page.click("text=جمعية المنارة الرقمية")
    page.click("button[name=action][value=start_review]")
    page.wait_for_selector("input[name=checks]:not([disabled])")
    for checkbox in page.locator("input[name=checks]").all():
        checkbox.check()
    page.click("form[action$='/checks/'] button[type=submit]")
    page.wait_for_selector(".messages")
    page.fill("textarea[name=reason]", "الجهة مستوفية لمعايير الانضمام.")
    shot(page, "staff-application-ar")
    page.click("button[name=action][value=approve]")
    page.wait_for_selector(".messages")
    assert Membership.objects.get(organization=application.organization).status == "active"

    page.goto(base + "/ar/organizations/?q=المناره")
    assert page.locator("text=جمعية المنارة الرقمية").count() >= 1
    shot(page, "directory-ar")
    assert errors == []
