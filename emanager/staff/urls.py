from django.urls import path

from emanager.staff import intake_views, template_views, views

app_name = "staff"

urlpatterns = [
    path("", views.inbox, name="inbox"),
    path("login/", views.LoginView.as_view(), name="login"),
    path("logout/", views.LogoutView.as_view(), name="logout"),
    path("templates/", template_views.template_list, name="answer_templates"),
    path("templates/new/", template_views.template_create, name="answer_template_new"),
    path("templates/<int:pk>/", template_views.template_edit, name="answer_template_edit"),
    path(
        "templates/<int:pk>/delete/",
        template_views.template_delete,
        name="answer_template_delete",
    ),
    path("bodies/<int:pk>/approval/", template_views.body_approval, name="body_approval"),
    path("register/", intake_views.register, name="intake"),
    path("register/<uuid:uuid>/", intake_views.register_done, name="intake_done"),
]
