"""A durable e-mail outbox: every notification is a row, sent by the task worker.

Other apps queue an e-mail with
:func:`emanager.notifications.services.notification_enqueue` inside their own
transaction; the worker delivers it with retries and back-off, so an SMTP
outage delays mail but loses none and sends none twice. Each e-mail is a named
template declared in an app's ``emails.py`` (see :mod:`.emails`).
"""
