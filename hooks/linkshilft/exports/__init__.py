"""Open data: the directory as JSON, CSV, HSDS and iCalendar files."""
