from typing import Any

from allauth.account.decorators import secure_admin_login
from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path
from django.utils.csp import CSP
from django.views.decorators.csp import csp_override
from django.views.generic import RedirectView
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

import config.route_policies  # noqa: F401 - declares the policies of third-party routes
from mujtama.core import views as core_views
from mujtama.core.policies import PUBLIC, route_policy

admin.site.login = secure_admin_login(admin.site.login)  # type: ignore[method-assign]
admin.site.site_header = "Mujtama Thakaa"

handler400 = "mujtama.core.views.bad_request"
handler403 = "mujtama.core.views.permission_denied"
handler404 = "mujtama.core.views.page_not_found"
handler500 = "mujtama.core.views.server_error"

# Swagger UI styles itself with inline styles; only the API docs page may.
DOCS_CSP: dict[str, Any] = {**settings.SECURE_CSP, "style-src": [CSP.SELF, CSP.UNSAFE_INLINE]}

urlpatterns = [
    path("healthz", core_views.healthz, name="healthz"),
    path("api/schema/", SpectacularAPIView.as_view(api_version="v1"), name="api-schema"),
    path(
        "api/docs/",
        csp_override(DOCS_CSP)(SpectacularSwaggerSplitView.as_view(url_name="api-schema")),
        name="api-docs",
    ),
    path("", include("config.api_urls")),
    path(
        "",
        route_policy(PUBLIC)(RedirectView.as_view(pattern_name="portal:home")),
        name="root",
    ),
]

if settings.BENCHMARK:
    urlpatterns.append(path("bench/hello/", core_views.hello, name="bench-hello"))

urlpatterns += i18n_patterns(
    path("", include("mujtama.portal.urls")),
    path("", include("mujtama.organizations.public_urls")),
    path("my/organizations/", include("mujtama.organizations.urls")),
    path("staff/organizations/", include("mujtama.organizations.staff_urls")),
    path("", include("mujtama.programs.public_urls")),
    path("my/applications/", include("mujtama.programs.urls")),
    path("review/", include("mujtama.programs.review_urls")),
    path("staff/programs/", include("mujtama.programs.staff_urls")),
    path("feedback/", include("mujtama.feedback.public_urls")),
    path("staff/feedback/", include("mujtama.feedback.staff_urls")),
    path("", include("mujtama.initiatives.public_urls")),
    path("my/initiatives/", include("mujtama.initiatives.urls")),
    path("exports/", include("mujtama.initiatives.export_urls")),
    path("", include("mujtama.training.public_urls")),
    path("my/training/", include("mujtama.training.urls")),
    path("training/follow-up/", include("mujtama.training.followup_urls")),
    path("accounts/", include("allauth.urls")),
    path("me/", include("mujtama.accounts.urls")),
    path("inbox/", include("mujtama.notifications.urls")),
    path("staff/geo/", include("mujtama.geo.urls")),
    path("staff/target-groups/", include("mujtama.impact.urls")),
    path("staff/audit/", include("mujtama.core.urls")),
    path("verify/", include("mujtama.core.public_urls")),
    path("staff/people/", include("mujtama.accounts.staff_urls")),
    path("admin/", admin.site.urls),
)
