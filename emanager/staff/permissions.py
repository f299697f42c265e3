"""Who sees which letter, and who may do what with it: the one place that decides.

The rules, for the registered letters of one municipality (a letter waiting
for its author's e-mail confirmation is seen by nobody):

- a superuser and a municipal administrator see every letter;
- a head, a registry clerk or a public-information officer of a body sees the
  letters addressed to that body or to any of its sub-units;
- a user linked to an official of the directory sees the letters addressed to
  that official;
- everyone sees the letters assigned to them.

A user's memberships are read once per user object and municipality (two
queries) and kept on the user object, as Django keeps permissions
(``_perm_cache``): a request sees the memberships as they were when it first
asked.
"""

from __future__ import annotations

import functools
import hashlib
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.contrib.auth.views import redirect_to_login
from django.db.models import Q, QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from emanager.directory.models import Body, Municipality
from emanager.directory.selectors import require_municipality
from emanager.letters.choices import LetterKind, LetterStatus
from emanager.letters.models import Letter
from emanager.staff.models import Membership, StaffRole

__all__ = [
    "ACTIONS",
    "StaffAccess",
    "answer_needs_approval",
    "approvers_of",
    "approves_answers",
    "assignable_users",
    "can_act",
    "can_approve",
    "can_manage_body",
    "can_manage_templates",
    "can_register_letters",
    "can_review",
    "can_view",
    "letters_awaiting_approval_by",
    "letters_reviewable_by",
    "letters_visible_to",
    "may_review",
    "require_staff",
    "staff_access",
    "staff_required",
    "template_bodies",
]

ACTIONS = frozenset({"answer", "clarify", "assign", "forward", "extend", "close", "reopen", "note"})
# Roles that see everything addressed to their body and its sub-units.
BODY_ROLES = frozenset({StaffRole.HEAD, StaffRole.CLERK, StaffRole.PIO})

# Whoever may see a letter may do these.
_VIEWER_ACTIONS = frozenset({"answer", "clarify", "note", "close"})
# Routing: moving the letter or its deadline. The public-information officer
# routes public-information requests only.
_ROUTING_ACTIONS = frozenset({"assign", "forward", "extend"})
_ROUTING_ROLES = frozenset({StaffRole.HEAD, StaffRole.CLERK, StaffRole.ADMIN})
_REOPEN_ROLES = frozenset({StaffRole.HEAD, StaffRole.ADMIN})
# A public-information request's deadline and forwarding follow the law: the
# request's own panel uses the 10 days (with the law's reason, telling the
# requester) and records a forward as a decision. The general actions are not
# offered for it, so that nobody moves its deadline around the law.
_LAW_BOUND_ACTIONS = frozenset({"forward", "extend"})

_CACHE_ATTRIBUTE = "_staff_access_cache"


@dataclass(frozen=True)
class StaffAccess:
    """What one user may reach in one municipality."""

    user_id: int | None
    municipality_id: int
    is_superuser: bool = False
    is_admin: bool = False
    is_member: bool = False
    # For each body role, the bodies it covers (the membership's body and
    # all bodies below it).
    bodies_by_role: dict[str, frozenset[int]] = field(default_factory=dict)
    official_ids: frozenset[int] = frozenset()

    @property
    def sees_everything(self) -> bool:
        return self.is_superuser or self.is_admin

    @property
    def may_enter(self) -> bool:
        """May use the staff pages of the municipality at all."""
        return self.is_superuser or self.is_member

    @property
    def body_ids(self) -> frozenset[int]:
        return frozenset().union(*self.bodies_by_role.values())

    def fingerprint(self) -> str:
        """Everything that decides what this user sees, for a cache key: equal access, equal key."""
        parts = (
            self.user_id,
            self.municipality_id,
            self.is_superuser,
            self.is_admin,
            self.is_member,
            sorted((role, sorted(ids)) for role, ids in self.bodies_by_role.items()),
            sorted(self.official_ids),
        )
        return hashlib.sha256(repr(parts).encode()).hexdigest()[:32]

    def letter_filter(self) -> Q | None:
        """The condition on letters this user sees; ``None`` when they see none."""
        if self.user_id is None:
            return None
        if self.sees_everything:
            return Q()
        condition = Q(assignee_id=self.user_id)
        if self.body_ids:
            condition |= Q(addressee_body_id__in=self.body_ids)
        if self.official_ids:
            condition |= Q(addressee_official_id__in=self.official_ids)
        return condition

    def covers(self, letter: Letter) -> bool:
        """The same rule as :meth:`letter_filter`, for a letter in hand (no query)."""
        if self.user_id is None or letter.municipality_id != self.municipality_id:
            return False
        if letter.status == LetterStatus.UNCONFIRMED:
            return False
        return (
            self.sees_everything
            or letter.assignee_id == self.user_id
            or letter.addressee_body_id in self.body_ids
            or letter.addressee_official_id in self.official_ids
        )

    def roles_for(self, letter: Letter) -> frozenset[str]:
        """The user's roles that cover this letter's addressee body."""
        roles = {StaffRole.ADMIN} if self.is_admin else set()
        roles.update(
            role
            for role, body_ids in self.bodies_by_role.items()
            if letter.addressee_body_id in body_ids
        )
        return frozenset(roles)


