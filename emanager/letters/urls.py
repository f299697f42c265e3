from django.urls import path

from emanager.letters import staff_views, views
from emanager.publication import views as publication_views

app_name = "letters"

urlpatterns = [
    path("write/", views.write, name="write"),
    path("write/sent/", views.sent, name="sent"),
    path("confirm/<str:token>/", views.confirm, name="confirm"),
    path("track/<str:token>/", views.track, name="track"),
    path("track/<str:token>/withdraw/", views.withdraw, name="withdraw"),
    path("track/<str:token>/rate/", views.rate, name="rate"),
    path("track/<str:token>/consent/", views.withdraw_consent, name="withdraw_consent"),
    path("track/<str:token>/files/<int:pk>/", views.attachment, name="attachment"),
    path("public/<uuid:uuid>/", publication_views.public_letter, name="public_letter"),
    path("staff/<uuid:uuid>/", staff_views.staff_letter, name="staff_letter"),
    path(
        "staff/<uuid:uuid>/files/<int:pk>/", staff_views.staff_attachment, name="staff_attachment"
    ),
    path("staff/<uuid:uuid>/<slug:action>/", staff_views.staff_action, name="staff_action"),
]
