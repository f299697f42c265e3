"""Demonstration data: Lanchkhuti municipality with its bodies, officials and units.

``load_demo()`` creates the data or brings it back to what ``demo_data`` says;
running it again creates nothing new. It never deletes: rows added by hand to
the demo municipality stay.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator

from django.db import transaction
from django.utils import translation
from django.utils.text import slugify

from emanager.directory import demo_data as data
from emanager.directory.demo_data import Holder, Text
from emanager.directory.models import (
    Body,
    BodyKind,
    Mandate,
    Municipality,
    Official,
    Position,
    PositionKind,
    TerritorialUnit,
)

LANGUAGES = ("ka", "en", "ru")

# Each Georgian letter in the national romanization of 2002 (without apostrophes)
# and as Russian usually writes Georgian names.
_LETTERS = {
    "ა": ("a", "а"),
    "ბ": ("b", "б"),
    "გ": ("g", "г"),
    "დ": ("d", "д"),
    "ე": ("e", "е"),
    "ვ": ("v", "в"),
    "ზ": ("z", "з"),
    "თ": ("t", "т"),
    "ი": ("i", "и"),
    "კ": ("k", "к"),
    "ლ": ("l", "л"),
    "მ": ("m", "м"),
    "ნ": ("n", "н"),
    "ო": ("o", "о"),
    "პ": ("p", "п"),
    "ჟ": ("zh", "ж"),
    "რ": ("r", "р"),
    "ს": ("s", "с"),
    "ტ": ("t", "т"),
    "უ": ("u", "у"),
    "ფ": ("p", "п"),
    "ქ": ("k", "к"),
    "ღ": ("gh", "г"),
    "ყ": ("q", "к"),
    "შ": ("sh", "ш"),
    "ჩ": ("ch", "ч"),
    "ც": ("ts", "ц"),
    "ძ": ("dz", "дз"),
    "წ": ("ts", "ц"),
    "ჭ": ("ch", "ч"),
    "ხ": ("kh", "х"),
    "ჯ": ("j", "дж"),
    "ჰ": ("h", "х"),
}
_LATIN = {letter: latin for letter, (latin, _) in _LETTERS.items()}
_CYRILLIC = {letter: cyrillic for letter, (_, cyrillic) in _LETTERS.items()}
_VOWELS = frozenset("აეიოუ")


def _capitalize_words(text: str) -> str:
    return " ".join(word[:1].upper() + word[1:] for word in text.split(" "))


def transliterate_en(text: str) -> str:
    """Georgian to Latin letters by the national system: ჭყონაგორა -> Chqonagora."""
    return _capitalize_words("".join(_LATIN.get(char, char) for char in text))


def transliterate_ru(text: str) -> str:
    """Georgian to Cyrillic as Russian writes Georgian names: ჭანტურია -> Чантурия.

    ე is э at the start of a word and after a vowel; a final ია is ия.
    """
    out: list[str] = []
    for index, char in enumerate(text):
        previous = text[index - 1] if index else " "
        following = text[index + 1] if index + 1 < len(text) else " "
        if char == "ე" and (previous in _VOWELS or not previous.isalpha()):
            out.append("э")
        elif char == "ა" and previous == "ი" and not following.isalpha():
            out.append("я")
        else:
            out.append(_CYRILLIC.get(char, char))
    return _capitalize_words("".join(out))


def _place(name_ka: str) -> Text:
    return (name_ka, transliterate_en(name_ka), transliterate_ru(name_ka))


def _i18n(field: str, text: Text | None) -> dict[str, str]:
    """{"name_ka": ..., "name_en": ..., "name_ru": ...}; empty strings for no text."""
    values = text or ("", "", "")
    return {f"{field}_{lang}": value for lang, value in zip(LANGUAGES, values, strict=True)}


class _People:
    """Creates each person once, with a slug and an e-mail unique in the data."""

    def __init__(self, municipality: Municipality) -> None:
        self.municipality = municipality
        self._officials: dict[str, Official] = {}
        self._slugs: set[str] = set()
        self._emails: set[str] = set()

    def __getitem__(self, full_name: str) -> Official:
        if full_name not in self._officials:
            self._officials[full_name] = self._create(full_name)
        return self._officials[full_name]

    @staticmethod
    def _unique(candidate: str, taken: set[str], separator: str = "-") -> str:
        value, number = candidate, 1
        while value in taken:
            number += 1
            value = f"{candidate}{separator}{number}"
        taken.add(value)
        return value

    def _create(self, full_name: str) -> Official:
        first_ka, last_ka = full_name.split(" ", 1)
        first_en, last_en = transliterate_en(first_ka), transliterate_en(last_ka)
        first_ru = data.FIRST_NAMES_RU.get(first_ka) or transliterate_ru(first_ka)
        last_ru = transliterate_ru(last_ka)
        slug = self._unique(slugify(f"{first_en} {last_en}"), self._slugs)
        contact = data.CONTACTS.get(full_name)
        email = ""
        if contact and contact.email:
            local = self._unique(f"{first_en[0]}.{last_en}".lower(), self._emails, separator="")
            email = f"{local}@{data.EMAIL_DOMAIN}"
        official, _ = Official.objects.update_or_create(
            municipality=self.municipality,
            slug=slug,
            defaults={
                **_i18n("first_name", (first_ka, first_en, first_ru)),
                **_i18n("last_name", (last_ka, last_en, last_ru)),
                **_i18n("biography", data.BIOGRAPHIES.get(full_name)),
                **_i18n("reception_hours", data.HOURS.get(contact.hours) if contact else None),
                "email": email,
                "phone": contact.phone if contact else "",
            },
        )
        return official


def _body(
    municipality: Municipality,
    slug: str,
    kind: BodyKind,
    name: Text,
    *,
    parent: Body | None = None,
    order: int = 0,
    short_name: Text | None = None,
    functions: Text | None = None,
    address: Text | None = None,
    phone: str = "",
    email: str = "",
    website: str = "",
) -> Body:
    body, _ = Body.objects.update_or_create(
        municipality=municipality,
        slug=slug,
        defaults={
            "kind": kind,
            "parent": parent,
            "order": order,
            **_i18n("name", name),
            **_i18n("short_name", short_name),
            **_i18n("functions", functions),
            **_i18n("address", address),
            "phone": phone,
            "email": email,
            "website": website,
        },
    )
    return body


def _position(
    body: Body,
    kind: PositionKind,
    title: Text,
    *,
    order: int = 0,
    unit: TerritorialUnit | None = None,
) -> Position:
    position, _ = Position.objects.update_or_create(
        body=body,
        kind=kind,
        title_ka=title[0],
        defaults={
            "title_en": title[1],
            "title_ru": title[2],
            "territorial_unit": unit,
            "order": order,
        },
    )
    return position


def _mandate(
    official: Official,
    position: Position,
    start: datetime.date,
    end: datetime.date | None = None,
) -> Mandate:
    mandate, _ = Mandate.objects.update_or_create(
        official=official, position=position, defaults={"start": start, "end": end}
    )
    return mandate


def _appoint(people: _People, position: Position, holder: Holder) -> None:
    name, start = holder
    _mandate(people[name], position, start)


def check_demo_data() -> None:
    """Raise ValueError if the tables contradict themselves."""
    council = set(data.COUNCIL_MEMBERS)
    if len(council) != len(data.COUNCIL_MEMBERS):
        raise ValueError("A council member is listed twice.")
    seen_in_faction: set[str] = set()
    for group in data.FACTIONS + data.COMMISSIONS:
        people = (group.chair, *group.members)
        if outsiders := set(people) - council:
            raise ValueError(f"{group.slug}: not council members: {sorted(outsiders)}")
        if len(set(people)) != len(people):
            raise ValueError(f"{group.slug}: someone is listed twice.")
    for group in data.FACTIONS:
        if twice := seen_in_faction & {group.chair, *group.members}:
            raise ValueError(f"{group.slug}: already in another faction: {sorted(twice)}")
        seen_in_faction |= {group.chair, *group.members}


def _all_units() -> Iterator[tuple[data.Unit, bool]]:
    for unit in data.CONFIRMED_UNITS:
        yield unit, False
    for unit in data.SAMPLE_UNITS:
        yield unit, True


def load_demo() -> dict[str, int]:
    """Create or update the Lanchkhuti demo; return how many rows of each kind it has."""
    check_demo_data()
    # The untranslated columns take the active language's value: keep them Georgian.
    with translation.override("ka"), transaction.atomic():
        municipality = _load_municipality()
        people = _People(municipality)
        positions: dict[str, Position] = {}
        positions |= _load_sakrebulo(municipality, people)
        city_hall, city_hall_positions = _load_city_hall(municipality, people)
        positions |= city_hall_positions
        _load_legal_entities(municipality, people)
        positions |= _load_units(municipality, city_hall, people)
        for past in data.PAST_MANDATES:
            _mandate(people[past.holder], positions[past.position], past.start, past.end)
        return demo_counts(municipality)


def demo_counts(municipality: Municipality) -> dict[str, int]:
    return {
        "municipality": Municipality.objects.filter(pk=municipality.pk).count(),
        "bodies": Body.objects.filter(municipality=municipality).count(),
        "positions": Position.objects.filter(body__municipality=municipality).count(),
        "officials": Official.objects.filter(municipality=municipality).count(),
        "mandates": Mandate.objects.filter(position__body__municipality=municipality).count(),
        "territorial_units": TerritorialUnit.objects.filter(municipality=municipality).count(),
    }


def _load_municipality() -> Municipality:
    info = data.MUNICIPALITY
    municipality, _ = Municipality.objects.update_or_create(
        slug=data.MUNICIPALITY_SLUG,
        defaults={
            **_i18n("name", info["name"]),
            **_i18n("region", info["region"]),
            **_i18n("about", info["about"]),
            **_i18n("address", info["address"]),
            "phone": info["phone"],
            "email": info["email"],
            "website": info["website"],
            "population": info["population"],
            "is_sample": True,
        },
    )
    return municipality


def _load_sakrebulo(municipality: Municipality, people: _People) -> dict[str, Position]:
    info = data.SAKREBULO
    sakrebulo = _body(
        municipality,
        info["slug"],
        BodyKind.SAKREBULO,
        info["name"],
        order=1,
        short_name=info["short_name"],
        functions=info["functions"],
        address=info["address"],
        phone=info["phone"],
        email=info["email"],
    )
    offices: dict[str, Position] = {}
    for order, (key, kind, holder) in enumerate(data.COUNCIL_OFFICES, start=1):
        offices[key] = _position(sakrebulo, kind, data.TITLE[key], order=order)
        _mandate(people[holder], offices[key], data.COUNCIL_TERM_START)
    member = _position(
        sakrebulo, PositionKind.COUNCIL_MEMBER, data.TITLE["council_member"], order=10
    )
    for name in data.COUNCIL_MEMBERS:
        _mandate(people[name], member, data.COUNCIL_TERM_START)

    groups = (
        (data.FACTIONS, BodyKind.FACTION, "faction", data.FACTIONS_FORMED, 10),
        (data.COMMISSIONS, BodyKind.COMMISSION, "commission", data.COMMISSIONS_FORMED, 20),
    )
    for tables, kind, prefix, formed, first_order in groups:
        for order, group in enumerate(tables, start=first_order):
            body = _body(
                municipality,
                group.slug,
                kind,
                group.name,
                parent=sakrebulo,
                order=order,
                functions=group.functions,
            )
            chair = _position(body, PositionKind.CHAIR, data.TITLE[f"{prefix}_chair"], order=1)
            _mandate(people[group.chair], chair, formed)
            seat = _position(body, PositionKind.MEMBER, data.TITLE[f"{prefix}_member"], order=2)
            for name in group.members:
                _mandate(people[name], seat, formed)

    info = data.APPARATUS
    apparatus = _body(
        municipality,
        info["slug"],
        BodyKind.APPARATUS,
        info["name"],
        parent=sakrebulo,
        order=40,
        functions=info["functions"],
        address=data.SAKREBULO["address"],
        email=info["email"],
    )
    head = _position(apparatus, PositionKind.HEAD, data.TITLE["apparatus_head"], order=1)
    _appoint(people, head, info["head"])
    pio = _position(apparatus, PositionKind.PUBLIC_INFORMATION_OFFICER, data.TITLE["pio"], order=2)
    _appoint(people, pio, info["pio"])
    return offices


def _load_city_hall(
    municipality: Municipality, people: _People
) -> tuple[Body, dict[str, Position]]:
    info = data.CITY_HALL
    city_hall = _body(
        municipality,
        info["slug"],
        BodyKind.CITY_HALL,
        info["name"],
        order=2,
        short_name=info["short_name"],
        functions=info["functions"],
        address=info["address"],
        phone=info["phone"],
        email=info["email"],
        website=data.MUNICIPALITY["website"],
    )
    offices: dict[str, Position] = {}
    for order, (key, kind, holders) in enumerate(data.CITY_HALL_OFFICES, start=1):
        offices[key] = _position(city_hall, kind, data.TITLE[key], order=order)
        for holder in holders:
            _appoint(people, offices[key], holder)

    for order, service in enumerate(data.SERVICES, start=10):
        body = _body(
            municipality,
            service.slug,
            BodyKind.SERVICE,
            service.name,
            parent=city_hall,
            order=order,
            functions=service.functions,
            email=service.email,
        )
        head = _position(body, PositionKind.HEAD, data.TITLE["service_head"], order=1)
        _appoint(people, head, service.head)
        if service.deputy:
            deputy = _position(
                body, PositionKind.DEPUTY_HEAD, data.TITLE["service_deputy"], order=2
            )
            _appoint(people, deputy, service.deputy)
        if service.pio:
            pio = _position(
                body, PositionKind.PUBLIC_INFORMATION_OFFICER, data.TITLE["pio"], order=3
            )
            _appoint(people, pio, service.pio)
        for division_order, division in enumerate(service.divisions, start=1):
            division_body = _body(
                municipality,
                division.slug,
                BodyKind.DIVISION,
                division.name,
                parent=body,
                order=division_order,
                email=division.email,
            )
            division_head = _position(
                division_body, PositionKind.HEAD, data.TITLE["division_head"], order=1
            )
            _appoint(people, division_head, division.head)
    return city_hall, offices


def _load_legal_entities(municipality: Municipality, people: _People) -> None:
    for order, entity in enumerate(data.LEGAL_ENTITIES, start=50):
        body = _body(
            municipality,
            entity.slug,
            BodyKind.LEGAL_ENTITY,
            entity.name,
            order=order,
            functions=entity.functions,
            address=entity.address,
            phone=entity.phone,
        )
        director = _position(body, PositionKind.HEAD, data.TITLE["director"], order=1)
        _appoint(people, director, entity.director)


def _load_units(
    municipality: Municipality, city_hall: Body, people: _People
) -> dict[str, Position]:
    """The territorial units and, in the City Hall, the Mayor's representative in each."""
    positions: dict[str, Position] = {}
    for order, (unit, is_sample) in enumerate(_all_units(), start=1):
        center = _place(unit.center)
        is_town = unit.slug == "lanchkhuti-town"
        name = data.TOWN_UNIT_NAME if is_town else center
        settlements = [_place(settlement) for settlement in unit.settlements]
        if is_town:
            address = data.CITY_HALL["address"]
            title = data.TOWN_REPRESENTATIVE_TITLE
        else:
            address = (f"სოფ. {center[0]}", f"{center[1]} village", f"с. {center[2]}")
            title_ka, title_en, title_ru = data.REPRESENTATIVE_TITLE
            title = (
                title_ka.format(genitive=unit.genitive),
                title_en.format(name=center[1]),
                title_ru.format(name=center[2]),
            )
        territorial_unit, _ = TerritorialUnit.objects.update_or_create(
            municipality=municipality,
            slug=unit.slug,
            defaults={
                **_i18n("name", name),
                **_i18n("center", center),
                **_i18n(
                    "settlements",
                    tuple(", ".join(s[i] for s in settlements) for i in range(3)),
                ),
                **_i18n("address", address),
                "phone": unit.phone,
                "email": f"{unit.slug}@{data.EMAIL_DOMAIN}" if unit.phone else "",
                "population": unit.population,
                "is_sample": is_sample,
                "order": order,
            },
        )
        position = _position(
            city_hall,
            PositionKind.REPRESENTATIVE,
            title,
            order=100 + order,
            unit=territorial_unit,
        )
        _appoint(people, position, unit.representative)
        positions[f"representative:{unit.slug}"] = position
    return positions
