"""The Django side of the benchmark, run by bench/run in the benchmark's environment.

``python bench/prepare.py count``: how many letters the database holds.
``python bench/prepare.py plan [--staff USERNAME]``: what to request, as JSON on
stdout: the municipality's URL prefix, a public letter, a deep archive cursor,
an official's slug, sessions for the staff user and a verified citizen.
``python bench/prepare.py counters``: the incoming registers' counters, as JSON.
``python bench/prepare.py check-numbers BEFORE_JSON``: the letters registered
since BEFORE_JSON was taken, checked for duplicate and skipped numbers.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "emanager.settings")

import django  # noqa: E402

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.contrib.sessions.backends.db import SessionStore  # noqa: E402
from django.db.models import Count  # noqa: E402
from django.utils import timezone  # noqa: E402

from emanager.accounts.models import CitizenProfile  # noqa: E402
from emanager.directory.models import Municipality, Official  # noqa: E402
from emanager.letters.choices import LetterStatus  # noqa: E402
from emanager.letters.models import Letter, RegisterCounter  # noqa: E402
from emanager.publication.selectors import published_letters  # noqa: E402
from emanager.staff.models import Membership  # noqa: E402
from emanager.staff.permissions import letters_visible_to  # noqa: E402

CITIZEN = "bench.citizen"
CITIZEN_EMAIL = "bench.citizen@example.ge"


def session_for(user) -> str:
    """A logged-in session for the user, as the login view would leave it."""
    session = SessionStore()
    session["_auth_user_id"] = str(user.pk)
    session["_auth_user_backend"] = "django.contrib.auth.backends.ModelBackend"
    session["_auth_user_hash"] = user.get_session_auth_hash()
    session.create()
    return session.session_key


INBOX_SIZE = 5000  # the "inbox of an official holding 5,000 letters"


def inbox_staff_user(username: str | None):
    """The given user, or the user of the official whose letters come closest to 5,000."""
    users = get_user_model().objects
    if username and users.filter(username=username).exists():
        return users.get(username=username)
    sizes = (
        Letter.objects.exclude(addressee_official=None)
        .values("addressee_official")
        .annotate(n=Count("pk"))
    )
    closest = min(
        sizes, key=lambda row: (abs(row["n"] - INBOX_SIZE), row["addressee_official"]), default=None
    )
    membership = None
    if closest:
        membership = Membership.objects.filter(official_id=closest["addressee_official"]).first()
    if membership is None:
        membership = Membership.objects.exclude(official=None).first() or Membership.objects.first()
    return membership.user


def citizen_user():
    users = get_user_model().objects
    user, created = users.get_or_create(username=CITIZEN, defaults={"email": CITIZEN_EMAIL})
    if created:
        user.set_unusable_password()
        user.save()
    CitizenProfile.objects.update_or_create(
        user=user, defaults={"name": "ბენჩმარკის მოქალაქე", "email_verified_at": timezone.now()}
    )
    return user


def plan(staff_username: str | None) -> dict:
    staff = inbox_staff_user(staff_username)
    membership = Membership.objects.filter(user=staff).select_related("municipality").first()
    staff_municipality = membership.municipality if membership else Municipality.objects.first()
    # The public pages are those of the largest archive: the municipality with the most letters.
    largest = Letter.objects.values("municipality").annotate(n=Count("pk")).order_by("-n").first()
    municipality = (
        Municipality.objects.get(pk=largest["municipality"]) if largest else staff_municipality
    )
    single = Municipality.objects.count() == 1

    def prefix(place: Municipality) -> str:
        return "" if single else f"/{place.slug}"

    letters = published_letters(municipality)
    newest = letters.page(1)
    oldest = letters.page(25, oldest=True)
    # The oldest page's newest letter: "?before=" it reads the archive's last page.
    deep = oldest.newer or newest.older
    official = (
        Official.objects.filter(municipality=municipality)
        .annotate(n=Count("letters"))
        .order_by("-n", "pk")
        .first()
    )
    return {
        "municipality": municipality.slug,
        "prefix": prefix(municipality),
        "letters": Letter.objects.count(),
        "municipality_letters": largest["n"] if largest else 0,
        "published": letters.count(),
        "public_letter": str(newest.letters[0].uuid) if newest.letters else None,
        "deep_cursor": str(deep) if deep else None,
        "official": official.slug,
        "addressee": f"official:{official.pk}",
        "staff_user": staff.username,
        "staff_prefix": prefix(staff_municipality),
        "staff_letters": letters_visible_to(staff, staff_municipality).count(),
        "staff_session": session_for(staff),
        "citizen_session": session_for(citizen_user()),
    }


def counters() -> dict:
    return {f"{c.register_id}:{c.year}": c.last_number for c in RegisterCounter.objects.all()}


def check_numbers(before: dict) -> dict:
    """Every number taken since ``before``: exactly once each, none skipped."""
    after = counters()
    taken = 0
    duplicates = skipped = 0
    for key, last in after.items():
        first = before.get(key, 0)
        if last == first:
            continue
        register_id, year = (int(part) for part in key.split(":"))
        sequences = list(
            Letter.objects.filter(
                register_id=register_id, year=year, sequence__gt=first, sequence__lte=last
            )
            .exclude(status=LetterStatus.UNCONFIRMED)
            .values_list("sequence", flat=True)
        )
        taken += last - first
        duplicates += len(sequences) - len(set(sequences))
        skipped += len(set(range(first + 1, last + 1)) - set(sequences))
    return {"registered": taken, "duplicates": duplicates, "skipped": skipped}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("action", choices=["count", "plan", "counters", "check-numbers"])
    parser.add_argument("before", nargs="?")
    parser.add_argument("--staff")
    args = parser.parse_args()
    if args.action == "count":
        result = Letter.objects.count()
    elif args.action == "plan":
        result = plan(args.staff)
    elif args.action == "counters":
        result = counters()
    else:
        result = check_numbers(json.loads(args.before))
    print(json.dumps(result))


if __name__ == "__main__":
    main()
