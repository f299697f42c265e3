"""Find which municipality a request is for.

Three ways, in this order:

1. the request's host name is a municipality's own ``domain``;
2. the path starts with a municipality's slug (``/lanchkhuti/ka/...``): the
   slug is moved from ``path_info`` into the script prefix, so that URL
   resolution sees ``/ka/...`` and ``reverse()`` puts the slug back in front
   of every link it builds;
3. the installation holds a single municipality: the whole site is it.

Otherwise ``request.municipality`` is ``None`` and the home page lists the
municipalities of the installation.
"""

from __future__ import annotations

from django.db.models import Q
from django.http.request import split_domain_port
from django.urls import set_script_prefix

from emanager.directory.models import Municipality


class MunicipalityMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        host = split_domain_port(request.get_host())[0]
        first_segment = request.path_info.lstrip("/").split("/", 1)[0]
        municipality, prefix = _resolve(host, first_segment)
        request.municipality = municipality
        request.municipality_prefix = prefix
        if prefix:
            request.path_info = request.path_info[len(prefix) :] or "/"
        # Set on every request, from the request itself: the prefix is a
        # per-thread value that must not leak from one request to the next.
        set_script_prefix(request.META.get("SCRIPT_NAME", "").rstrip("/") + prefix + "/")
        return self.get_response(request)


def _resolve(host: str, first_segment: str) -> tuple[Municipality | None, str]:
    condition = Q(domain=host)
    if first_segment:
        condition |= Q(slug=first_segment)
    matches = list(Municipality.objects.filter(condition))
    for municipality in matches:
        if municipality.domain == host:
            return municipality, ""
    for municipality in matches:
        if municipality.slug == first_segment:
            return municipality, f"/{municipality.slug}"
    only = list(Municipality.objects.all()[:2])
    if len(only) == 1:
        return only[0], ""
    return None, ""
