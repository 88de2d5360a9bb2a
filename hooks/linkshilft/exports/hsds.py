"""The directory in Open Referral's Human Services Data Specification (HSDS) 3.0.

Form: one JSON file, an object with one array per HSDS table ("organization", "service",
"location", "service_at_location", "address", "phone", "schedule", "language",
"accessibility"), records linked by their *_id fields. That is the shape of HSDS 3.0's official
compiled schema `schema/compiled/tabular.json`, and each record is a record of the table schema
of the same name (`schema/<table>.json`), so a consumer can load it table by table or validate
it as a whole. (HSDS 3.0 also describes an API whose responses nest the tables inside each
service; a static site has no API, and the nested form follows from these records.)

Mapping of our records:
- one organization: DIE LINKE Sachsen, which runs the project Links.hilft;
- per public office a service (the consultation hour), a location (the office), their
  service_at_location, the address, the office phone, the languages, accessibility facts and one
  schedule per rule of its hours;
- ids are UUIDs (HSDS asks for them), derived with uuid5 from a fixed namespace and the office
  id, so they stay the same from build to build and the data can be merged and updated;
- schedules follow RFC 5545 as HSDS does: a weekly rule is freq WEEKLY with byday "TU,TH";
  "every 2 weeks" is interval 2 counted from dtstart (a day the rule falls on, weeks starting
  on Monday: wkst MO); "1st and 3rd Tuesday" is freq MONTHLY with byday "1TU,3TU" and "last"
  is -1; a single date is WEEKLY with count 1. Times are local time in Europe/Berlin: a fixed
  UTC offset, as HSDS's opens_at text suggests, would be wrong for half of the year, so
  `notes` names the time zone. HSDS has no exception dates: holidays are named in `notes`,
  and the exact dates with cancellations are in stellen.json and termine.csv.
- Fields without a value are left out (HSDS's types do not allow null).
"""

from __future__ import annotations

import json
import uuid

from linkshilft.labels import LANGUAGE_NAMES
from linkshilft.public import urls
from linkshilft.records import model as m
from linkshilft.schedule import dates, wording

FILE_NAME = "hsds.json"
TABLES = (
    "organization",
    "service",
    "location",
    "service_at_location",
    "address",
    "phone",
    "schedule",
    "language",
    "accessibility",
)
ORGANIZATION_NAME = "DIE LINKE Sachsen"
# Fixed, so that every build gives every record the same id (uuid5 of this and the record's key).
NAMESPACE = uuid.UUID("6f1c1f8e-3b52-5b7d-9a44-2f0c8d5e7a11")
RFC5545_DAYS = dict(zip(m.WEEKDAYS, ("MO", "TU", "WE", "TH", "FR", "SA", "SU"), strict=True))
SERVICE_STATUS = {"active": "active", "interim": "active", "planned": "inactive"}


def record_id(*parts: str) -> str:
    return str(uuid.uuid5(NAMESPACE, "/".join(parts)))


def _compact(record: dict) -> dict:
    return {key: value for key, value in record.items() if value is not None and value != ""}


def _service_name(office: m.Office) -> str:
    return office.name if "sprechstunde" in office.name.lower() else f"Sozialsprechstunde {office.name}"


def schedule_record(rule: m.HourRule, index: int, office: m.Office, service_at_location_id: str) -> dict:
    """One rule of an office's hours as an HSDS schedule (RFC 5545 terms)."""
    record: dict = {
        "id": record_id("schedule", office.id, str(index)),
        "service_at_location_id": service_at_location_id,
        "wkst": "MO",
        "opens_at": rule.start.strftime("%H:%M"),
        "closes_at": rule.end.strftime("%H:%M"),
        "description": wording.describe_rule(rule),
        "attending_type": "in person",
    }
    days = [RFC5545_DAYS[name] for name in m.WEEKDAYS if name in rule.weekdays]
    if rule.date is not None:
        record.update(
            freq="WEEKLY",
            interval=1,
            count=1,
            byday=RFC5545_DAYS[m.WEEKDAYS[rule.date.weekday()]],
            dtstart=rule.date.isoformat(),
            valid_from=rule.date.isoformat(),
            valid_to=rule.date.isoformat(),
        )
    elif rule.weeks_of_month:
        positions = sorted(-1 if week == "last" else int(week) for week in rule.weeks_of_month)
        ordered = [p for p in positions if p > 0] + [p for p in positions if p < 0]
        record.update(freq="MONTHLY", interval=1, byday=",".join(f"{p}{d}" for d in days for p in ordered))
    else:
        record.update(freq="WEEKLY", interval=rule.every_weeks, byday=",".join(days))
        if rule.every_weeks > 1 and rule.reference_date is not None:
            record["dtstart"] = rule.reference_date.isoformat()
    if rule.date is None:
        if rule.valid_from:
            record["valid_from"] = rule.valid_from.isoformat()
        if rule.valid_until:
            record["valid_to"] = rule.valid_until.isoformat()
    notes = [f"Zeiten in Ortszeit ({dates.TIMEZONE.key})."]
    notes.append("Auch an Feiertagen." if rule.on_holidays else "An gesetzlichen Feiertagen in Sachsen keine Sprechstunde.")
    notes.append("Ohne Anmeldung." if rule.walk_in else "Nur mit Anmeldung.")
    if rule.note:
        notes.append(rule.note)
    record["notes"] = " ".join(notes)
    return record


