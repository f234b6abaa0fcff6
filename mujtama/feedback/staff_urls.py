"""Officers: triage, needs; MoCT officers: the catalogue."""

from django.urls import path

from mujtama.feedback.views import staff

app_name = "feedback_staff"

urlpatterns = [
    path("", staff.queue, name="queue"),
    path("<int:pk>/", staff.item, name="item"),
    path("<int:pk>/act/", staff.item_act, name="item_act"),
    path("<int:pk>/reply/", staff.item_reply, name="item_reply"),
    path("<int:pk>/classify/", staff.item_classify, name="item_classify"),
    path("<int:pk>/route/", staff.item_route, name="item_route"),
    path("<int:pk>/merge/", staff.item_merge, name="item_merge"),
    path("<int:pk>/screenshot/", staff.item_screenshot, name="item_screenshot"),
    path("needs/", staff.needs_list, name="needs"),
    path("needs/<int:pk>/", staff.need, name="need"),
    path("needs/<int:pk>/merge/", staff.need_merge, name="need_merge"),
    path("needs/<int:pk>/split/", staff.need_split, name="need_split"),
    path("needs/<int:pk>/rename/", staff.need_rename, name="need_rename"),
    path("catalogue/", staff.catalogue_home, name="catalogue"),
    path("catalogue/ministries/new/", staff.ministry_edit, name="ministry_new"),
    path("catalogue/ministries/<int:pk>/", staff.ministry_edit, name="ministry_edit"),
    path("catalogue/services/new/", staff.service_edit, name="service_new"),
    path("catalogue/services/<int:pk>/", staff.service_edit, name="service_edit"),
    path("catalogue/desks/", staff.desk_add, name="desk_add"),
    path("catalogue/desks/<int:pk>/remove/", staff.desk_remove, name="desk_remove"),
]
