"""The staff's pages: login, logout, the inbox."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

from emanager.staff import selectors
from emanager.staff.filters import InboxFilter
from emanager.staff.permissions import (
    approves_answers,
    letters_awaiting_approval_by,
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
    municipality = request.municipality
    today = selectors.local_today()
    letters = selectors.inbox_letters(request.user, municipality)
    filterset = InboxFilter(
        request.GET or None, queryset=letters, municipality=municipality, user=request.user
    )
    if set(request.GET) <= {"page"}:
        # The plain inbox, the page staff open all day: read only the page's
        # letters, never count the whole inbox.
        number = _page_number(request)
        page = selectors.inbox_page(
            request.user, municipality, number=number, per_page=LETTERS_PER_PAGE
        )
        if number > 1 and not page.object_list:
            page = selectors.inbox_page(
                request.user, municipality, number=1, per_page=LETTERS_PER_PAGE
            )
        total = None
    else:
        page = Paginator(filterset.qs, LETTERS_PER_PAGE).get_page(request.GET.get("page"))
        total = page.paginator.count
    context = {
        "filter": filterset,
        "filtered": filterset.is_active,
        "page": page,
        "total": total,
        "counts": selectors.inbox_counts(letters, today=today),
        "awaiting_approval": letters_awaiting_approval_by(request.user, municipality).count()
        if approves_answers(request.user, municipality)
        else None,
        "due_soon_days": selectors.DUE_SOON_DAYS,
        "today": today,
    }
    return render(request, "staff/inbox.html", context)
