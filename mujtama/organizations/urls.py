"""The organization's own area (signed in; each view checks the person's role)."""

from django.urls import path

from mujtama.organizations.views import member

app_name = "organizations"

urlpatterns = [
    path("", member.mine, name="mine"),
    path("new/", member.register, name="register"),
    path("<int:pk>/", member.manage, name="manage"),
    path("<int:pk>/profile/", member.profile, name="profile"),
    path("<int:pk>/logo/", member.logo_upload, name="logo_upload"),
    path("<int:pk>/people/", member.people, name="people"),
    path("<int:pk>/people/invite/", member.invite, name="invite"),
    path(
        "<int:pk>/people/invitations/<int:invitation>/revoke/",
        member.invitation_revoke,
        name="invitation_revoke",
    ),
    path("<int:pk>/people/<int:member_id>/role/", member.member_role, name="member_role"),
    path("<int:pk>/people/<int:member_id>/remove/", member.member_remove, name="member_remove"),
    path(
        "<int:pk>/people/requests/<int:request_id>/", member.request_answer, name="request_answer"
    ),
    path("<int:pk>/leave/", member.leave, name="leave"),
    path("<int:pk>/ask-to-join/", member.ask_to_join, name="ask_to_join"),
    path("<int:pk>/documents/", member.documents, name="documents"),
    path("<int:pk>/documents/<int:document>/", member.document_download, name="document_download"),
    path(
        "<int:pk>/documents/<int:document>/delete/", member.document_delete, name="document_delete"
    ),
    path("<int:pk>/application/", member.application, name="application"),
    path("<int:pk>/membership/renew/", member.renew, name="renew"),
    path("<int:pk>/licensing/", member.licensing, name="licensing"),
    path("requests/<int:request_id>/withdraw/", member.request_withdraw, name="request_withdraw"),
    path("invitations/<str:token>/", member.accept_invitation, name="accept_invitation"),
]
