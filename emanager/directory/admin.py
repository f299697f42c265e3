from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin, TranslationTabularInline

from emanager.directory.models import (
    Body,
    Mandate,
    Municipality,
    Official,
    Position,
    TerritorialUnit,
)


@admin.register(Municipality)
class MunicipalityAdmin(TranslationAdmin):
    list_display = ["name", "slug", "domain", "is_sample"]
    search_fields = ["name_ka", "name_en", "name_ru", "slug", "domain"]
    prepopulated_fields = {"slug": ["name_en"]}
    fieldsets = [
        (None, {"fields": ["name", "region", "slug", "domain", "emblem", "about", "population"]}),
        (_("Contacts"), {"fields": ["address", "phone", "email", "website"]}),
        (_("Settings"), {"fields": ["accessibility_contact", "is_sample"]}),
    ]


class PositionInline(TranslationTabularInline):
    model = Position
    fields = ["title", "kind", "territorial_unit", "order"]
    extra = 0
    show_change_link = True


@admin.register(Body)
class BodyAdmin(TranslationAdmin):
    list_display = ["name", "kind", "parent", "municipality", "order"]
    list_filter = ["municipality", "kind"]
    search_fields = ["name_ka", "name_en", "name_ru", "short_name_ka"]
    list_select_related = ["parent", "municipality"]
    autocomplete_fields = ["parent"]
    prepopulated_fields = {"slug": ["name_en"]}
    inlines = [PositionInline]


class MandateInline(admin.TabularInline):
    model = Mandate
    fields = ["position", "start", "end"]
    autocomplete_fields = ["position"]
    extra = 0


@admin.register(Official)
class OfficialAdmin(TranslationAdmin):
    list_display = ["last_name", "first_name", "municipality", "email"]
    list_filter = ["municipality"]
    search_fields = ["last_name_ka", "last_name_en", "first_name_ka", "first_name_en", "email"]
    prepopulated_fields = {"slug": ["first_name_en", "last_name_en"]}
    inlines = [MandateInline]


@admin.register(Position)
class PositionAdmin(TranslationAdmin):
    list_display = ["title", "kind", "body", "territorial_unit"]
    list_filter = ["kind", "body__municipality"]
    search_fields = ["title_ka", "title_en", "body__name_ka", "body__name_en"]
    list_select_related = ["body", "territorial_unit"]
    autocomplete_fields = ["body", "territorial_unit"]
    inlines = [MandateInline]


@admin.register(TerritorialUnit)
class TerritorialUnitAdmin(TranslationAdmin):
    list_display = ["name", "center", "municipality", "is_sample", "order"]
    list_filter = ["municipality", "is_sample"]
    search_fields = ["name_ka", "name_en", "name_ru"]
    prepopulated_fields = {"slug": ["name_en"]}
