"""When consultation hours take place: dates, cancellations, checks of the rules, and their wording."""
