"""Benchmark aids, installed only when EMANAGER_BENCH is set (see bench/README.md).

``ok`` is the framework's ceiling: a view that does nothing, served through the
same middleware as every page. ``QueryCountMiddleware`` counts the SQL
queries of a request that asks for it (header ``X-Bench-Count: 1``) and
reports them in the response header ``X-Bench-Queries``; other requests pass
through untouched, so that the count costs nothing during a timed run.
"""

from __future__ import annotations

from collections.abc import Callable

from django.db import connections
from django.http import HttpRequest, HttpResponse
from django.urls import path

COUNT_HEADER = "X-Bench-Count"
QUERIES_HEADER = "X-Bench-Queries"


def ok(request: HttpRequest) -> HttpResponse:
    return HttpResponse("ok", content_type="text/plain")


def urlpatterns() -> list:
    return [path("bench/ok", ok, name="bench_ok")]


class QueryCountMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.headers.get(COUNT_HEADER) != "1":
            return self.get_response(request)
        count = 0

        def counter(execute, sql, params, many, context):
            nonlocal count
            count += 1
            return execute(sql, params, many, context)

        wrappers = [connection.execute_wrapper(counter) for connection in connections.all()]
        for wrapper in wrappers:
            wrapper.__enter__()
        try:
            response = self.get_response(request)
        finally:
            for wrapper in reversed(wrappers):
                wrapper.__exit__(None, None, None)
        response[QUERIES_HEADER] = str(count)
        return response
