"""The public site: its generated pages, the finder's data, notices, legal pages, search entries and the CSP."""
