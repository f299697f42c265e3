"""Words of special categories of personal data, in Georgian, English and Russian.

:func:`emanager.publication.redaction.flags` finds them in a letter; they are
not removed, but the clerk is told (the law wants such letters held back).
Each entry is a word, a stem (ending in ``*``: any ending follows) or a
phrase of either (matched across any spaces); all match as whole words, in
any letter case. Georgian words decline by endings, so stems fit them well;
a stem must not start a common word (ეზიდ* would take ეზიდება, "is carried").
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

__all__ = ["SPECIAL_WORDS", "Category"]


class Category(models.TextChoices):
    """Special categories of personal data (Law of Georgia on Personal Data Protection)."""

    HEALTH = "health", _("health")
    RELIGION = "religion", _("religion or belief")
    CRIMINAL = "criminal", _("criminal record")
    ETHNICITY = "ethnicity", _("ethnic origin")
    POLITICS = "politics", _("political opinion")
    SEX_LIFE = "sex_life", _("sex life")
    BIOMETRICS = "biometrics", _("biometric or genetic data")


SPECIAL_WORDS: dict[Category, tuple[str, ...]] = {
    Category.HEALTH: (
        "ავადმყოფ*", "დაავადებ*", "დიაგნოზ*", "ინვალიდ*", "შშმ", "შეზღუდული შესაძლებლობ*",
        "კიბო*", "ონკოლოგ*", "დიაბეტ*", "საავადმყოფო*", "ჰოსპიტალ*", "მკურნალობ*",
        "მედიკამენტ*", "წამლ*", "წამალ*", "ფსიქიკურ*", "ორსულ*", "აივ", "შიდს*", "ინსულტ*",
        "ინფარქტ*", "ოპერაცი*", "ქრონიკულ*", "სმენადაქვეითებულ*", "უსინათლო*",
        "disease*", "illness*", "diagnos*", "disabilit*", "disabled", "cancer*", "diabet*",
        "hospital*", "surgery", "medical treatment*", "medication*", "pregnan*", "hiv", "aids",
        "mental health", "depression", "stroke", "chronic*", "blind", "deaf",
        "болезн*", "болен", "больн*", "диагноз*", "инвалид*", "онколог*", "диабет*",
        "госпитал*", "операци*", "лечени*", "лекарств*", "беремен*", "вич", "спид",
        "инсульт*", "инфаркт*", "хроническ*", "психическ*", "слеп*", "глух*",
    ),
    Category.RELIGION: (
        "რელიგი*", "მართლმადიდებ*", "მუსლიმ*", "მაჰმადიან*", "კათოლიკ*", "იეჰოვა*",
        "ბაპტისტ*", "მეჩეთ*", "სინაგოგ*", "აღმსარებლობ*", "ათეისტ*", "რწმენ*", "სექტა",
        "სექტის", "სექტებ*",
        "religio*", "orthodox*", "muslim*", "islam*", "catholic*", "jehovah*", "baptist*",
        "mosque*", "synagogue*", "atheis*", "faith", "sect",
        "религи*", "православ*", "мусульман*", "ислам*", "католи*", "иегов*", "баптист*",
        "мечет*", "синагог*", "атеис*", "вероисповедан*", "секта", "секты",
    ),
    Category.CRIMINAL: (
        "ნასამართლ*", "მსჯავრდ*", "პატიმ*", "ციხე*", "ციხი*", "სასჯელ*", "დანაშაულ*",
        "ბრალდებ*", "პრობაცი*", "გასამართლ*", "დაპატიმრ*", "ნარკოტიკ*", "ამნისტი*",
        "convict*", "criminal record*", "prison*", "jail*", "sentenced", "probation*",
        "arrest*", "parole", "offence*", "offense*", "drug*",
        "судим*", "осужд*", "тюрьм*", "тюрем*", "арест*", "приговор*", "пробаци*",
        "преступлени*", "наркотик*", "амнисти*",
    ),
    Category.ETHNICITY: (
        "ეთნიკ*", "ეროვნებ*", "აზერბაიჯან*", "სომეხ*", "სომხ*", "ოსი", "ოსებ*", "ბოშ*",
        "ქურთი", "ქურთის", "ქურთებ*", "ქურთულ*", "ეზიდი", "ეზიდის",
        "ეზიდები", "ეზიდების", "ეზიდებს", "ეზიდურ*", "იეზიდ*", "ებრაელ*", "უმცირესობ*",
        "რასობრივ*", "ლტოლვილ*",
        "ethnic*", "nationality", "armenian*", "azerbaijani*", "azeri*", "ossetian*", "roma",
        "gypsy", "kurd*", "yazidi*", "jewish", "jews", "minorit*", "racial", "refugee*",
        "этническ*", "национальност*", "армян*", "армянин", "азербайджан*", "осетин*",
        "цыган*", "курд*", "езид*", "евре*", "меньшинств*", "расов*", "беженц*",
    ),
    Category.POLITICS: (
        "პარტი*", "ოპოზიცი*", "პოლიტიკურ*", "ქართული ოცნებ*", "ნაციონალური მოძრაობ*",
        "მიტინგ*", "დემონსტრაცი*", "საპროტესტო*",
        "political*", "party member*", "opposition*", "rally", "protest*",
        "парти*", "оппозици*", "политическ*", "митинг*", "демонстраци*", "протест*",
    ),
    Category.SEX_LIFE: (
        "სექსუალურ*", "ლგბტ*", "ჰომოსექსუალ*", "გეი",
        "sexual*", "lgbt*", "gay", "lesbian*", "homosexual*",
        "сексуальн*", "лгбт*", "гомосексуал*",
    ),
    Category.BIOMETRICS: (
        "თითის ანაბეჭდ*", "დნმ", "ბიომეტრი*", "გენეტიკურ*",
        "fingerprint*", "dna", "biometric*", "genetic*",
        "отпечат* пальц*", "днк", "биометри*", "генетическ*",
    ),
}  # fmt: skip
