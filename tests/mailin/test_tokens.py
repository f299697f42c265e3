"""Reply and bounce addresses: signed, lower case, bound to a letter and an official."""

import datetime

import pytest

from emanager.mailin import tokens
from emanager.mailin.tokens import Purpose

TODAY = datetime.date(2026, 11, 3)


def make(letter_id=42, official_id=7, purpose=Purpose.REPLY, today=TODAY):
    return tokens.token_make(
        letter_id=letter_id, official_id=official_id, purpose=purpose, today=today
    )


def test_a_token_says_which_letter_and_official_it_was_made_for():
    claim = tokens.token_read(make(), purpose=Purpose.REPLY, today=TODAY)

    assert (claim.letter_id, claim.official_id, claim.issued) == (42, 7, TODAY)


def test_a_token_fits_an_address_and_survives_a_change_of_case():
    token = make(letter_id=123456789, official_id=98765)
    address = tokens.address_for(token, Purpose.REPLY, "mail.example.ge")

    assert token == token.lower() and len(address.split("@")[0]) <= 64
    assert tokens.address_parse(address.upper()) == (Purpose.REPLY, token)
    assert (
        tokens.token_read(token.upper(), purpose=Purpose.REPLY, today=TODAY).letter_id == 123456789
    )


@pytest.mark.parametrize("change", ["letter", "official", "day", "signature"])
def test_a_changed_token_is_refused(change):
    letter, official, day, signature = make().split("-")
    parts = {
        "letter": ("2a", official, day, signature),
        "official": (letter, "8", day, signature),
        "day": (letter, official, "1", signature),
        "signature": (letter, official, day, "0" * 20),
    }[change]

    with pytest.raises(tokens.InvalidToken):
        tokens.token_read("-".join(parts), purpose=Purpose.REPLY, today=TODAY)


def test_a_bounce_token_is_no_reply_token():
    with pytest.raises(tokens.InvalidToken):
        tokens.token_read(make(purpose=Purpose.BOUNCE), purpose=Purpose.REPLY, today=TODAY)


def test_an_old_token_is_expired_and_still_says_its_letter():
    late = TODAY + tokens.REPLY_MAX_AGE + datetime.timedelta(days=1)

    with pytest.raises(tokens.ExpiredToken) as expired:
        tokens.token_read(make(), purpose=Purpose.REPLY, today=late)

    assert expired.value.claim.letter_id == 42


def test_a_token_made_with_an_old_secret_key_still_works(settings):
    token = make()
    settings.SECRET_KEY, settings.SECRET_KEY_FALLBACKS = "n" * 60, [settings.SECRET_KEY]

    assert tokens.token_read(token, purpose=Purpose.REPLY, today=TODAY).letter_id == 42

    settings.SECRET_KEY_FALLBACKS = []
    with pytest.raises(tokens.InvalidToken):
        tokens.token_read(token, purpose=Purpose.REPLY, today=TODAY)


@pytest.mark.parametrize(
    "address", ["info@mail.example.ge", "reply@mail.example.ge", "replyx+abc@mail.example.ge", ""]
)
def test_other_addresses_are_no_reply_addresses(address):
    assert tokens.address_parse(address) is None


@pytest.mark.parametrize("garbage", ["", "abc", "1-2-3", "1-2-3-xyz", "1-2-3-" + "g" * 20])
def test_garbage_is_no_token(garbage):
    with pytest.raises(tokens.InvalidToken):
        tokens.token_read(garbage, purpose=Purpose.REPLY, today=TODAY)
