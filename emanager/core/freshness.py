"""Caching of expensive public computations, invalidated by a per-municipality data version.

A cached result is stored under a key holding the municipality's
:class:`~emanager.core.models.DataVersion`, read from the database on each
use (one indexed query). Any change to the municipality's letters, answers,
publications, requests, surveys, figures, documents or directory changes the
version once the transaction commits (:func:`changed`), so every result
cached before is never read again, in any process, whatever the cache backend
(by default each process's own memory cache). The time-out is only a backstop.

The version changes after the commit, outside the writer's transaction, so a
writer never holds the version's row lock (no waits, no deadlocks between
writers); the price is that a reader may, for the moments between a commit
and its version change, still get the result computed before. The test
settings turn ``DATA_VERSION_AFTER_COMMIT`` off: each test runs inside one
transaction that never commits, and its pages must still see its changes.

Writes are noticed by ``post_save``/``post_delete`` receivers (connected in
:class:`emanager.core.apps.CoreConfig`) for every model a public page reads,
and by explicit calls to :func:`changed` in the code that writes rows in bulk
(which sends no signal).
"""

from __future__ import annotations

import contextvars
import functools
import hashlib
import secrets
import zlib
from collections.abc import Callable, Iterable

from django.conf import settings
from django.contrib.messages import get_messages
from django.core.cache import cache
from django.db import connection, transaction
from django.http import HttpRequest, HttpResponse
from django.utils import timezone, translation

from emanager.core.models import DataVersion
from emanager.directory.models import Municipality

TIMEOUT = 15 * 60
_PENDING = "_emanager_changed_municipalities"


# The versions already read while serving the current page (set by public_page):
# a page reads its municipality's version once, however many results it caches.
_read: contextvars.ContextVar[dict[int, int] | None] = contextvars.ContextVar(
    "emanager_data_versions", default=None
)


def version(municipality_id: int) -> int:
    read = _read.get()
    if read is not None and municipality_id in read:
        return read[municipality_id]
    row = DataVersion.objects.filter(municipality_id=municipality_id).values_list(
        "version", flat=True
    )
    found = row.first() or 0
    if read is not None:
        read[municipality_id] = found
    return found


def cached[T](
    municipality_id: int, key: str, compute: Callable[[], T], *, daily: bool = False
) -> T:
    """The result of ``compute()``, cached until the municipality's data changes.

    ``key`` names the computation and its arguments; the active language is
    added (results may hold translated text), and today's date with
    ``daily`` (results that depend on the day, as "overdue" does).
    """
    parts = [
        "em",
        key,
        str(municipality_id),
        str(version(municipality_id)),
        translation.get_language() or "",
    ]
    if daily:
        parts.append(timezone.localdate().isoformat())
    full_key = ":".join(parts)
    result = cache.get(full_key)
    if result is None:
        result = compute()
        cache.set(full_key, result, TIMEOUT)
    return result


def choices_key(chosen: dict) -> str:
    """Chosen filters as part of a cache key (objects by their primary key)."""
    return ",".join(
        f"{name}={getattr(value, 'pk', value)}" for name, value in sorted(chosen.items())
    )


def changed(municipality_ids: Iterable[int | None]) -> None:
    """Mark the municipalities' data as changed once the current transaction commits."""
    ids = {pk for pk in municipality_ids if pk is not None}
    if not ids:
        return
    if not connection.in_atomic_block or not settings.DATA_VERSION_AFTER_COMMIT:
        _bump_all(ids)
        return
    # One version change per municipality per transaction, however many rows
    # it wrote: add to the flush this transaction already waits for, if any
    # (a rolled-back savepoint drops its callbacks, so look them up).
    pending = getattr(connection, _PENDING, None)
    waiting = {id(func) for _savepoints, func, _robust in connection.run_on_commit}
    if pending is None or id(pending) not in waiting:
        pending = _Flush()
        setattr(connection, _PENDING, pending)
        transaction.on_commit(pending, robust=True)
    pending.ids.update(ids)


class _Flush:
    def __init__(self) -> None:
        self.ids: set[int] = set()

    def __call__(self) -> None:
        _bump_all(self.ids)


