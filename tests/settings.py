"""Settings for the test suite: the real settings with test-only secrets.

The database is whatever DATABASE_URL says (SQLite by default, PostgreSQL in
CI's second run).
"""

import os

os.environ.setdefault("SECRET_KEY", "tests-only-" + "x" * 60)
os.environ.setdefault("HTTPS", "false")
os.environ.setdefault("MAIL_BACKEND", "memory")
os.environ.setdefault("TASKS_BACKEND", "immediate")

from emanager.settings import *  # noqa: F403

STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Each test is one transaction that never commits: change the data version at once.
DATA_VERSION_AFTER_COMMIT = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # noqa: F405  (WhiteNoise warns when it is missing)
