"""The settings module as a production operator meets it: run in a fresh process."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PRODUCTION = {
    "SECRET_KEY": "p" * 20 + "0123456789abcdefghijklmnopqrstuvwxyz",
    "ALLOWED_HOSTS": "emanager.example.ge",
    "MAIL_BACKEND": "smtp",
    "MAIL_HOST": "smtp.example.ge",
}


def manage(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    clean = {
        k: v
        for k, v in os.environ.items()
        if k not in {"DEBUG", "SECRET_KEY", "HTTPS", "MAIL_BACKEND", "TASKS_BACKEND"}
    }
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**clean, "DJANGO_SETTINGS_MODULE": "emanager.settings", **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.parametrize("debug", ["", "false"])
def test_production_refuses_to_start_without_secret_key(debug):
    result = manage("check", env={"DEBUG": debug, "SECRET_KEY": ""})
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_production_refuses_a_short_secret_key():
    result = manage("check", env={**PRODUCTION, "SECRET_KEY": "short"})
    assert result.returncode != 0
    assert "at least 50 characters" in result.stderr


def test_a_typo_in_a_boolean_stops_the_start():
    result = manage("check", env={**PRODUCTION, "HTTPS": "ture"})
    assert result.returncode != 0
    assert "HTTPS='ture' is not a boolean" in result.stderr


def test_check_deploy_passes_with_production_settings():
    result = manage("check", "--deploy", "--fail-level", "WARNING", env=PRODUCTION)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_check_deploy_warns_when_mail_would_not_be_delivered():
    result = manage("check", "--deploy", env={**PRODUCTION, "MAIL_BACKEND": "console"})
    assert "emanager.W001" in result.stdout + result.stderr
