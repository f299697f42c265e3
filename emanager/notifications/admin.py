from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from emanager.notifications.models import OutboxMessage
from emanager.notifications.services import outbox_retry


@admin.register(OutboxMessage)
class OutboxMessageAdmin(admin.ModelAdmin):
    """The outbox as a read-only record; the one change is "retry now"."""

    list_display = [
        "created_at",
        "template",
        "to",
        "language",
        "status",
        "attempts",
        "next_attempt_at",
        "sent_at",
    ]
    list_filter = ["status", "template", "language"]
    search_fields = ["to", "key", "template", "message_id"]
    date_hierarchy = "created_at"
    ordering = ["-created_at"]
    actions = ["retry_now"]
    fields = [
        "template",
        "to",
        "language",
        "context",
        "key",
        "status",
        "attempts",
        "next_attempt_at",
        "claimed_at",
        "last_error",
        "created_at",
        "sent_at",
        "message_id",
        "reply_to",
        "envelope_sender",
        "headers",
        "attachments",
    ]
    readonly_fields = fields

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    @admin.action(description=_("Retry now"), permissions=["change"])
    def retry_now(self, request: HttpRequest, queryset: QuerySet[OutboxMessage]) -> None:
        count = outbox_retry(message_ids=list(queryset.values_list("pk", flat=True)))
        self.message_user(
            request,
            ngettext(
                "%(count)d e-mail queued to be sent now.",
                "%(count)d e-mails queued to be sent now.",
                count,
            )
            % {"count": count},
            messages.SUCCESS if count else messages.WARNING,
        )
