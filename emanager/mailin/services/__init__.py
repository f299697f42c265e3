"""Writes of answers by e-mail.

Out: :func:`letter_email_official` sends a registered letter to the official
who answers it by e-mail, with a signed reply address (Reply-To) and a VERP
bounce address (the envelope sender); see :mod:`emanager.mailin.tokens`.

In: :func:`mail_receive` takes one e-mail as received (from ``manage.py
receive_mail`` or ``manage.py fetch_mail``), keeps it, and decides what it
is: the official's answer (sent on through
:func:`emanager.letters.staff_services.letter_answer`), a bounce (the
official's address is marked and the clerks told), an automatic reply or a
repeat (recorded and ignored), or anything doubtful, held for a clerk.
Nothing doubtful reaches the citizen.

The clerk's decisions on a held e-mail: :func:`inbound_attach`,
:func:`inbound_discard`.
"""

from emanager.mailin.services.common import STAFF_LANGUAGE, MailRefused
from emanager.mailin.services.inbound import mail_receive, official_mark_bouncing
from emanager.mailin.services.moderation import Attached, inbound_attach, inbound_discard
from emanager.mailin.services.outbound import ATTACH_LIMIT, letter_email_official

__all__ = [
    "ATTACH_LIMIT",
    "STAFF_LANGUAGE",
    "Attached",
    "MailRefused",
    "inbound_attach",
    "inbound_discard",
    "letter_email_official",
    "mail_receive",
    "official_mark_bouncing",
]