def _subtrees(municipality_id: int, roots: Iterable[int]) -> dict[int, frozenset[int]]:
    """Each root body with all bodies below it, from one query of the municipality's bodies."""
    children: dict[int | None, list[int]] = defaultdict(list)
    bodies = Body.objects.filter(municipality_id=municipality_id).order_by()
    for pk, parent_id in bodies.values_list("pk", "parent_id"):
        children[parent_id].append(pk)
    result = {}
    for root in roots:
        seen = {root}
        stack = [root]
        while stack:
            for child in children[stack.pop()]:
                if child not in seen:
                    seen.add(child)
                    stack.append(child)
        result[root] = frozenset(seen)
    return result


def _load_access(user, municipality_id: int) -> StaffAccess:
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return StaffAccess(user_id=None, municipality_id=municipality_id)
    memberships = list(
        Membership.objects.filter(user=user, municipality_id=municipality_id)
        .order_by()
        .values_list("role", "body_id", "official_id")
    )
    body_roots = {body_id for role, body_id, _ in memberships if role in BODY_ROLES and body_id}
    subtrees = _subtrees(municipality_id, body_roots) if body_roots else {}
    bodies_by_role: dict[str, set[int]] = defaultdict(set)
    for role, body_id, _ in memberships:
        if role in BODY_ROLES and body_id:
            bodies_by_role[role] |= subtrees[body_id]
    return StaffAccess(
        user_id=user.pk,
        municipality_id=municipality_id,
        is_superuser=user.is_superuser,
        is_admin=any(role == StaffRole.ADMIN for role, _, _ in memberships),
        is_member=bool(memberships),
        bodies_by_role={role: frozenset(ids) for role, ids in bodies_by_role.items()},
        official_ids=frozenset(official_id for _, _, official_id in memberships if official_id),
    )


def staff_access(user, municipality_id: int) -> StaffAccess:
    """The user's access in a municipality, read once per user object."""
    cache = getattr(user, _CACHE_ATTRIBUTE, None)
    if cache is None:
        cache = {}
        if getattr(user, "is_authenticated", False):
            setattr(user, _CACHE_ATTRIBUTE, cache)
    if municipality_id not in cache:
        cache[municipality_id] = _load_access(user, municipality_id)
    return cache[municipality_id]


def letters_visible_to(user, municipality: Municipality) -> QuerySet[Letter]:
    """The registered letters of the municipality this user may see."""
    condition = staff_access(user, municipality.pk).letter_filter()
    if condition is None:
        return Letter.objects.none()
    return (
        Letter.objects.filter(municipality=municipality)
        .exclude(status=LetterStatus.UNCONFIRMED)
        .filter(condition)
    )


def can_view(user, letter: Letter) -> bool:
    return staff_access(user, letter.municipality_id).covers(letter)


def can_act(user, letter: Letter, action: str) -> bool:
    """May this user take this action on this letter?

    Anyone who sees a letter may answer it, ask for a clarification, add a
    note or close it. Assigning, forwarding and extending the deadline belong
    to the head, the clerk and the administrator of the letter's body (and to
    its public-information officer for a public-information request, which is
    never forwarded or extended this way: its own panel does that by the law);
    reopening to the head and the administrator. A role counts only over the
    body it covers: a head who sees a letter of another body because it was
    assigned to them is only its assignee there.
    """
    if action not in ACTIONS:
        raise ValueError(f"Unknown action on a letter: {action!r}")
    access = staff_access(user, letter.municipality_id)
    if not access.covers(letter):
        return False
    if letter.kind == LetterKind.PUBLIC_INFORMATION and action in _LAW_BOUND_ACTIONS:
        return False
    if action in _VIEWER_ACTIONS or access.is_superuser:
        return True
    roles = access.roles_for(letter)
    if action in _ROUTING_ACTIONS:
        allowed = _ROUTING_ROLES
        if letter.kind == LetterKind.PUBLIC_INFORMATION:
            allowed |= {StaffRole.PIO}
        return bool(roles & allowed)
    return bool(roles & _REOPEN_ROLES)  # reopen


