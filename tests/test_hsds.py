"""The Open Referral export (daten/hsds.json) against the official HSDS 3.0 schemas in tests/hsds_schema/.

Every record is validated against the schema of its table, with `additionalProperties: false`
added everywhere (as HSDS's own example check does) and the tabular `*_id` links required; the
file as a whole against compiled/tabular.json. The schedules are expanded as RFC 5545 rules and
must give the same days as our own schedule engine.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
import uuid
from pathlib import Path

import pytest
from dateutil.rrule import rrulestr
from jsonschema import Draft202012Validator, FormatChecker
from linkshilft.exports import hsds
from linkshilft.records import model as m
from linkshilft.records.pipeline import load_dataset
from linkshilft.schedule import dates
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from tests.support import ROOT, TODAY

SCHEMA_DIR = Path(__file__).resolve().parent / "hsds_schema"
SITE_URL = "https://sprechstunden.example/"
# Which table each link field points to.
LINKS = {
    "organization_id": "organization",
    "service_id": "service",
    "location_id": "location",
    "service_at_location_id": "service_at_location",
}


def _closed(schema):
    """A copy in which every object schema forbids fields it does not name."""
    if isinstance(schema, dict):
        schema = {key: _closed(value) for key, value in schema.items()}
        if "properties" in schema:
            schema.setdefault("additionalProperties", False)
        return schema
    if isinstance(schema, list):
        return [_closed(item) for item in schema]
    return schema


@pytest.fixture(scope="module")
def schemas() -> dict[str, dict]:
    found = {path.name: json.loads(path.read_text("utf-8")) for path in SCHEMA_DIR.glob("*.json")}
    assert {f"{table}.json" for table in hsds.TABLES} <= set(found), "vendored schema files missing"
    return {name: _closed(schema) for name, schema in found.items()}


@pytest.fixture(scope="module")
def registry(schemas) -> Registry:
    return Registry().with_resources(
        (name, Resource.from_contents(s, default_specification=DRAFT202012)) for name, s in schemas.items()
    )


def _validator(schema: dict, registry: Registry) -> Draft202012Validator:
    return Draft202012Validator(schema, registry=registry, format_checker=FormatChecker())


@pytest.fixture(scope="module")
def sample() -> tuple[m.Dataset, dict[str, list[dict]]]:
    dataset, problems, _ = load_dataset(ROOT / "data", TODAY)
    assert problems == []
    return dataset, hsds.export(dataset, SITE_URL)


def _errors(validator: Draft202012Validator, instance) -> list[str]:
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(instance)]


def test_every_record_is_valid_against_its_table_schema(sample, schemas, registry):
    _, tables = sample
    for table in hsds.TABLES:
        schema = copy.deepcopy(schemas[f"{table}.json"])
        # In tabular form the links are what ties a record to the others: required there.
        schema["required"] = sorted({*schema.get("required", []), *schema.get("tabular_required", [])})
        validator = _validator(schema, registry)
        assert tables[table], f"table {table} is empty"
        for record in tables[table]:
            assert _errors(validator, record) == [], (table, record)


def test_the_whole_file_is_valid_against_compiled_tabular(sample, registry):
    _, tables = sample
    tabular = _closed(json.loads((SCHEMA_DIR / "compiled" / "tabular.json").read_text("utf-8")))
    assert _errors(_validator(tabular, registry), tables) == []


def test_validation_would_catch_a_wrong_record(schemas, registry):
    """The check above can fail: unknown fields, wrong enum values and missing links are errors."""
    schema = copy.deepcopy(schemas["schedule.json"])
    validator = _validator(schema, registry)
    assert _errors(validator, {"id": str(uuid.uuid4()), "freq": "DAILY"})
    assert _errors(validator, {"id": str(uuid.uuid4()), "weekday": "TU"})
    assert _errors(validator, {"id": "not-a-uuid"})
    service = copy.deepcopy(schemas["service.json"])
    service["required"] = [*service["required"], *service["tabular_required"]]
    assert _errors(_validator(service, registry), {"id": str(uuid.uuid4()), "name": "x", "status": "active"})


def test_ids_are_unique_stable_uuids_and_links_point_to_records(sample):
    dataset, tables = sample
    ids = [record["id"] for table in tables.values() for record in table]
    assert len(ids) == len(set(ids))
    assert all(uuid.UUID(value).version == 5 for value in ids)
    assert hsds.export(dataset, SITE_URL) == tables  # same data, same ids: consumers can update
    known = {table: {r["id"] for r in tables[table]} for table in tables}
    for table, records in tables.items():
        for record in records:
            for field, target in LINKS.items():
                if field in record:
                    assert record[field] in known[target], (table, field)


def test_one_service_location_and_address_per_public_office(sample):
    dataset, tables = sample
    offices = dataset.public_offices()
    assert len(tables["organization"]) == 1
    for table in ("service", "location", "service_at_location", "address"):
        assert len(tables[table]) == len(offices), table
    by_location = {a["location_id"]: a for a in tables["address"]}
    for office in offices:
        location = next(loc for loc in tables["location"] if loc["name"] == office.name)
        address = by_location[location["id"]]
        assert (address["address_1"], address["postal_code"], address["city"]) == (
            office.address.street,
            office.address.postcode,
            office.address.town,
        )
        assert address["country"] == "DE" and address["state_province"] == "Sachsen"
    services = {s["url"]: s for s in tables["service"]}
    assert set(services) == {f"{SITE_URL}stellen/{o.id}/" for o in offices}
    assert all(s["fees_description"] == "Kostenlos." for s in services.values())
    languages = {(lang["service_id"], lang["code"]) for lang in tables["language"]}
    assert len(languages) == sum(len(o.counselling.languages) for o in offices)


def _rrule_days(record: dict, first: dt.date, last: dt.date) -> set[dt.date]:
    parts = [f"FREQ={record['freq']}", f"INTERVAL={record['interval']}", f"BYDAY={record['byday']}", f"WKST={record['wkst']}"]
    if "count" in record:
        parts.append(f"COUNT={record['count']}")
    start = dt.date.fromisoformat(record.get("dtstart", first.isoformat()))
    rule = rrulestr(";".join(parts), dtstart=dt.datetime.combine(start, dt.time()))
    days = {
        moment.date()
        for moment in rule.between(dt.datetime.combine(first, dt.time()), dt.datetime.combine(last, dt.time()), inc=True)
    }
    lower = dt.date.fromisoformat(record["valid_from"]) if "valid_from" in record else first
    upper = dt.date.fromisoformat(record["valid_to"]) if "valid_to" in record else last
    return {day for day in days if lower <= day <= upper}


def test_schedules_as_rfc5545_rules_give_the_same_days_as_the_schedule_engine(sample):
    """Expanding each exported schedule (python-dateutil) gives the days our own rules give, for a year."""
    dataset, tables = sample
    links = {s["id"] for s in tables["service_at_location"]}
    first, last = TODAY, TODAY + dt.timedelta(days=365)
    checked = set()
    for office in dataset.public_offices():
        if office.counselling.appointment_only:
            continue
        link_id = hsds.record_id("service_at_location", office.id)
        assert link_id in links
        for index, rule in enumerate(office.counselling.hours):
            record = next(s for s in tables["schedule"] if s["id"] == hsds.record_id("schedule", office.id, str(index)))
            expected = {
                first + dt.timedelta(days=n) for n in range(366) if dates.rule_falls_on(rule, first + dt.timedelta(days=n))
            }
            assert record["service_at_location_id"] == link_id
            assert _rrule_days(record, first, last) == expected, (office.id, index, record)
            assert (record["opens_at"], record["closes_at"]) == (f"{rule.start:%H:%M}", f"{rule.end:%H:%M}")
            checked.add(record["freq"] + ("/interval" if record["interval"] > 1 else "") + ("/once" if "count" in record else ""))
    # The sample data exercise every kind of rule the mapping knows.
    assert {"WEEKLY", "MONTHLY", "WEEKLY/interval", "WEEKLY/once"} <= checked, checked


@pytest.mark.parametrize(
    ("rule", "expected"),
    [
        (
            m.HourRule(dt.time(14), dt.time(16), weekdays=("tuesday", "thursday")),
            {"freq": "WEEKLY", "interval": 1, "byday": "TU,TH"},
        ),
        (
            m.HourRule(dt.time(14), dt.time(16), weekdays=("tuesday",), weeks_of_month=(3, 1)),
            {"freq": "MONTHLY", "interval": 1, "byday": "1TU,3TU"},
        ),
        (
            m.HourRule(dt.time(15), dt.time(17), weekdays=("thursday",), weeks_of_month=("last",)),
            {"freq": "MONTHLY", "byday": "-1TH"},
        ),
        (
            m.HourRule(dt.time(9), dt.time(12), weekdays=("wednesday",), every_weeks=2, reference_date=dt.date(2026, 12, 2)),
            {"freq": "WEEKLY", "interval": 2, "byday": "WE", "dtstart": "2026-12-02", "wkst": "MO"},
        ),
        (
            m.HourRule(dt.time(9), dt.time(12), date=dt.date(2026, 12, 9)),
            {
                "freq": "WEEKLY",
                "count": 1,
                "byday": "WE",
                "dtstart": "2026-12-09",
                "valid_from": "2026-12-09",
                "valid_to": "2026-12-09",
            },
        ),
        (
            m.HourRule(
                dt.time(9), dt.time(12), weekdays=("monday",), valid_from=dt.date(2027, 1, 1), valid_until=dt.date(2027, 6, 30)
            ),
            {"valid_from": "2027-01-01", "valid_to": "2027-06-30", "opens_at": "09:00", "closes_at": "12:00"},
        ),
    ],
)
def test_schedule_mapping(rule, expected, sample):
    dataset, _ = sample
    office = dataset.public_offices()[0]
    record = hsds.schedule_record(rule, 0, office, "link")
    assert {key: record.get(key) for key in expected} == expected
    assert "Europe/Berlin" in record["notes"]


def test_the_built_file_is_valid(site, registry):
    """The session build (sample data plus the markup test office) publishes a valid file."""
    tables = json.loads((site / "daten" / hsds.FILE_NAME).read_text("utf-8"))
    tabular = _closed(json.loads((SCHEMA_DIR / "compiled" / "tabular.json").read_text("utf-8")))
    assert _errors(_validator(tabular, registry), tables) == []
    assert set(tables) == set(hsds.TABLES)
