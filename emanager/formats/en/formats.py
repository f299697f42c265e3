# English pages are read in Georgia too: an unambiguous day-month-year date
# (10 Nov 2025) instead of the American 11/10/2025.
SHORT_DATE_FORMAT = "j M Y"
SHORT_DATETIME_FORMAT = "j M Y H:i"
