"""Downloads of activities, people reached and the 4W table, for one organization, for
ministry staff and for the public. What each audience may get is decided in
``mujtama.initiatives.exports``; these views check who is asking, record the export
in the audit log and hand the rows to ``mujtama.core.exports``.

Organization exports are for the organization's own people (owners, editors and
viewers): anyone else gets 404, as on its other pages, so that the address does not
even confirm which organizations exist. Every organization and national export writes
an audit event before the file is sent. Public exports write none: they hold only
what the public pages show, anyone may download them without an account, and an
event per anonymous download would let anyone fill the append-only log."""

from typing import Any

from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_safe

from mujtama.accounts.types import AuthedRequest
from mujtama.core.exports import csv_response, xlsx_response
from mujtama.core.policies import PUBLIC, SIGNED_IN, route_policy, staff
from mujtama.core.services import audit_record
from mujtama.core.statistics import SMALL_CELL
from mujtama.initiatives import exports
from mujtama.initiatives.exports import Audience, Dataset, Format, Scope
from mujtama.initiatives.permissions import OVERSIGHT
from mujtama.organizations.views.member import member_organization

NATIONAL = staff(*sorted(OVERSIGHT))

DESCRIPTIONS: dict[Dataset, Any] = {
    Dataset.ACTIVITIES: _(
        "One row per activity: organization, initiative, type, date, governorate and "
        "locality, with the people it reached."
    ),
    Dataset.REACH: _(
        "People reached per organization, initiative, activity type, governorate and "
        "month, by sex, age band, remote area and vulnerable family."
    ),
    Dataset.FOUR_W: _(
        "Who does what, where, when and for whom, one row per organization, "
        "initiative, governorate, activity type and month, tagged with HXL hashtags."
    ),
}
PUBLIC_DESCRIPTIONS: dict[Dataset, Any] = {
    Dataset.ACTIVITIES: _(
        "One row per activity of the initiatives published in full: organization, "
        "initiative, type, date and governorate; the locality only where the "
        "initiative does not concern vulnerable families. No counts per activity."
    ),
}
FORMAT_LABELS: dict[Format, Any] = {
    Format.CSV: _("CSV"),
    Format.HXL: _("CSV with HXL hashtags"),
    Format.XLSX: _("Excel (XLSX)"),
}


def _download(request: HttpRequest, scope: Scope, dataset: str, fmt: str) -> HttpResponseBase:
    try:
        chosen, form = Dataset(dataset), Format(fmt)
    except ValueError:
        raise Http404 from None
    export = exports.build(scope, chosen)
    name = exports.filename(scope, chosen, form)
    if not scope.public:
        audit_record(
            actor=request.user,
            verb=exports.EXPORTED,
            object_type="export",
            object_id=f"{scope.audit_id}:{chosen}",
            changes={"format": str(form), "dataset": str(chosen), "language": get_language()},
        )
    if form == Format.XLSX:
        return xlsx_response(
            filename=name,
            columns=export.columns,
            rows=export.rows,
            sheet_title=export.sheet_title,
        )
    return csv_response(
        filename=name, columns=export.columns, rows=export.rows, hxl=form == Format.HXL
    )


def _page(request: HttpRequest, scope: Scope, links: Any) -> HttpResponse:
    descriptions = DESCRIPTIONS | (PUBLIC_DESCRIPTIONS if scope.public else {})
    downloads = [
        {
            "title": exports.DATASET_TITLES[dataset],
            "description": descriptions[dataset],
            "links": [(FORMAT_LABELS[fmt], links(dataset, fmt)) for fmt in Format],
        }
        for dataset in Dataset
    ]
    return render(
        request,
        "initiatives/exports.html",
        {
            "audience": str(scope.audience),
            "organization": scope.organization,
            "downloads": downloads,
            "small_cell": SMALL_CELL,
        },
    )


@route_policy(SIGNED_IN)
@require_safe
def organization_page(request: AuthedRequest, org: int) -> HttpResponse:
    organization = member_organization(request, org)
    scope = Scope(Audience.ORGANIZATION, organization)
    return _page(
        request,
        scope,
        lambda dataset, fmt: reverse(
            "initiatives_exports:organization_download",
            kwargs={"org": organization.pk, "dataset": dataset, "fmt": fmt},
        ),
    )


@route_policy(SIGNED_IN)
@require_safe
def organization_download(
    request: AuthedRequest, org: int, dataset: str, fmt: str
) -> HttpResponseBase:
    organization = member_organization(request, org)
    return _download(request, Scope(Audience.ORGANIZATION, organization), dataset, fmt)


@route_policy(NATIONAL)
@require_safe
def national_page(request: AuthedRequest) -> HttpResponse:
    return _page(
        request,
        Scope(Audience.NATIONAL),
        lambda dataset, fmt: reverse(
            "initiatives_exports:national_download", kwargs={"dataset": dataset, "fmt": fmt}
        ),
    )


@route_policy(NATIONAL)
@require_safe
def national_download(request: AuthedRequest, dataset: str, fmt: str) -> HttpResponseBase:
    return _download(request, Scope(Audience.NATIONAL), dataset, fmt)


@route_policy(PUBLIC)
@require_safe
def public_page(request: HttpRequest) -> HttpResponse:
    return _page(
        request,
        Scope(Audience.PUBLIC),
        lambda dataset, fmt: reverse(
            "initiatives_exports:public_download", kwargs={"dataset": dataset, "fmt": fmt}
        ),
    )


@route_policy(PUBLIC)
@require_safe
def public_download(request: HttpRequest, dataset: str, fmt: str) -> HttpResponseBase:
    return _download(request, Scope(Audience.PUBLIC), dataset, fmt)
