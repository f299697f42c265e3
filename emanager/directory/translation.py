"""Fields stored once per language (ka, en, ru) by modeltranslation."""

from modeltranslation.translator import TranslationOptions, register

from emanager.directory.models import Body, Municipality, Official, Position, TerritorialUnit


@register(Municipality)
class MunicipalityTranslation(TranslationOptions):
    fields = ("name", "region", "about", "address")
    required_languages = ("ka",)


@register(Body)
class BodyTranslation(TranslationOptions):
    fields = ("name", "short_name", "functions", "address")
    required_languages = ("ka",)


@register(TerritorialUnit)
class TerritorialUnitTranslation(TranslationOptions):
    fields = ("name", "settlements", "center", "address")
    required_languages = ("ka",)


@register(Position)
class PositionTranslation(TranslationOptions):
    fields = ("title",)
    required_languages = ("ka",)


@register(Official)
class OfficialTranslation(TranslationOptions):
    fields = ("first_name", "last_name", "biography", "reception_hours")
    required_languages = ("ka",)
