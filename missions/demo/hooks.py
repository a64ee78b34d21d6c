"""The missions demo beyond its YAML: dates counted from the load day, the generated decree and
trip report of each mission, and the later corrections and withdrawals an editor would publish."""

import datetime
import functools
from decimal import Decimal

from django.utils.html import escape

from missions.models import MissionPage

DOCUMENT_PREFIX = "Demo misión: "
REPORT_AFTER = datetime.timedelta(days=20)  # demo reports are submitted 20 days after the trip


def prepare_missionpage(record, loader):
    where = f"missions/demo/missions.yaml, record {record['slug']!r}"
    start = loader.date(record.pop("starts"), where)
    end = start + datetime.timedelta(days=record.pop("days") - 1)
    after_trip = functools.partial(loader.date, where=where, trip_end=end)
    record.pop("correction", None), record.pop("withdrawal", None)
    slug, title = record["slug"], record["title"]
    record.update(
        start_date=start,
        end_date=end,
        authorization_number=record["authorization_number"].format(year=start.year),
        authorization_date=start - datetime.timedelta(days=21),
        authorization_document=_document(loader, f"decreto {slug}", title),
    )
    if record.pop("report_submitted") and end + REPORT_AFTER <= loader.today:
        record["report_document"] = _document(loader, f"informe {slug}", title)
        record["report_date"] = end + REPORT_AFTER
    for item in record["agenda"]:
        item["date"] = start + datetime.timedelta(days=item.pop("day") - 1)
    for result in record["results"]:
        if "expected" in result:
            result["expected_date"] = after_trip(result.pop("expected"))
        if "achieved" in result:
            result["achieved_date"] = min(after_trip(result.pop("achieved")), loader.today)
        follow_ups = [{**f, "date": after_trip(f["date"])} for f in result.get("follow_ups", [])]
        result["follow_ups"] = [f for f in follow_ups if f["date"] <= loader.today]
    return record


def created_missionpage(page, record, loader):
    """As an editor would: correct a live mission's figures with a note (the page_published
    receiver turns it into a dated public correction), or withdraw it with a public reason."""
    if correction := record.get("correction"):
        page = MissionPage.objects.get(pk=page.pk)
        lines = list(page.cost_lines.all())
        for line, changes in zip(lines, correction["cost_lines"], strict=False):
            for name, value in changes.items():
                setattr(line, name, Decimal(str(value)))
        page.cost_lines = lines
        page.correction_note = correction["note"]
        page.save_revision().publish()
    if withdrawal := record.get("withdrawal"):
        page = MissionPage.objects.get(pk=page.pk)
        page.withdrawn = True
        page.withdrawal_reason = withdrawal["reason"]
        page.save_revision().publish()
    return MissionPage.objects.get(pk=page.pk)


def _document(loader, name, mission_title):
    title = DOCUMENT_PREFIX + name
    html = (
        "<style>body { font-family: sans-serif } h1 { font-size: 14pt }</style>"
        f"<h1>{escape(title)}</h1><p>{escape(mission_title)}</p>"
        "<p>Datos de ejemplo de una municipalidad ficticia: este documento no tiene validez.</p>"
    )
    return loader.document(title, f"{name.replace(' ', '-')}.pdf", html)
