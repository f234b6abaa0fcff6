"""In Arabic, in the browser: a program manager publishes a call; a member
organization's owner sees it is eligible, applies and submits; the manager screens
the application and assigns a reviewer; the reviewer declares no conflict of
interest and scores it; the manager shortlists and awards it and publishes the
results, which the public call page then lists."""

from datetime import timedelta

import pytest

from mujtama.organizations.tests.factories import PDF_BYTES
from mujtama.programs.models import Application, Award, Call, Review
from mujtama.programs.services.calls import calls_tick
from mujtama.programs.tests.factories import make_call, make_program, member_org, question
from tests.browser.conftest import sign_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

ORGANIZATION = "جمعية الجسر الرقمي"
PROJECT = "أكاديمية البرمجة لشباب الريف"


def _new_page(browser, errors):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.on(
        "console",
        lambda msg: errors.append(msg.text) if "Content Security Policy" in msg.text else None,
    )
    return page


def _post(page, selector):
    """Click a submit button, wait for the page the POST redirects to, and return
    the flashed messages (refusing any error message)."""
    with page.expect_navigation():
        page.click(selector)
    page.wait_for_selector(".messages")
    assert page.locator(".messages .message.error").count() == 0, page.inner_text(".messages")
    return page.inner_text(".messages")


