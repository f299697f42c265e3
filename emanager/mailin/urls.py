from django.urls import path

from emanager.mailin import views

app_name = "mailin"

urlpatterns = [
    path("", views.queue, name="queue"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/attach/", views.attach, name="attach"),
    path("<int:pk>/discard/", views.discard, name="discard"),
    path("<int:pk>/files/<int:index>/", views.mail_file, name="file"),
    path("letters/<uuid:uuid>/send/", views.send_to_official, name="send"),
    # The links in the e-mail to an official who does not log in: signed, no login.
    path("files/<str:token>/", views.official_file, name="official_file"),
]
