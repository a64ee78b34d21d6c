"""The return's demo beyond its YAML: which mission results answer which project needs, and a
signed no-trips statement for each past month of the demo without a trip (one month is left
without one, so the gap mark shows)."""

import datetime

from missions.models import MissionPage
from returns.models import NoTripsStatement, month_end

SIGNER = "Carolina Fuentes"
POSITION = {
    "Jefa de la Oficina de Relaciones Internacionales": "Head of the International Relations Office"
}
NOTE = {
    "Sin viajes oficiales al exterior este mes.": "No official trips abroad this month.",
}


def finish(loader):
    _answers(loader)
    _statements(loader)


def _answers(loader):
    projects = loader.records["returns.CityProject"]
    missions = loader.records["missions.MissionPage"]
    answers = loader.sections["returns.CityProject"].get("answers", {})
    for key, lines in answers.items():
        needs = list(projects[key].needs.all())
        for need, line in zip(needs, lines, strict=False):
            if not line:
                continue
            mission, number = line
            result = list(missions[mission].results.all())[number - 1]
            if need not in result.answers_needs.all():
                result.answers_needs.add(need)
                result.save()


def _statements(loader):
    today = loader.today
    first = datetime.date(today.year - 2, 1, 1)
    trips = MissionPage.objects.live().not_withdrawn().filter(locale=loader.spanish)
    spans = list(trips.values_list("start_date", "end_date"))
    month, gap_left = first, False
    (position, position_en), (note, note_en) = (
        next(iter(POSITION.items())),
        next(iter(NOTE.items())),
    )
    while month_end(month) < today:
        busy = any(start <= month_end(month) and end >= month for start, end in spans)
        if not busy:
            if not gap_left:
                gap_left = True  # the first month without trips stays a visible gap
            elif not NoTripsStatement.objects.filter(locale=loader.spanish, month=month).exists():
                signed = min(month_end(month) + datetime.timedelta(days=5), today)
                statement = NoTripsStatement(
                    month=month,
                    signed_by=SIGNER,
                    position=position,
                    signed_on=signed,
                    note=note,
                    locale=loader.spanish,
                )
                statement.full_clean()
                statement.save()
                loader.translate(
                    statement, {position: position_en, note: note_en}, "returns/demo/hooks.py"
                )
        month = month_end(month) + datetime.timedelta(days=1)
