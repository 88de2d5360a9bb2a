"""The internal site of the board's seven measures: records, measure pages, charts and the board report."""
