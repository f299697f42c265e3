from django.urls import path

from emanager.proactive import staff_views, views

app_name = "proactive"

urlpatterns = [
    path("", views.catalogue, name="catalogue"),
    path("compliance/", views.compliance, name="compliance"),
    # Staff pages: "staff" is a reserved item address.
    path("staff/", staff_views.catalogue, name="staff_catalogue"),
    path("staff/seed/", staff_views.seed, name="staff_seed"),
    path("staff/add/", staff_views.add_item, name="staff_add_item"),
    path("staff/item/<slug:slug>/", staff_views.item, name="staff_item"),
    path("staff/item/<slug:slug>/settings/", staff_views.item_settings, name="staff_item_settings"),
    path("staff/item/<slug:slug>/confirm/", staff_views.item_confirm, name="staff_item_confirm"),
    path("staff/document/<int:pk>/edit/", staff_views.document_edit, name="staff_document_edit"),
    path(
        "staff/document/<int:pk>/withdraw/",
        staff_views.document_withdraw,
        name="staff_document_withdraw",
    ),
    path("<slug:slug>/", views.item, name="item"),
    path("<slug:slug>/<int:pk>/file/", views.document_file, name="document_file"),
]
