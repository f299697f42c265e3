"""Fields stored once per language (ka, en, ru) by modeltranslation."""

from modeltranslation.translator import TranslationOptions, register

from emanager.proactive.models import CatalogueItem


@register(CatalogueItem)
class CatalogueItemTranslation(TranslationOptions):
    fields = ("name",)
    required_languages = ("ka",)
