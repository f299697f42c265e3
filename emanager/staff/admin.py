from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin

from emanager.staff.models import Membership


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ["user", "role", "body", "municipality", "official"]
    list_filter = ["municipality", "role"]
    search_fields = ["user__username", "user__first_name", "user__last_name", "user__email"]
    list_select_related = ["user", "body", "municipality", "official"]
    autocomplete_fields = ["user", "body", "official"]


class MembershipInline(admin.TabularInline):
    model = Membership
    fields = ["municipality", "role", "body", "official"]
    autocomplete_fields = ["body", "official"]
    extra = 0


User = get_user_model()
if admin.site.is_registered(User):
    admin.site.unregister(User)


@admin.register(User)
class StaffUserAdmin(UserAdmin):
    inlines = [*UserAdmin.inlines, MembershipInline]
