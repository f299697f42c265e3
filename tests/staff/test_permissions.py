"""permissions: who sees which letter and who may do what, for each named user."""

import pytest
from django.contrib.auth.models import AnonymousUser

from emanager.letters.choices import LetterKind
from emanager.staff import permissions
from emanager.staff.models import Membership, StaffRole
from tests.factories import BodyFactory, MunicipalityFactory
from tests.staff.conftest import make_user

pytestmark = pytest.mark.django_db

EXPECTED = {
    "clerk": {"administrative"},
    "official": {"to_beridze", "assigned"},
    "head": {"finance", "to_beridze", "budget"},
    "official_elsewhere": {"to_kvirikashvili"},
    "admin": {"administrative", "finance", "to_beridze", "budget", "to_kvirikashvili", "assigned"},
    "outsider": set(),
}


def names(mail, letters) -> set[str]:
    by_pk = {getattr(mail, name).pk: name for name in mail.__dataclass_fields__}
    return {by_pk[letter.pk] for letter in letters}


@pytest.mark.parametrize("who", sorted(EXPECTED))
def test_each_user_sees_exactly_their_letters(who, staff, mail, municipality):
    visible = permissions.letters_visible_to(staff[who], municipality)
    assert names(mail, visible) == EXPECTED[who]


@pytest.mark.parametrize("who", sorted(EXPECTED))
def test_can_view_agrees_with_the_visible_letters(who, staff, mail, municipality):
    viewable = [
        letter
        for letter in [*mail.registered(), mail.unconfirmed]
        if permissions.can_view(staff[who], letter)
    ]
    assert names(mail, viewable) == EXPECTED[who]


def test_anonymous_sees_nothing(mail, municipality):
    anonymous = AnonymousUser()
    assert not permissions.letters_visible_to(anonymous, municipality).exists()
    assert not any(permissions.can_view(anonymous, letter) for letter in mail.registered())


def test_superuser_sees_every_registered_letter_of_the_municipality(mail, municipality):
    root = make_user("root", is_superuser=True)
    visible = permissions.letters_visible_to(root, municipality)
    assert names(mail, visible) == set(EXPECTED["admin"])
    assert not permissions.can_view(root, mail.unconfirmed)


def test_unconfirmed_letters_are_seen_by_nobody(staff, mail, municipality):
    for user in staff.values():
        assert (
            not permissions.letters_visible_to(user, municipality)
            .filter(pk=mail.unconfirmed.pk)
            .exists()
        )
        assert not permissions.can_view(user, mail.unconfirmed)


def test_administrator_sees_nothing_of_another_municipality(staff, write_letter):
    ozurgeti = MunicipalityFactory(slug="ozurgeti")
    letter = write_letter(municipality_=ozurgeti, to=BodyFactory(municipality=ozurgeti))
    assert not permissions.can_view(staff["admin"], letter)
    assert not permissions.letters_visible_to(staff["admin"], ozurgeti).exists()


def test_memberships_are_read_once_per_user_object(staff, mail, django_assert_num_queries):
    head = staff["head"]
    with django_assert_num_queries(2):  # memberships, bodies
        for letter in mail.registered():
            for action in permissions.ACTIONS:
                permissions.can_act(head, letter, action)


# --- can_act ------------------------------------------------------------------


def test_anyone_who_sees_a_letter_may_answer_clarify_note_and_close(staff, mail):
    for action in ("answer", "clarify", "note", "close"):
        assert permissions.can_act(staff["official"], mail.to_beridze, action)
        assert permissions.can_act(staff["clerk"], mail.administrative, action)
        assert not permissions.can_act(staff["official_elsewhere"], mail.to_beridze, action)
        assert not permissions.can_act(staff["outsider"], mail.to_beridze, action)


@pytest.mark.parametrize("action", ["assign", "forward", "extend"])
def test_routing_belongs_to_head_clerk_and_administrator(action, staff, mail):
    assert permissions.can_act(staff["head"], mail.budget, action)
    assert permissions.can_act(staff["clerk"], mail.administrative, action)
    assert permissions.can_act(staff["admin"], mail.to_kvirikashvili, action)
    assert not permissions.can_act(staff["official"], mail.to_beridze, action)
    assert not permissions.can_act(staff["official_elsewhere"], mail.to_kvirikashvili, action)


