"""A small catalogue of missions whose filters, totals and exports are worked out by hand.

| mission | dates                   | type       | where             | who          | objective |
|---------|-------------------------|------------|-------------------|--------------|-----------|
| Rosario | 2024-03-02 → 2024-03-06 | conference | Rosario AR        | Ana          | O1        |
| Lima    | 2025-05-10 → 2025-05-11 | bilateral  | Lima PE           | Bruno        | O2        |
| Madrid  | 2025-01-10 → 2025-01-15 | training   | Madrid ES, Lisboa PT | Ana, Bruno | O1        |
| Quito   | 2025-02-01 → 2025-02-03 | other      | Quito EC          | —            | O2        | withdrawn

Costs in CLP (rate × amount):
Rosario: 1 000 USD × 900 = 900 000 municipality; 300 000 CLP host             → 1 200 000
Lima:    500 000 CLP municipality; 200 EUR × 1 000 = 200 000 partner         →   700 000
Madrid:  2 000 EUR × 1 050 = 2 100 000 municipality                          → 2 100 000
Quito:   100 000 CLP municipality (withdrawn: listed, never counted)         →   100 000

Results: Rosario achieved (2 000 000) + committed; Madrid achieved (no value) + in progress
(1 000 000, not counted as obtained). Only Madrid has its trip report; Lima and Rosario are
overdue; Quito, withdrawn, owes none.
"""

import datetime
from decimal import Decimal

from django.core.files.base import ContentFile
from wagtail.documents.models import Document

from missions.models import MissionPage

from .missions_factories import (
    OrganizationFactory,
    PersonFactory,
    StrategicObjectiveFactory,
    build_mission,
    cost_line,
    result,
)

TOTALS = {
    "count": 3,
    "total_cost_clp": Decimal("4000000.00"),
    "municipal_cost_clp": Decimal("3500000.00"),
    "others_cost_clp": Decimal("500000.00"),
    "results_achieved": 2,
    "value_obtained_clp": Decimal("2000000.00"),
}
TOTALS_2025 = {
    "count": 2,
    "total_cost_clp": Decimal("2800000.00"),
    "municipal_cost_clp": Decimal("2600000.00"),
    "others_cost_clp": Decimal("200000.00"),
    "results_achieved": 1,
    "value_obtained_clp": Decimal("0.00"),
}


def report_document():
    return Document.objects.create(
        title="Informe de viaje", file=ContentFile(b"informe", name="informe.pdf")
    )


def build_catalogue(index):
    ana = PersonFactory(name="Ana Pérez")
    bruno = PersonFactory(name="Bruno Díaz")
    first = StrategicObjectiveFactory(code="1.1", title="Economía circular")
    second = StrategicObjectiveFactory(code="2.1", title="Turismo sostenible")
    host = OrganizationFactory(name="Municipalidad de Rosario")
    rosario = build_mission(
        index,
        title="Rosario",
        slug="rosario",
        start_date=datetime.date(2024, 3, 2),
        end_date=datetime.date(2024, 3, 6),
        mission_type="conference",
        objectives=[first],
        destinations=[("Rosario", "AR")],
        delegation=[(ana, "Jefa de delegación")],
        cost_lines=[
            cost_line(amount=Decimal("1000"), currency="USD", exchange_rate=Decimal("900")),
            cost_line(
                category="lodging",
                amount=Decimal("300000"),
                payer="host",
                paying_organization=host,
            ),
        ],
        results=[
            result(
                kind="funding",
                status="achieved",
                value_clp=Decimal("2000000"),
                achieved_date=datetime.date(2024, 6, 1),
            ),
            result(status="committed"),
        ],
    )
    lima = build_mission(
        index,
        title="Lima",
        slug="lima",
        start_date=datetime.date(2025, 5, 10),
        end_date=datetime.date(2025, 5, 11),
        mission_type="bilateral",
        objectives=[second],
        destinations=[("Lima", "PE")],
        delegation=[(bruno, "Asesor")],
        cost_lines=[
            cost_line(category="per_diem", amount=Decimal("500000")),
            cost_line(
                category="registration",
                amount=Decimal("200"),
                currency="EUR",
                exchange_rate=Decimal("1000"),
                payer="partner_or_sponsor",
            ),
        ],
    )
    madrid = build_mission(
        index,
        title="Madrid",
        slug="madrid",
        start_date=datetime.date(2025, 1, 10),
        end_date=datetime.date(2025, 1, 15),
        mission_type="training",
        objectives=[first],
        destinations=[("Madrid", "ES"), ("Lisboa", "PT")],
        delegation=[(ana, "Jefa de delegación"), (bruno, "Asesor")],
        cost_lines=[
            cost_line(amount=Decimal("2000"), currency="EUR", exchange_rate=Decimal("1050"))
        ],
        results=[
            result(status="achieved", achieved_date=datetime.date(2025, 2, 1)),
            result(kind="funding", status="in_progress", value_clp=Decimal("1000000")),
        ],
        report_document=report_document(),
        report_date=datetime.date(2025, 1, 30),
    )
    quito = build_mission(
        index,
        title="Quito",
        slug="quito",
        start_date=datetime.date(2025, 2, 1),
        end_date=datetime.date(2025, 2, 3),
        mission_type="other",
        objectives=[second],
        destinations=[("Quito", "EC")],
        cost_lines=[cost_line(category="per_diem", amount=Decimal("100000"))],
        withdrawn=True,
        withdrawal_reason="Registro duplicado.",
    )
    return {
        "rosario": rosario,
        "lima": lima,
        "madrid": madrid,
        "quito": quito,
        "ana": ana,
        "bruno": bruno,
        "first": first,
        "second": second,
        "host": host,
    }


def live_missions(index):
    return MissionPage.objects.child_of(index).live()
