import pytest
from django.core.exceptions import ImproperlyConfigured

from emanager.env import Env


def test_bool_accepts_common_spellings():
    env = Env({"A": "yes", "B": "0", "C": "TRUE"})
    assert env.bool("A") is True
    assert env.bool("B") is False
    assert env.bool("C") is True


def test_bool_rejects_a_typo_loudly():
    with pytest.raises(ImproperlyConfigured, match="DEBUG='ture' is not a boolean"):
        Env({"DEBUG": "ture"}).bool("DEBUG")


def test_missing_bool_takes_the_default():
    assert Env({}).bool("DEBUG", default=False) is False


def test_int_rejects_text():
    with pytest.raises(ImproperlyConfigured, match="not an integer"):
        Env({"MAIL_PORT": "five"}).int("MAIL_PORT", 25)


def test_int_enforces_minimum():
    with pytest.raises(ImproperlyConfigured, match="at least 1"):
        Env({"MAIL_PORT": "0"}).int("MAIL_PORT", 25, minimum=1)


def test_required_str_fails_when_missing():
    with pytest.raises(ImproperlyConfigured, match="SECRET_KEY must be set"):
        Env({}).str("SECRET_KEY", required=True)


def test_list_splits_on_commas_and_drops_blanks():
    assert Env({"H": " a.ge, b.ge ,,"}).list("H") == ["a.ge", "b.ge"]


def test_choice_rejects_unknown_value():
    with pytest.raises(ImproperlyConfigured, match="one of: local, s3"):
        Env({"MEDIA_STORAGE": "ftp"}).choice("MEDIA_STORAGE", "local", ("local", "s3"))
