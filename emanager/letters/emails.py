"""The e-mails of the letters app (templates in templates/emails/letters/)."""

from emanager.notifications.emails import declare_email

_LETTER = [
    "number",
    "letter_subject",
    "name",
    "municipality",
    "registered_at",
    "deadline",
    "addressee",
    "tracking_url",
]

CONFIRM = declare_email(
    "letters/confirm",
    context=["letter_subject", "name", "municipality", "confirm_url", "expires_days"],
)
ACKNOWLEDGEMENT = declare_email("letters/acknowledgement", context=_LETTER)
NEW_LETTER = declare_email("letters/new_letter", context=[*_LETTER, "kind"])

_CITIZEN = ["number", "letter_subject", "name", "municipality", "tracking_url"]

ANSWERED = declare_email("letters/answered", context=[*_CITIZEN, "answer", "out_number", "files"])
CLARIFICATION = declare_email("letters/clarification", context=[*_CITIZEN, "question"])
FORWARDED = declare_email("letters/forwarded", context=[*_CITIZEN, "to", "reason", "deadline"])
DEADLINE_EXTENDED = declare_email(
    "letters/deadline_extended", context=[*_CITIZEN, "deadline", "reason"]
)
ASSIGNED = declare_email("letters/assigned", context=["number", "letter_subject", "deadline", "by"])

REMINDER = declare_email(
    "letters/reminder", context=["municipality", "count", "overdue", "due_soon"]
)
DIGEST = declare_email(
    "letters/digest",
    context=["municipality", "new", "open", "due_soon", "overdue", "inbox_url"],
)

# Approval of answers by the head of the body (staff only, never the citizen).
APPROVAL_REQUESTED = declare_email(
    "letters/approval_requested", context=["number", "letter_subject", "author", "url"]
)
ANSWER_RETURNED = declare_email(
    "letters/answer_returned", context=["number", "letter_subject", "by", "remark", "url"]
)
