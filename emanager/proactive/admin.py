"""The catalogue in Django's admin. Documents are published from the staff pages, where
their files are checked; here they can be looked up and corrected."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin

from emanager.proactive.models import CatalogueItem, Document, Reminder


class DocumentInline(admin.TabularInline):
    model = Document
    fields = ["title", "published_on", "period_start", "period_end", "entry_into_force"]
    readonly_fields = fields
    extra = 0
    show_change_link = True
    can_delete = False

    def has_add_permission(self, request, obj=None) -> bool:
        return False


@admin.register(CatalogueItem)
class CatalogueItemAdmin(TranslationAdmin):
    list_display = ["name", "section", "rule", "responsible_body", "is_applicable", "municipality"]
    list_filter = ["municipality", "section", "rule", "is_applicable"]
    search_fields = ["name_ka", "name_en", "name_ru", "slug"]
    list_select_related = ["responsible_body", "municipality"]
    autocomplete_fields = ["responsible_body"]
    readonly_fields = ["standard_key", "reviewed_by", "created_at"]
    fieldsets = [
        (None, {"fields": ["municipality", "section", "name", "slug", "rule", "order"]}),
        (
            _("Responsibility and applicability"),
            {"fields": ["responsible_body", "is_applicable", "not_applicable_reason"]},
        ),
        (
            _("Record"),
            {"fields": ["standard_key", "reviewed_on", "reviewed_by", "created_at"]},
        ),
    ]
    inlines = [DocumentInline]


@admin.register(Document)
class DocumentAdmin(admin.ModelAdmin):
    list_display = ["title", "item", "published_on", "period_start", "period_end", "withdrawn_at"]
    list_filter = ["item__municipality", "item__section", "published_on"]
    search_fields = ["title", "item__name_ka", "item__name_en"]
    list_select_related = ["item"]
    date_hierarchy = "published_on"
    readonly_fields = [
        "item",
        "file",
        "original_name",
        "content_type",
        "size",
        "sha256",
        "published_by",
        "created_at",
        "updated_at",
        "withdrawn_at",
        "withdrawn_by",
        "withdrawal_reason",
    ]

    def has_add_permission(self, request) -> bool:
        # Published from the staff pages, where the file is checked.
        return False


@admin.register(Reminder)
class ReminderAdmin(admin.ModelAdmin):
    list_display = ["item", "due", "stage", "sent_on", "recipients"]
    list_filter = ["stage", "item__municipality"]
    list_select_related = ["item"]

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False
