from django.urls import path

from emanager.publication import views

app_name = "publication"

urlpatterns = [
    path("", views.queue, name="queue"),
    path("letter/<uuid:uuid>/", views.review_letter, name="letter"),
    path("letter/<uuid:uuid>/<slug:action>/", views.letter_action, name="letter_action"),
    path("answer/<int:pk>/", views.review_answer, name="answer"),
    path("answer/<int:pk>/<slug:action>/", views.answer_action, name="answer_action"),
]
