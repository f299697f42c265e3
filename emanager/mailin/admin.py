"""The records of answers by e-mail, read-only: what was sent, what came in."""

from django.contrib import admin
from django.http import HttpRequest

from emanager.mailin.models import Dispatch, InboundMail


class _ReadOnly(admin.ModelAdmin):
    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        return False


@admin.register(Dispatch)
class DispatchAdmin(_ReadOnly):
    list_display = ["created_at", "letter", "official", "to", "sent_by"]
    search_fields = ["letter__number", "to", "reply_address"]
    date_hierarchy = "created_at"
    list_select_related = ["letter", "official", "sent_by"]


@admin.register(InboundMail)
class InboundMailAdmin(_ReadOnly):
    list_display = ["received_at", "from_address", "subject", "status", "hold_reason", "letter"]
    list_filter = ["status", "hold_reason", "municipality"]
    search_fields = ["from_address", "subject", "message_id", "letter__number"]
    date_hierarchy = "received_at"
    list_select_related = ["letter"]
    exclude = ["raw"]