def assignable_users(letter: Letter) -> QuerySet:
    """Active users who may be given this letter.

    Members of the addressee body or of a body below it, the users linked to
    the addressed official, and the municipality's administrators.
    """
    body_ids = _subtrees(letter.municipality_id, [letter.addressee_body_id])[
        letter.addressee_body_id
    ]
    reaches = Q(memberships__role=StaffRole.ADMIN) | Q(memberships__body_id__in=body_ids)
    if letter.addressee_official_id is not None:
        reaches |= Q(memberships__official_id=letter.addressee_official_id)
    # One filter() call: both conditions must hold for the same membership.
    return (
        get_user_model()
        .objects.filter(
            reaches, is_active=True, memberships__municipality_id=letter.municipality_id
        )
        .distinct()
        .order_by("last_name", "first_name", "username")
    )


def require_staff(request: HttpRequest) -> HttpResponse | None:
    """``None`` when the request may use the staff pages; else the response to send.

    Anonymous: to the login page. Signed in without a role in the
    municipality: 403 with a page that says why. No municipality at this
    address: 404.
    """
    municipality = require_municipality(request)
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if not staff_access(request.user, municipality.pk).may_enter:
        return render(request, "staff/forbidden.html", status=403)
    return None


def staff_required(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Decorator form of :func:`require_staff`."""

    @functools.wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        denied = require_staff(request)
        if denied is not None:
            return denied
        return view(request, *args, **kwargs)

    return wrapper


# --- Working tools: approval of answers, answer templates ---------------------
#
# A body may require that its answers be approved by its head before they go
# to the citizen (Body.answers_need_approval). A head approves the answers of
# the letters addressed to the body they head or to a body below it.


def _heads_body(access: StaffAccess, body_id: int) -> bool:
    return access.is_superuser or body_id in access.bodies_by_role.get(StaffRole.HEAD, ())


def answer_needs_approval(user, letter: Letter) -> bool:
    """Must an answer by this user wait for the head's approval before it is sent?

    Only where the letter's body asks for approval, and only when the user is
    not a head of that body (or a superuser). ``user`` may be None: an answer
    that came by e-mail from an official who does not log in.
    """
    if not letter.addressee_body.answers_need_approval:
        return False
    if user is None:
        return True
    access = staff_access(user, letter.municipality_id)
    return not _heads_body(access, letter.addressee_body_id)


def can_approve(user, message) -> bool:
    """May this user approve (or return) this answer? A head of the letter's body."""
    letter = message.letter
    access = staff_access(user, letter.municipality_id)
    return access.covers(letter) and _heads_body(access, letter.addressee_body_id)


def approves_answers(user, municipality: Municipality) -> bool:
    """Is this user a head (or a superuser) there, who approves answers?"""
    access = staff_access(user, municipality.pk)
    return access.is_superuser or bool(access.bodies_by_role.get(StaffRole.HEAD))


def letters_awaiting_approval_by(user, municipality: Municipality) -> QuerySet[Letter]:
    """The letters with an answer waiting for this user's approval."""
    from emanager.letters.choices import MessageStatus

    access = staff_access(user, municipality.pk)
    letters = letters_visible_to(user, municipality).filter(
        messages__status=MessageStatus.PENDING_APPROVAL
    )
    if not access.is_superuser:
        letters = letters.filter(
            addressee_body_id__in=access.bodies_by_role.get(StaffRole.HEAD, ())
        )
    return letters.distinct()


def approvers_of(letter: Letter) -> QuerySet:
    """The heads told when an answer of this letter waits for approval.

    The active heads of the letter's body; if it has none, those of the
    nearest body above it that has one.
    """
    users = get_user_model().objects.filter(
        is_active=True,
        memberships__municipality_id=letter.municipality_id,
        memberships__role=StaffRole.HEAD,
    )
    body = letter.addressee_body
    seen: set[int] = set()
    while body is not None and body.pk not in seen:
        seen.add(body.pk)
        heads = users.filter(memberships__body_id=body.pk)
        if heads.exists():
            return heads.distinct().order_by("pk")
        body = body.parent
    return users.none()


def can_manage_body(user, body: Body) -> bool:
    """May this user change the settings of the body (whether its answers need approval)?

    Its heads (including heads of a body above it), the municipality's
    administrators and superusers.
    """
    access = staff_access(user, body.municipality_id)
    return access.sees_everything or _heads_body(access, body.pk)


def template_bodies(user, municipality: Municipality) -> QuerySet[Body]:
    """The bodies whose answer templates this user may write and change.

    A registry clerk's and a head's body with the bodies below it; every
    body for an administrator.
    """
    access = staff_access(user, municipality.pk)
    bodies = Body.objects.filter(municipality=municipality)
    if access.sees_everything:
        return bodies
    ids = access.bodies_by_role.get(StaffRole.HEAD, frozenset()) | access.bodies_by_role.get(
        StaffRole.CLERK, frozenset()
    )
    return bodies.filter(pk__in=ids)


def can_manage_templates(user, body: Body) -> bool:
    return template_bodies(user, body.municipality).filter(pk=body.pk).exists()


# --- Staff intake: letters that came on paper, in person, by phone or e-mail ---

_INTAKE_ROLES = frozenset({StaffRole.CLERK, StaffRole.PIO})


def can_register_letters(user, municipality: Municipality) -> bool:
    """May this user register letters on a citizen's behalf in this municipality?

    Its registry clerks, public-information officers and administrators (and
    superusers). The letter may be addressed to any body of the municipality:
    the registry receives whatever arrives.
    """
    access = staff_access(user, municipality.pk)
    if access.user_id is None:
        return False
    return access.sees_everything or bool(access.bodies_by_role.keys() & _INTAKE_ROLES)


# --- Registry journal ---------------------------------------------------------

# Roles that keep the registry journal: every role but the plain official.
_JOURNAL_ROLES = frozenset({StaffRole.CLERK, StaffRole.HEAD, StaffRole.PIO})


def can_see_journal(user, municipality: Municipality) -> bool:
    """May this user open the registry journal (and its exports) of the municipality?

    The registry clerks, heads, public-information officers and administrators
    may; the journal then lists only the letters :func:`letters_visible_to` gives
    them. A plain official works from the inbox.
    """
    access = staff_access(user, municipality.pk)
    if access.user_id is None:
        return False
    return access.sees_everything or bool(_JOURNAL_ROLES & access.bodies_by_role.keys())


# --- Publication review ---------------------------------------------------------
#
# Registry clerks, heads and public-information officers review for
# publication the letters addressed to their body (and the bodies below it);
# administrators review every letter of the municipality.

_REVIEW_ROLES = frozenset({StaffRole.CLERK, StaffRole.HEAD, StaffRole.PIO})


def _review_body_ids(access: StaffAccess) -> frozenset[int]:
    return frozenset().union(
        *(ids for role, ids in access.bodies_by_role.items() if role in _REVIEW_ROLES)
    )


def may_review(user, municipality: Municipality) -> bool:
    """May this user use the publication review pages of the municipality at all?"""
    access = staff_access(user, municipality.pk)
    if access.user_id is None:
        return False
    return access.sees_everything or bool(_review_body_ids(access))


def letters_reviewable_by(user, municipality: Municipality) -> QuerySet[Letter]:
    """The registered letters of the municipality whose publication this user reviews."""
    access = staff_access(user, municipality.pk)
    if not may_review(user, municipality):
        return Letter.objects.none()
    letters = Letter.objects.filter(municipality=municipality).exclude(
        status=LetterStatus.UNCONFIRMED
    )
    if access.sees_everything:
        return letters
    return letters.filter(addressee_body_id__in=_review_body_ids(access))


def can_review(user, letter: Letter) -> bool:
    """May this user publish, decline or unpublish this letter and its answers?"""
    access = staff_access(user, letter.municipality_id)
    if access.user_id is None or letter.municipality_id != access.municipality_id:
        return False
    if letter.status == LetterStatus.UNCONFIRMED:
        return False
    return access.sees_everything or letter.addressee_body_id in _review_body_ids(access)


# --- Answers by e-mail (emanager.mailin) -----------------------------------------
#
# The queue of e-mails held for moderation belongs to the municipality's
# registry: its clerks (of any body) and its administrators. An e-mail held
# without any clue to its municipality is shown to superusers only.


def can_moderate_mail(user, municipality: Municipality) -> bool:
    """May this user see the e-mails received for the municipality and decide on held ones?"""
    access = staff_access(user, municipality.pk)
    if access.user_id is None:
        return False
    return access.sees_everything or StaffRole.CLERK in access.bodies_by_role


def inbound_mail_visible_to(user, municipality: Municipality) -> QuerySet:
    """The e-mails received for the municipality that this user may see."""
    from emanager.mailin.models import InboundMail

    if not can_moderate_mail(user, municipality):
        return InboundMail.objects.none()
    condition = Q(municipality=municipality)
    if staff_access(user, municipality.pk).is_superuser:
        condition |= Q(municipality__isnull=True)
    return InboundMail.objects.filter(condition)


def can_send_by_email(user, letter: Letter) -> bool:
    """May this user (re)send the letter to the official who answers it by e-mail?

    Those who route the letter: the clerk, the head and the administrator of
    its body (and superusers).
    """
    access = staff_access(user, letter.municipality_id)
    if not access.covers(letter):
        return False
    return access.is_superuser or bool(access.roles_for(letter) & _ROUTING_ROLES)


# --- Proactive publication (emanager.proactive) ----------------------------------
#
# The catalogue is public; any staff member may open its staff pages. Its
# administrators, registry clerks and public-information officers (of any
# body) edit the catalogue and publish into every item; the staff of an
# item's responsible body publish into that item: whoever has a role in that
# body or in a unit below it, and whoever's role covers it from a body above
# (a head of a service publishes the items of its divisions).

_PROACTIVE_ROLES = frozenset({StaffRole.CLERK, StaffRole.PIO})


def can_edit_proactive_catalogue(user, municipality: Municipality) -> bool:
    """May this user add items, set their responsible body and mark them not applicable?"""
    return _edits_catalogue(staff_access(user, municipality.pk))


def _edits_catalogue(access: StaffAccess) -> bool:
    if access.user_id is None:
        return False
    return access.sees_everything or bool(access.bodies_by_role.keys() & _PROACTIVE_ROLES)


def _proactive_body_ids(access: StaffAccess) -> frozenset[int]:
    """The bodies whose items the user publishes into: those their roles cover, and
    the bodies above any body they have a role in."""
    parents = dict(
        Body.objects.filter(municipality_id=access.municipality_id)
        .order_by()
        .values_list("pk", "parent_id")
    )
    ids = set(access.body_ids)
    member_of = Membership.objects.filter(
        user_id=access.user_id, municipality_id=access.municipality_id, body__isnull=False
    ).values_list("body_id", flat=True)
    for body_id in member_of:
        seen: set[int] = set()
        while body_id is not None and body_id not in seen:
            seen.add(body_id)
            body_id = parents.get(body_id)
        ids |= seen
    return frozenset(ids)


def can_publish_proactively(user, item) -> bool:
    """May this user publish, change and withdraw the documents of this catalogue item?"""
    access = staff_access(user, item.municipality_id)
    if access.user_id is None:
        return False
    if _edits_catalogue(access):
        return True
    return item.responsible_body_id is not None and (
        item.responsible_body_id in _proactive_body_ids(access)
    )


def proactive_items_publishable_by(user, municipality: Municipality) -> QuerySet:
    """The catalogue items of the municipality this user may publish into."""
    from emanager.proactive.models import CatalogueItem

    access = staff_access(user, municipality.pk)
    items = CatalogueItem.objects.filter(municipality=municipality)
    if access.user_id is None:
        return items.none()
    if _edits_catalogue(access):
        return items
    return items.filter(responsible_body_id__in=_proactive_body_ids(access))


# --- Public-information requests (emanager.foi) ------------------------------------
#
# Whoever may answer a public-information request handles it as the law asks:
# uses the 10 days, records the decision, sends the written explanation of a
# refusal and records the fee paid. A complaint about a request is decided by
# the heads and the administrators of the body it is addressed to (the superior
# body), and by superusers. The municipality's public-information settings (the
# copying fee, the refusal template) belong to its administrators.

_COMPLAINT_ROLES = frozenset({StaffRole.HEAD, StaffRole.ADMIN})


def can_handle_foi(user, letter: Letter) -> bool:
    """May this user take the public-information actions on this request?"""
    return letter.kind == LetterKind.PUBLIC_INFORMATION and can_act(user, letter, "answer")


def can_decide_complaint(user, letter: Letter) -> bool:
    """May this user decide this complaint (a letter of kind complaint) about a request?"""
    access = staff_access(user, letter.municipality_id)
    if letter.kind != LetterKind.COMPLAINT or not access.covers(letter):
        return False
    return access.is_superuser or bool(access.roles_for(letter) & _COMPLAINT_ROLES)


def can_manage_foi_settings(user, municipality: Municipality) -> bool:
    """May this user change the municipality's copying fee and refusal template?"""
    access = staff_access(user, municipality.pk)
    return access.user_id is not None and access.sees_everything
