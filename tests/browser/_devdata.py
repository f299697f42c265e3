"""TEMPORARY: a few objects until emanager.directory.demo exists."""
from emanager.directory.models import BodyKind, PositionKind
from tests.factories import (
    BodyFactory, MandateFactory, MunicipalityFactory, OfficialFactory, PositionFactory,
    TerritorialUnitFactory,
)


def load_demo():
    m = MunicipalityFactory(slug="lanchkhuti", name_ka="ლანჩხუთის მუნიციპალიტეტი",
                            name_en="Lanchkhuti Municipality", is_sample=True)
    sak = BodyFactory(municipality=m, kind=BodyKind.SAKREBULO, slug="sakrebulo",
                      name_ka="საკრებულო", name_en="Sakrebulo")
    hall = BodyFactory(municipality=m, kind=BodyKind.CITY_HALL, slug="city-hall",
                       name_ka="მერია", name_en="City Hall")
    svc = BodyFactory(municipality=m, kind=BodyKind.SERVICE, slug="finance", parent=hall,
                      name_ka="ფინანსური სამსახური", name_en="Finance service")
    unit = TerritorialUnitFactory(municipality=m, slug="supsa", name_ka="სუფსა", name_en="Supsa")
    mayor_pos = PositionFactory(body=hall, kind=PositionKind.MAYOR, title_ka="მერი", title_en="Mayor")
    MandateFactory(official=OfficialFactory(municipality=m, slug="mayor"), position=mayor_pos)
    cm = PositionFactory(body=sak, kind=PositionKind.COUNCIL_MEMBER, title_ka="წევრი", title_en="Member")
    for i in range(3):
        MandateFactory(official=OfficialFactory(municipality=m, slug=f"member-{i}"), position=cm)
    MandateFactory(official=OfficialFactory(municipality=m, slug="head"), position=PositionFactory(body=svc))
    rep = PositionFactory(body=hall, kind=PositionKind.REPRESENTATIVE, territorial_unit=unit,
                          title_ka="წარმომადგენელი", title_en="Representative")
    MandateFactory(official=OfficialFactory(municipality=m, slug="rep"), position=rep)
    return m
