"""The e-mails of the accounts app (templates in templates/emails/accounts/)."""

from emanager.notifications.emails import declare_email

VERIFY = declare_email(
    "accounts/verify", context=["name", "municipality", "verify_url", "expires_days"]
)
