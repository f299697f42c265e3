from django.contrib import admin

from emanager.accounts.models import CitizenProfile


@admin.register(CitizenProfile)
class CitizenProfileAdmin(admin.ModelAdmin):
    list_display = ["name", "user", "email_verified_at", "language", "created_at"]
    list_filter = ["language"]
    search_fields = ["name", "user__username", "user__email"]
    list_select_related = ["user"]
    readonly_fields = ["created_at"]
    raw_id_fields = ["user"]