def test_reopening_belongs_to_head_and_administrator(staff, mail):
    assert permissions.can_act(staff["head"], mail.finance, "reopen")
    assert permissions.can_act(staff["admin"], mail.administrative, "reopen")
    assert not permissions.can_act(staff["clerk"], mail.administrative, "reopen")
    assert not permissions.can_act(staff["official"], mail.to_beridze, "reopen")


def test_superuser_may_do_everything(mail):
    root = make_user("root", is_superuser=True)
    assert all(permissions.can_act(root, mail.finance, action) for action in permissions.ACTIONS)


def test_a_role_counts_only_over_its_own_body(staff, mail):
    """The head of finance, given a Sakrebulo letter, is only its assignee there."""
    head = make_user("head2")
    Membership.objects.create(
        user=head,
        municipality=mail.assigned.municipality,
        body=mail.finance.addressee_body,
        role=StaffRole.HEAD,
    )
    mail.assigned.assignee = head
    mail.assigned.save(update_fields=["assignee"])
    assert permissions.can_act(head, mail.assigned, "answer")
    assert not permissions.can_act(head, mail.assigned, "forward")
    assert not permissions.can_act(head, mail.assigned, "reopen")


def test_public_information_officer_routes_only_public_information_requests(
    municipality, bodies, write_letter
):
    pio = make_user("pio")
    Membership.objects.create(
        user=pio, municipality=municipality, body=bodies["city_hall"], role=StaffRole.PIO
    )
    request = write_letter(to=bodies["finance"], kind=LetterKind.PUBLIC_INFORMATION)
    application = write_letter(to=bodies["finance"], kind=LetterKind.APPLICATION)
    assert permissions.can_view(pio, application)
    assert permissions.can_act(pio, request, "assign")
    assert not permissions.can_act(pio, application, "assign")
    assert not permissions.can_act(pio, request, "reopen")


def test_a_public_information_request_is_forwarded_and_extended_only_by_the_law(
    municipality, bodies, write_letter, staff
):
    """Its panel uses the 10 days and records a forward as a decision; the general
    actions, which would move its deadline around the law, are not offered."""
    request = write_letter(to=bodies["finance"], kind=LetterKind.PUBLIC_INFORMATION)
    for user in (staff["head"], staff["admin"]):
        assert permissions.can_act(user, request, "assign")
        assert not permissions.can_act(user, request, "forward")
        assert not permissions.can_act(user, request, "extend")


def test_unknown_action_is_a_programming_error(staff, mail):
    with pytest.raises(ValueError, match="publish"):
        permissions.can_act(staff["admin"], mail.finance, "publish")


# --- assignable_users ---------------------------------------------------------


def usernames(users) -> set[str]:
    return {user.username for user in users}


def test_assignable_users_are_members_of_the_body_and_below_and_administrators(staff, mail):
    assert usernames(permissions.assignable_users(mail.finance)) == {"head", "official", "admin"}
    assert usernames(permissions.assignable_users(mail.to_kvirikashvili)) == {
        "official_elsewhere",
        "admin",
    }
    assert usernames(permissions.assignable_users(mail.budget)) == {"admin"}


def test_assignable_users_include_the_addressed_official(staff, mail, bodies):
    letter = mail.to_beridze
    letter.addressee_body = bodies["administrative"]
    letter.save(update_fields=["addressee_body"])
    assert usernames(permissions.assignable_users(letter)) == {"clerk", "official", "admin"}


def test_inactive_users_and_other_municipalities_are_not_assignable(staff, mail, municipality):
    staff["head"].is_active = False
    staff["head"].save()
    ozurgeti = MunicipalityFactory(slug="ozurgeti")
    Membership.objects.create(user=make_user("foreign"), municipality=ozurgeti, role="admin")
    assert usernames(permissions.assignable_users(mail.finance)) == {"official", "admin"}
