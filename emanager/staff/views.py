"""The staff's pages: login, logout, the inbox."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.urls import get_script_prefix
from django.utils.translation import gettext_lazy as _

from emanager.core import freshness
from emanager.staff import selectors
from emanager.staff.filters import InboxFilter
from emanager.staff.permissions import (
    approves_answers,
    letters_awaiting_approval_by,
    staff_access,
    staff_required,
)

LETTERS_PER_PAGE = 25


class LoginView(auth_views.LoginView):
    template_name = "staff/login.html"


class LogoutView(auth_views.LogoutView):
    next_page = "staff:login"

    def post(self, request, *args, **kwargs):
        response = super().post(request, *args, **kwargs)
        messages.info(request, _("You have logged out."))
        return response


def _page_number(request: HttpRequest) -> int:
    try:
        return max(1, int(request.GET.get("page", 1)))
    except ValueError:
        return 1


@staff_required
def inbox(request: HttpRequest) -> HttpResponse:
    if set(request.GET) <= {"page"}:
        return render(request, "staff/inbox.html", {"main": _plain_inbox(request)})
    municipality = request.municipality
    letters = selectors.inbox_letters(request.user, municipality)
    filterset = InboxFilter(
        request.GET, queryset=letters, municipality=municipality, user=request.user
    )
    page = Paginator(filterset.qs, LETTERS_PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request, "staff/inbox.html", _inbox_context(request, filterset, page, page.paginator.count)
    )


def _plain_inbox(request: HttpRequest) -> str:
    """The unfiltered inbox below the menu, the page staff open all day.

    Only the page's letters are read, and the whole inbox is never counted.
    The HTML is cached until the municipality's data changes or the day ends
    (deadlines count days), per user and per access: a new role or body gives
    a new key. It holds no form token (the filters are a GET form).
    """
    municipality = request.municipality
    number = _page_number(request)
    access = staff_access(request.user, municipality.pk)

    def render_main() -> str:
        page = selectors.inbox_page(
            request.user, municipality, number=number, per_page=LETTERS_PER_PAGE
        )
        if number > 1 and not page.object_list:
            page = selectors.inbox_page(
                request.user, municipality, number=1, per_page=LETTERS_PER_PAGE
            )
        letters = selectors.inbox_letters(request.user, municipality)
        filterset = InboxFilter(
            None, queryset=letters, municipality=municipality, user=request.user
        )
        context = _inbox_context(request, filterset, page, None)
        return render_to_string("staff/inbox.html#main", context, request=request)

    key = f"staff-inbox:{access.fingerprint()}:{get_script_prefix()}:{number}"
    return freshness.cached(municipality.pk, key, render_main, daily=True)


def _inbox_context(request: HttpRequest, filterset: InboxFilter, page, total: int | None) -> dict:
    municipality = request.municipality
    today = selectors.local_today()
    return {
        "filter": filterset,
        "filtered": filterset.is_active,
        "page": page,
        "total": total,
        "counts": selectors.inbox_counts(filterset.queryset, today=today),
        "awaiting_approval": letters_awaiting_approval_by(request.user, municipality).count()
        if approves_answers(request.user, municipality)
        else None,
        "due_soon_days": selectors.DUE_SOON_DAYS,
        "today": today,
    }
