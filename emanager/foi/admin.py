"""The admin of public-information requests: settings editable, the requests' facts read-only.

The facts of a request change through its decision (the staff page), so that
every change is in the letter's timeline; the admin only shows them.
"""

from django import forms
from django.contrib import admin

from emanager.foi.models import Complaint, FoiRequest, FoiSettings
from emanager.foi.refusal import refusal_placeholders_check


class FoiSettingsAdminForm(forms.ModelForm):
    class Meta:
        model = FoiSettings
        fields = ["municipality", "fee_per_page", "refusal_template"]

    def clean_refusal_template(self):
        text = self.cleaned_data["refusal_template"].replace("\r\n", "\n").strip()
        refusal_placeholders_check(text)
        return text


@admin.register(FoiSettings)
class FoiSettingsAdmin(admin.ModelAdmin):
    form = FoiSettingsAdminForm
    list_display = ["municipality", "fee_per_page"]


class ComplaintInline(admin.TabularInline):
    model = Complaint
    fields = ["letter", "outcome", "decided_at"]
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(FoiRequest)
class FoiRequestAdmin(admin.ModelAdmin):
    list_display = ["letter", "outcome", "refusal_ground", "requester_type", "decided_at", "fee"]
    list_filter = ["letter__municipality", "outcome", "refusal_ground", "requester_type"]
    search_fields = ["letter__number", "organisation"]
    list_select_related = ["letter"]
    readonly_fields = [field.name for field in FoiRequest._meta.fields]
    inlines = [ComplaintInline]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Complaint)
class ComplaintAdmin(admin.ModelAdmin):
    list_display = ["letter", "request", "outcome", "decided_at"]
    list_filter = ["outcome"]
    readonly_fields = ["request", "letter", "outcome", "decided_at"]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
