"""A task the worker started by `manage.py serve` runs in test_serve.py."""

from pathlib import Path

from django.tasks import task


@task
def write_marker(path: str, text: str) -> None:
    Path(path).write_text(text, encoding="utf-8")