def test_publish_apply_review_and_award_in_arabic(
    browser, live_server, shot, program_manager, reviewer, org_owner
):
    base = live_server.url
    errors: list[str] = []

    # --- 1. The program manager publishes a draft call --------------------------------------
    # The draft is written through the services (the call builder has its own tests);
    # its window opened yesterday and closes in 20 days.
    call = make_call(program_manager, program=make_program(program_manager), state="draft")
    assert call.status == "draft"
    manager = _new_page(browser, errors)
    sign_in(manager, base, program_manager.email, second_factor=True)
    manager.goto(f"{base}/ar/staff/programs/calls/{call.pk}/")
    assert manager.get_attribute("html", "dir") == "rtl"
    shot(manager, "programs-call-draft-ar")
    _post(manager, "button[name=action][value=publish]")
    call.refresh_from_db()
    # Publishing makes the call "published"; the periodic task (calls_tick, run by the
    # scheduler) opens it once its opening time has come. Run it here as the scheduler would.
    assert call.status == "published"
    assert calls_tick().opened == [call.pk]
    call.refresh_from_db()
    assert call.status == "open"

    # --- 2. A member organization's owner applies -------------------------------------------
    organization = member_org(org_owner, name_ar=ORGANIZATION, name_en="Digital Bridge")
    owner = _new_page(browser, errors)
    sign_in(owner, base, org_owner.email)
    owner.goto(f"{base}/ar/calls/{call.pk}/")
    verdict = owner.locator(f"#org-{organization.pk} .status")
    assert verdict.inner_text().strip() == "مؤهَّلة"
    shot(owner, "programs-call-public-eligible-ar")
    with owner.expect_navigation():
        owner.click(f"a.button[href$='/apply/?organization={organization.pk}']")
    assert owner.input_value("select[name=lead]") == str(organization.pk)
    owner.fill("input[name=title]", PROJECT)
    _post(owner, "main form[method=post] button[type=submit]")
    application = Application.objects.get(call=call, lead=organization)
    assert owner.url.endswith(f"/ar/my/applications/{application.pk}/")

    owner.fill("input[name=requested_amount]", "1500000")
    owner.fill(f"input[name=q_{question(call, 'text').pk}]", "تدريب ثلاثمئة شاب على البرمجة")
    owner.fill(f"input[name=q_{question(call, 'number').pk}]", "٣٠٠")
    owner.check(f"input[name=q_{question(call, 'choice').pk}][value=remote]")
    owner.fill(
        f"textarea[name=q_{question(call, 'long_text').pk}]",
        "ستة أشهر من التدريب في ثلاث بلدات، ثم مرافقة الخريجين في أول عمل لهم.",
    )
    owner.set_input_files(
        f"input[name=q_{question(call, 'file').pk}]",
        {"name": "الموازنة.pdf", "mimeType": "application/pdf", "buffer": PDF_BYTES},
    )
    _post(owner, "button[name=action][value=save]")
    assert owner.locator("button[name=action][value=submit]").count() == 1
    shot(owner, "programs-application-draft-ar")
    _post(owner, "button[name=action][value=submit]")
    application.refresh_from_db()
    assert application.status == "submitted"
    assert application.requested_amount == 1_500_000
    assert application.answers.count() == 5

    # --- 3. The manager screens it and assigns a reviewer -----------------------------------
    # The call closes when its closing time passes (calls_tick again, as the scheduler
    # would at that time); the manager then starts the review of the call.
    assert calls_tick(now=call.closes_at + timedelta(seconds=1)).closed == [call.pk]
    manager.goto(f"{base}/ar/staff/programs/calls/{call.pk}/")
    _post(manager, "button[name=action][value=start_review]")
    assert Call.objects.get(pk=call.pk).status == "reviewing"
    manager.click(f"a[href$='/staff/programs/applications/{application.pk}/']")
    manager.wait_for_url(f"**/staff/programs/applications/{application.pk}/")
    _post(manager, "button[name=action][value=start_screening]")
    _post(manager, "button[name=action][value=pass_screening]")
    application.refresh_from_db()
    assert application.status == "under_review"
    manager.select_option("select[name=reviewer]", str(reviewer.pk))
    _post(manager, "form[action$='/assign/'] button[type=submit]")
    shot(manager, "programs-staff-application-ar")
    review = Review.objects.get(application=application, reviewer=reviewer)
    assert review.status == "assigned"

    # --- 4. The reviewer declares no conflict and scores it ---------------------------------
    reviewing = _new_page(browser, errors)
    sign_in(reviewing, base, reviewer.email, second_factor=True)
    reviewing.goto(f"{base}/ar/review/")
    reviewing.click(f"a[href$='/ar/review/{review.pk}/']")
    reviewing.wait_for_url(f"**/ar/review/{review.pk}/")
    # Before the declaration the application's content stays closed.
    assert PROJECT not in reviewing.inner_text("main")
    reviewing.check("input[name=declare][value=no]")
    _post(reviewing, "form:has(input[name=declare][value=no]) button[type=submit]")
    assert PROJECT in reviewing.inner_text("h1")
    criteria = list(call.rubric.filter(is_active=True))
    for criterion, value in zip(criteria, (5, 4, 3), strict=True):
        reviewing.check(f"input[name=score_{criterion.pk}][value='{value}']")
        reviewing.fill(
            f"textarea[name=comment_{criterion.pk}]", f"تقييم {criterion.name_ar}: {value} من 5."
        )
    reviewing.fill("textarea[name=comment]", "مشروع واضح الأهداف وقابل للتنفيذ.")
    shot(reviewing, "programs-review-ar")
    _post(reviewing, "button[name=action][value=submit]")
    review.refresh_from_db()
    assert review.status == "submitted"
    assert sorted(review.scores.values_list("value", flat=True)) == [3, 4, 5]

    # --- 5. The manager ranks, shortlists, awards and publishes the results -----------------
    manager.goto(f"{base}/ar/staff/programs/calls/{call.pk}/ranking/")
    ranked = manager.locator("tbody tr", has_text=PROJECT)
    # Weighted mean: (5×3 + 4×2 + 3×1) / 6 = 4.33.
    assert "4.33" in ranked.inner_text()
    shot(manager, "programs-ranking-ar")
    ranked.locator(f"a[href$='/staff/programs/applications/{application.pk}/']").click()
    manager.wait_for_url(f"**/staff/programs/applications/{application.pk}/")
    _post(manager, "button[name=action][value=shortlist]")
    manager.fill("textarea[name=reason]", "أعلى درجة في التقييم وخطة عمل واضحة.")
    manager.fill("input[name=amount]", "1٬200٬000")
    manager.fill("textarea[name=terms_ar]", "تقرير ربعي عن التقدم وتقرير مالي في نهاية المشروع.")
    manager.fill(
        "textarea[name=terms_en]", "A quarterly progress report and a final financial one."
    )
    _post(manager, "button[name=action][value=award]")
    application.refresh_from_db()
    assert application.status == "awarded"
    assert Award.objects.get(application=application).amount == 1_200_000
    manager.goto(f"{base}/ar/staff/programs/calls/{call.pk}/")
    _post(manager, "button[name=action][value=publish_results]")
    assert Call.objects.get(pk=call.pk).status == "results_published"

    public = _new_page(browser, errors)
    public.goto(f"{base}/ar/calls/{call.pk}/")
    awards = public.locator("section[aria-labelledby=awards-title]")
    assert "النتائج: المنح" in awards.inner_text()
    row = awards.locator("tbody tr")
    assert row.count() == 1
    assert ORGANIZATION in row.inner_text() and PROJECT in row.inner_text()
    shot(public, "programs-results-ar")
    assert errors == []
