"""Where the package finds the files it reads besides its code: schemas, page templates, the office template.

In the checkout they stay where editors, MkDocs and the YAML language server use them (schema/,
site_overrides/linkshilft/, data/_templates/). pyproject.toml maps each of these folders into the
package ([tool.setuptools] package-dir), so a wheel carries them as linkshilft/schemas,
linkshilft/templates and linkshilft/office_template, found here with importlib.resources.

An editable install (`make install`) cannot import such a mapped folder: setuptools' editable finder
maps a folder without __init__.py only in a wheel (setuptools issue 4943). So a package without the
folder is the checkout, and the folder is the one pyproject.toml maps from. The wheel test
(tests/test_wheel.py) makes sure an installed wheel uses its own copies.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

# Folder in the package → the checkout's folder it is built from (keep in step with pyproject.toml).
CHECKOUT_FOLDERS = {
    "schemas": "schema",
    "templates": "site_overrides/linkshilft",
    "office_template": "data/_templates",
}


def folder(name: str) -> Path:
    """The folder `name` of CHECKOUT_FOLDERS: the installed package's copy, or the checkout's folder."""
    package = Path(str(files("linkshilft"))).resolve()  # pip installs packages as files, never zipped: a plain path
    packaged = package / name
    if packaged.is_dir():
        return packaged
    return package.parents[1] / CHECKOUT_FOLDERS[name]  # hooks/linkshilft → the checkout
