"""A renamed office keeps its old address: former_ids, their checks and the redirect pages."""

from __future__ import annotations

from bs4 import BeautifulSoup
from linkshilft.public import redirects
from linkshilft.records.pipeline import load_dataset

from tests.support import TODAY

BASIS = "offices/leipzig/leipzig-basis.yaml"


def rename(base_data, new_id: str = "leipzig-basis-neu", former: str = "[leipzig-basis]") -> None:
    """leipzig-basis becomes new_id: new file name, new id, the old one in former_ids."""
    old = base_data / BASIS
    text = old.read_text("utf-8").replace("id: leipzig-basis\n", f"id: {new_id}\nformer_ids: {former}\n")
    old.unlink()
    (base_data / f"offices/leipzig/{new_id}.yaml").write_text(text, "utf-8")


def test_redirect_pages_lead_from_the_old_address_to_the_new_page(base_data):
    rename(base_data)
    dataset, problems, _ = load_dataset(base_data, TODAY)
    assert problems == []

    pages = dict(redirects.files(dataset))

    assert set(pages) == {"stellen/leipzig-basis/index.html", "stellen/leipzig-basis/aushang/index.html"}
    for path, target in (("stellen/leipzig-basis/index.html", "../leipzig-basis-neu/"),
                         ("stellen/leipzig-basis/aushang/index.html", "../../leipzig-basis-neu/aushang/")):  # fmt: skip
        soup = BeautifulSoup(pages[path].decode("utf-8"), "html.parser")
        assert soup.find("meta", attrs={"http-equiv": "refresh"})["content"] == f"0; url={target}"
        assert soup.find("a")["href"] == target, "a plain link for browsers that do not follow the refresh"
        assert soup.find("script") is None and soup.find(style=True) is None, "nothing the CSP would block"
        assert "'none'" in soup.find("meta", attrs={"http-equiv": "Content-Security-Policy"})["content"]


def test_an_office_that_is_not_shown_gets_no_redirect(base_data):
    rename(base_data)
    path = base_data / "offices/leipzig/leipzig-basis-neu.yaml"
    path.write_text(path.read_text("utf-8").replace("status: active", "status: paused"), "utf-8")
    dataset, problems, _ = load_dataset(base_data, TODAY)
    assert problems == [] and redirects.files(dataset) == []


def test_two_offices_cannot_claim_the_same_former_id(base_data):
    rename(base_data, "leipzig-basis-neu", "[leipzig-alt]")
    text = (base_data / "offices/leipzig/leipzig-basis-neu.yaml").read_text("utf-8")
    text = text.replace("id: leipzig-basis-neu", "id: leipzig-zweite")
    # Without counsellors: the same people at the same hours would be a double booking.
    text = text.replace("  counsellors: [mit-einwilligung, ohne-einwilligung]\n", "")
    (base_data / "offices/leipzig/leipzig-zweite.yaml").write_text(text, "utf-8")

    _, problems, _ = load_dataset(base_data, TODAY)

    assert [str(p) for p in problems] == [
        'data/offices/leipzig/leipzig-basis-neu.yaml:3: former_ids[0]: "leipzig-alt" steht auch in '
        "data/offices/leipzig/leipzig-zweite.yaml als frühere Kennung",
        'data/offices/leipzig/leipzig-zweite.yaml:3: former_ids[0]: "leipzig-alt" steht auch in '
        "data/offices/leipzig/leipzig-basis-neu.yaml als frühere Kennung",
    ]