def _service_description(dataset: m.Dataset, office: m.Office) -> str:
    topics = ", ".join(dataset.topics[t].name for t in office.counselling.topics)
    return f"Kostenlose und vertrauliche Sozialberatung in {office.address.town}, ohne Mitgliedschaft. Themen: {topics}."


def export(dataset: m.Dataset, site_url: str) -> dict[str, list[dict]]:
    """All public offices as HSDS 3.0 tables: {table name: [records]}, every table present."""
    base = urls.base(site_url)
    organization_id = record_id("organization", "die-linke-sachsen")
    tables: dict[str, list[dict]] = {name: [] for name in TABLES}
    tables["organization"].append(
        {
            "id": organization_id,
            "name": ORGANIZATION_NAME,
            "description": "DIE LINKE Sachsen und ihre Landtagsabgeordneten bieten im Projekt Links.hilft "
            "kostenlose Sozialsprechstunden in ihren Geschäftsstellen und Bürgerbüros an.",
            "website": base,
        }
    )
    for office in dataset.public_offices():
        counselling = office.counselling
        service_id, location_id = record_id("service", office.id), record_id("location", office.id)
        link_id = record_id("service_at_location", office.id)
        walk_in = any(rule.walk_in for rule in counselling.hours)
        if counselling.appointment_only:
            process = counselling.how_to_book or "Nach Vereinbarung."
        else:
            process = "Zu den Sprechzeiten vorbeikommen." if walk_in else "Bitte vorher anmelden."
        tables["service"].append(
            _compact(
                {
                    "id": service_id,
                    "organization_id": organization_id,
                    "name": _service_name(office),
                    "description": _service_description(dataset, office),
                    "url": urls.office_url(site_url, office.id),
                    "email": office.contact.email,
                    "status": SERVICE_STATUS[office.status],
                    "alert": None if office.status == "active" else m.STATUS_LABELS[office.status],
                    "application_process": process,
                    "fees_description": "Kostenlos.",
                    "eligibility_description": "Für alle Menschen, die Rat brauchen; keine Mitgliedschaft nötig.",
                    "assured_date": office.checked_on.isoformat(),
                }
            )
        )
        coordinates = office.address.coordinates
        tables["location"].append(
            _compact(
                {
                    "id": location_id,
                    "location_type": "physical",
                    "organization_id": organization_id,
                    "name": office.name,
                    "description": m.KIND_LABELS[office.kind],
                    "transportation": office.directions,
                    "latitude": coordinates.lat if coordinates else None,
                    "longitude": coordinates.lon if coordinates else None,
                }
            )
        )
        tables["service_at_location"].append({"id": link_id, "service_id": service_id, "location_id": location_id})
        tables["address"].append(
            {
                "id": record_id("address", office.id),
                "location_id": location_id,
                "address_1": office.address.street,
                "city": office.address.town,
                "region": dataset.districts[office.district].name,
                "state_province": "Sachsen",
                "postal_code": office.address.postcode,
                "country": "DE",
                "address_type": "physical",
            }
        )
        if office.contact.phone:
            tables["phone"].append(
                {
                    "id": record_id("phone", office.id),
                    "location_id": location_id,
                    "service_id": service_id,
                    "number": office.contact.phone,
                    "type": "voice",
                    "description": "Telefon des Büros",
                }
            )
        for code in counselling.languages:
            tables["language"].append(
                {
                    "id": record_id("language", office.id, code),
                    "service_id": service_id,
                    "name": LANGUAGE_NAMES.get(code, code),
                    "code": code,
                }
            )
        access = office.accessibility
        tables["accessibility"].append(
            _compact(
                {
                    "id": record_id("accessibility", office.id, "step_free"),
                    "location_id": location_id,
                    "description": "Stufenloser Zugang" if access.step_free else "Kein stufenloser Zugang",
                    "details": access.notes,
                }
            )
        )
        if access.accessible_toilet is not None:
            tables["accessibility"].append(
                {
                    "id": record_id("accessibility", office.id, "toilet"),
                    "location_id": location_id,
                    "description": "Barrierefreie Toilette" if access.accessible_toilet else "Keine barrierefreie Toilette",
                }
            )
        if not counselling.appointment_only:
            for index, rule in enumerate(counselling.hours):
                tables["schedule"].append(schedule_record(rule, index, office, link_id))
    return tables


def export_bytes(dataset: m.Dataset, site_url: str) -> bytes:
    # Compact: Python encodes indented JSON in pure Python, ten times slower (2.6 s at 5,000 offices).
    return (json.dumps(export(dataset, site_url), ensure_ascii=False, separators=(",", ":")) + "\n").encode("utf-8")