def _bump_all(ids: set[int]) -> None:
    for municipality_id in sorted(ids):
        # A random new version rather than +1: a version never comes back,
        # even when a database is recreated under a long-lived shared cache.
        new = secrets.randbits(62)
        if DataVersion.objects.filter(municipality_id=municipality_id).update(version=new):
            continue
        if Municipality.objects.filter(pk=municipality_id).exists():  # not a deleted one
            DataVersion.objects.bulk_create(
                [DataVersion(municipality_id=municipality_id, version=new)],
                update_conflicts=True,
                unique_fields=["municipality"],
                update_fields=["version"],
            )


# --- What changes a municipality's data (connected in CoreConfig.ready) --------------

# For each model a public page reads: the path from a row to its municipality's id.
WATCHED: dict[str, str] = {
    "directory.Municipality": "pk",
    "directory.Body": "municipality_id",
    "directory.TerritorialUnit": "municipality_id",
    "directory.Official": "municipality_id",
    "directory.Position": "body__municipality_id",
    "directory.Mandate": "official__municipality_id",
    "letters.Letter": "municipality_id",
    "letters.Event": "municipality_id",
    "letters.Message": "letter__municipality_id",
    "letters.Attachment": "letter__municipality_id",
    "publication.PublicLetter": "letter__municipality_id",
    "publication.PublicAnswer": "message__letter__municipality_id",
    "foi.FoiRequest": "letter__municipality_id",
    "foi.FoiSettings": "municipality_id",
    "foi.Complaint": "letter__municipality_id",
    "surveys.Survey": "letter__municipality_id",
    "accountability.MonthlyFigures": "municipality_id",
    "proactive.CatalogueItem": "municipality_id",
    "proactive.Document": "item__municipality_id",
}


def municipality_of(instance, path: str) -> int | None:
    """The municipality id of a row, following ``path`` through loaded objects first."""
    if "__" not in path:
        return getattr(instance, path)
    first, rest = path.split("__", 1)
    field = type(instance)._meta.get_field(first)
    if field.is_cached(instance):
        related = getattr(instance, first)
        return municipality_of(related, rest) if related is not None else None
    related_id = getattr(instance, field.attname)
    if related_id is None:
        return None
    return field.related_model.objects.filter(pk=related_id).values_list(rest, flat=True).first()


def row_changed(sender, instance, raw: bool = False, **kwargs) -> None:
    if raw:
        return
    changed([municipality_of(instance, WATCHED[sender._meta.label])])


# --- Whole public pages -----------------------------------------------------------


def public_page(view):
    """Serve the view's page from the cache to anonymous visitors, until the data changes.

    Only a GET of a visitor without a login and without a pending message is
    served from (or stored in) the cache, and only a 200 response that set no
    cookie and used no CSRF token: nothing personal can be stored or shown
    to another visitor. The key holds the full path (language prefix, filters,
    cursor), the data version and today's date, since pages count days.
    """

    @functools.wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        municipality = getattr(request, "municipality", None)
        token = _read.set({})
        try:
            return _serve(view, request, municipality, *args, **kwargs)
        finally:
            _read.reset(token)

    return wrapper


def _serve(view, request: HttpRequest, municipality, *args, **kwargs) -> HttpResponse:
    if (
        not settings.PAGE_CACHE
        or municipality is None
        or request.method != "GET"
        or request.user.is_authenticated
        or get_messages(request)
    ):
        return view(request, *args, **kwargs)
    path = hashlib.sha256(request.get_full_path().encode()).hexdigest()
    key = ":".join(
        [
            "em-page",
            str(municipality.pk),
            str(version(municipality.pk)),
            translation.get_language() or "",
            timezone.localdate().isoformat(),
            path,
        ]
    )
    stored = cache.get(key)
    if stored is not None:
        content, content_type = stored
        return HttpResponse(zlib.decompress(content), content_type=content_type)
    response = view(request, *args, **kwargs)
    if (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
    ):
        # Compressed: a page is a tenth of its size, so a process's memory cache holds
        # ten times as many pages in the same memory.
        cache.set(key, (zlib.compress(response.content), response["Content-Type"]), TIMEOUT)
    return response
