"""The e-mails of public-information requests (templates in templates/emails/foi/).

The requester's e-mails are in the letter's language; the staff's in Georgian,
as the other daily jobs'.
"""

from emanager.notifications.emails import declare_email

_REQUESTER = ["number", "letter_subject", "name", "municipality", "tracking_url"]

# The 10 days are used: the requester is told at once, with the reason.
TEN_DAYS = declare_email("foi/ten_days", context=[*_REQUESTER, "reason", "deadline"])
# The decision, in words: the outcome, the ground of a refusal, the fee for paper copies.
DECIDED = declare_email(
    "foi/decided",
    context=[
        *_REQUESTER,
        "outcome",
        "refused",
        "ground",
        "explanation",
        "form",
        "fee",
        "message",
    ],
)
# The written explanation of a refusal with the applicant's rights.
REFUSAL_EXPLANATION = declare_email("foi/refusal_explanation", context=[*_REQUESTER, "text"])
# The deadline passed without a decision: a deemed refusal, and the way to complain.
DEEMED_REFUSED = declare_email(
    "foi/deemed_refused", context=[*_REQUESTER, "deadline", "complaint_url", "last_day"]
)
# To the officer who refused: the written explanation is not sent yet.
REFUSAL_REMINDER = declare_email("foi/refusal_reminder", context=["municipality", "items"])
