"""The e-mails of proactive publication (templates in templates/emails/proactive/)."""

from emanager.notifications.emails import declare_email

# To the staff of the responsible bodies (or the administrators): the items
# falling due within a week, or today, that are not published yet. Each item:
# name, due (ISO date), days_left, period_year, period_quarter (0 for a year,
# None for an item without periods), url.
REMINDER = declare_email("proactive/reminder", context=["municipality", "items", "catalogue_url"])
