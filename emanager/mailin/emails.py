"""The e-mails of answers by e-mail (templates in templates/emails/mailin/)."""

from emanager.notifications.emails import declare_email

# The letter, whole, to the official who answers by replying to it.
LETTER_TO_OFFICIAL = declare_email(
    "mailin/letter_to_official",
    context=[
        "municipality",
        "official",
        "number",
        "kind",
        "body",
        "letter_subject",
        "letter_text",
        "author_name",
        "author_address",
        "registered_at",
        "deadline",
        "files",
        "files_attached",
        "reply_address",
    ],
)
# To the clerks: mail to an official's address came back.
BOUNCE = declare_email(
    "mailin/bounce",
    context=[
        "official",
        "address",
        "reason",
        "number",
        "letter_subject",
        "letter_url",
        "queue_url",
    ],
)
