"""`linkshilft`: the editors' and maintainers' commands."""
