from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest
from django.urls import translate_url
from django.utils import timezone
from django.utils.functional import SimpleLazyObject

# Each language is named in itself in the switcher, so that a reader finds
# their own language whatever the page's language is.
NATIVE_NAMES = {"ka": "ქართული", "en": "English", "ru": "Русский"}


def language_links(request: HttpRequest) -> list[dict[str, str]]:
    query = request.META.get("QUERY_STRING", "")
    links = []
    for code, _name in settings.LANGUAGES:
        url = translate_url(request.path_info, code)
        if url == request.path_info:
            # Not a translatable page (e.g. a 404): go to that language's home.
            url = translate_url("/ka/", code)
        if query:
            url = f"{url}?{query}"
        links.append({"code": code, "name": NATIVE_NAMES.get(code, code), "url": url})
    return links


# The main-menu section each page belongs to, by URL name.
NAV_SECTIONS = {
    "home": "home",
    "structure": "structure",
    "body": "structure",
    "officials": "officials",
    "official": "officials",
    "units": "units",
    "unit": "units",
    "search": "search",
    "write": "write",
    "inbox": "inbox",
    "staff_letter": "inbox",
}
# Every page of these apps is part of the back office, under "Inbox" in the menu.
BACK_OFFICE_NAMESPACES = frozenset({"staff", "registry", "mailin", "publication"})
# URL names shared by several apps: the section by namespace and name.
NAMESPACED_NAV_SECTIONS = {
    "accounts:letters": "my_letters",
    "accounts:login": "account_login",
    "foi:index": "public_information",
    "foi:register": "public_information",
    "foi:register_columns": "public_information",
    "foi:report": "public_information",
    "foi:body": "public_information",
    "fulltext:search": "archive",
    "archive:index": "archive",
}


def _nav_section(match) -> str | None:
    if match is None:
        return None
    if match.view_name in NAMESPACED_NAV_SECTIONS:
        return NAMESPACED_NAV_SECTIONS[match.view_name]
    if match.namespace in BACK_OFFICE_NAMESPACES:
        return "inbox"
    return NAV_SECTIONS.get(match.url_name)


def _staff_member(request: HttpRequest) -> bool:
    """May the user use the staff pages of this municipality (for the menu's "Inbox")."""
    from emanager.staff.permissions import staff_access

    user = getattr(request, "user", None)
    municipality = getattr(request, "municipality", None)
    if user is None or municipality is None or not user.is_authenticated:
        return False
    return staff_access(user, municipality.pk).may_enter


def site(request: HttpRequest) -> dict:
    match = getattr(request, "resolver_match", None)
    return {
        "nav_section": _nav_section(match),
        # Asked only by pages that show the menu to a signed-in user.
        "staff_member": SimpleLazyObject(lambda: _staff_member(request)),
        "municipality": getattr(request, "municipality", None),
        "language_links": language_links(request),
        "current_year": timezone.localdate().year,
    }
