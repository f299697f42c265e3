# Georgian dates as written in Georgian official documents: 10.11.2025.
# Everything else comes from Django's own Georgian formats.
SHORT_DATE_FORMAT = "d.m.Y"
SHORT_DATETIME_FORMAT = "d.m.Y H:i"
