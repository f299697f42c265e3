"""Answer templates of the bodies, and whether a body's answers wait for its head's approval.

The registry clerks and heads of a body (and the administrators) write and
change its templates; its heads (and the administrators) decide whether its
answers need approval.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from emanager.directory.models import Body
from emanager.letters.answer_templates import (
    PLACEHOLDERS,
    answer_template_delete,
    answer_template_save,
)
from emanager.letters.models import AnswerTemplate
from emanager.letters.staff_forms import AnswerTemplateForm, BodyApprovalForm
from emanager.letters.staff_services import body_approval_set
from emanager.staff.permissions import can_manage_body, staff_required, template_bodies

TEMPLATES_PER_PAGE = 30


def _tree_order(bodies) -> list[Body]:
    """The bodies, each followed by those below it."""
    bodies = list(bodies.order_by("order", "name"))
    ids = {body.pk for body in bodies}
    children: dict[int | None, list[Body]] = {}
    for body in bodies:
        children.setdefault(body.parent_id if body.parent_id in ids else None, []).append(body)
    ordered: list[Body] = []
    stack = list(reversed(children.get(None, [])))
    while stack:
        body = stack.pop()
        ordered.append(body)
        stack.extend(reversed(children.get(body.pk, [])))
    return ordered


def _approval_prefix(body: Body) -> str:
    return f"body-{body.pk}"


def _refused(request: HttpRequest) -> HttpResponse:
    return render(request, "staff/answer_template_forbidden.html", status=403)


def _template_for(request: HttpRequest, pk: int) -> AnswerTemplate:
    bodies = template_bodies(request.user, request.municipality)
    return get_object_or_404(AnswerTemplate.objects.select_related("body"), pk=pk, body__in=bodies)


@staff_required
def template_list(request: HttpRequest) -> HttpResponse:
    bodies = template_bodies(request.user, request.municipality)
    if not bodies.exists():
        return _refused(request)
    templates = (
        AnswerTemplate.objects.filter(body__in=bodies)
        .select_related("body")
        .order_by("body__order", "body__name", "title", "pk")
    )
    page = Paginator(templates, TEMPLATES_PER_PAGE).get_page(request.GET.get("page"))
    approval = [
        (
            body,
            BodyApprovalForm(
                initial={"answers_need_approval": body.answers_need_approval},
                prefix=_approval_prefix(body),
            ),
        )
        for body in _tree_order(bodies)
        if can_manage_body(request.user, body)
    ]
    return render(
        request,
        "staff/answer_template_list.html",
        {"page": page, "approval": approval, "placeholders": PLACEHOLDERS},
    )


def _edit(request: HttpRequest, template: AnswerTemplate | None) -> HttpResponse:
    bodies = template_bodies(request.user, request.municipality).order_by("order", "name")
    if not bodies.exists():
        return _refused(request)
    form = AnswerTemplateForm(request.POST or None, instance=template, bodies=bodies)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        saved = answer_template_save(
            template=template,
            body=data["body"],
            title=data["title"],
            text=data["text"],
            actor=request.user,
        )
        messages.success(request, _("The template “%(title)s” was saved.") % {"title": saved.title})
        return redirect("staff:answer_templates")
    return render(
        request,
        "staff/answer_template_form.html",
        {"form": form, "template": template, "placeholders": PLACEHOLDERS},
        status=400 if form.is_bound else 200,
    )


@staff_required
def template_create(request: HttpRequest) -> HttpResponse:
    return _edit(request, None)


@staff_required
def template_edit(request: HttpRequest, pk: int) -> HttpResponse:
    return _edit(request, _template_for(request, pk))


@staff_required
def template_delete(request: HttpRequest, pk: int) -> HttpResponse:
    template = _template_for(request, pk)
    if request.method == "POST":
        answer_template_delete(template=template)
        messages.success(
            request, _("The template “%(title)s” was deleted.") % {"title": template.title}
        )
        return redirect("staff:answer_templates")
    return render(request, "staff/answer_template_delete.html", {"template": template})


@staff_required
@require_POST
def body_approval(request: HttpRequest, pk: int) -> HttpResponse:
    body = get_object_or_404(Body, pk=pk, municipality=request.municipality)
    if not can_manage_body(request.user, body):
        raise Http404
    form = BodyApprovalForm(request.POST, prefix=_approval_prefix(body))
    form.is_valid()  # a checkbox: always valid
    required = form.cleaned_data["answers_need_approval"]
    body_approval_set(body=body, required=required)
    if required:
        done = _("Answers of %(body)s now wait for the head's approval before they are sent.")
    else:
        done = _("Answers of %(body)s are now sent without the head's approval.")
    messages.success(request, done % {"body": body.name})
    return redirect("staff:answer_templates")
