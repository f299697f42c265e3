"""The e-mails of the survey (templates in templates/emails/surveys/)."""

from emanager.notifications.emails import declare_email

_CONTEXT = [
    "number",
    "letter_subject",
    "name",
    "municipality",
    "after_answer",
    "survey_url",
]

QUESTION = declare_email("surveys/question", context=_CONTEXT)
REMINDER = declare_email("surveys/reminder", context=_CONTEXT)
