from django.contrib import admin

from emanager.letters.models import Event, Letter, Register


@admin.register(Register)
class RegisterAdmin(admin.ModelAdmin):
    list_display = ["name", "municipality", "kind", "prefix", "number_format"]
    list_filter = ["municipality"]


class EventInline(admin.TabularInline):
    model = Event
    fields = ["seq", "created_at", "kind", "actor", "actor_label", "data"]
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Letter)
class LetterAdmin(admin.ModelAdmin):
    list_display = ["number", "subject", "kind", "status", "deadline", "municipality"]
    list_filter = ["municipality", "status", "kind"]
    search_fields = ["number", "subject", "author_name", "author_email"]
    readonly_fields = [
        "uuid",
        "number",
        "register",
        "year",
        "sequence",
        "registered_at",
        "confirmed_at",
        "created_at",
        "consent_text",
        "consent_version",
        "consent_at",
        "submission_key",
    ]
    inlines = [EventInline]
