"""Benchmark of the missions spreadsheet import (part of ``make bench``).

Builds a workbook of N missions (default 1,000; each with a destination, three cost lines and
two results), then measures on a throwaway SQLite database in var/bench/: reading it with
openpyxl (the reader the import uses) and, when installed, python-calamine; checking every
row; saving everything in one transaction. Prints rows per second and peak memory.
"""

import argparse
import datetime
import io
import os
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def build(count):
    from openpyxl import Workbook

    sys.path.insert(0, str(ROOT))
    book = Workbook(write_only=True)
    sheets = {
        name: book.create_sheet(name)
        for name in ("missions", "destinations", "delegation", "agenda", "cost_lines", "results")
    }
    sheets["missions"].append(
        [
            "mission_ref",
            "title",
            "start_date",
            "end_date",
            "mission_type",
            "purpose",
            "objectives",
            "no_municipal_cost",
        ]
    )
    sheets["destinations"].append(["mission_ref", "city", "country"])
    sheets["delegation"].append(["mission_ref", "person", "role"])
    sheets["agenda"].append(["mission_ref", "date", "organization", "subject"])
    sheets["cost_lines"].append(
        [
            "mission_ref",
            "category",
            "description",
            "amount",
            "currency",
            "exchange_rate",
            "payer",
            "paying_organization",
        ]
    )
    sheets["results"].append(
        [
            "mission_ref",
            "kind",
            "description",
            "value_clp",
            "status",
            "expected_date",
            "achieved_date",
        ]
    )
    start = datetime.date(2024, 1, 1)
    for n in range(count):
        ref = f"bench-{n:05d}"
        day = start + datetime.timedelta(days=n % 700)
        sheets["missions"].append(
            [
                ref,
                f"Misión {n}",
                day,
                day + datetime.timedelta(days=3),
                "bilateral",
                "Convenio.",
                "BENCH",
                "no",
            ]
        )
        sheets["destinations"].append([ref, "Rosario", "AR"])
        for category, amount in (("airfare", 1200), ("lodging", 400), ("per_diem", 150)):
            sheets["cost_lines"].append(
                [ref, category, "Gasto", amount, "USD", 950.5, "municipality", None]
            )
        for kind in ("agreement", "funding"):
            sheets["results"].append([ref, kind, "Resultado", 1000000, "committed", None, None])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def measure(label, rows, function):
    began = time.perf_counter()
    result = function()
    seconds = time.perf_counter() - began
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # ru_maxrss is KiB on Linux
    print(
        f"  {label:<28} {seconds:7.2f} s  {rows / seconds:9.0f} rows/s  peak so far {peak:5.0f} MiB",
        flush=True,
    )
    return result


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "--missions",
        type=int,
        default=1000,
        help="missions in the workbook (default 1000; `make bench` passes 200 to stay short)",
    )
    args = parser.parse_args()
    folder = ROOT / "var" / "bench"
    folder.mkdir(parents=True, exist_ok=True)
    database = folder / "import.sqlite3"
    database.unlink(missing_ok=True)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
    os.environ["DATABASE_URL"] = f"sqlite:///{database}"
    os.environ["PUENTE_VAR_DIR"] = str(folder)
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    from wagtail.models import Locale, Page

    from directory.models import StrategicObjective
    from editors.importer.check import Checker
    from editors.importer.reader import read_upload
    from editors.importer.save import save_plans
    from home.models import HomePage
    from missions.models import MissionIndexPage

    locale = Locale.objects.get_or_create(language_code="es")[0]
    root = Page.get_first_root_node()
    home = root.add_child(
        instance=HomePage(title="Inicio", slug="inicio-bench", intro="Bench", locale=locale)
    )
    index = home.add_child(
        instance=MissionIndexPage(title="Misiones", slug="misiones", locale=locale)
    )
    StrategicObjective.objects.create(code="BENCH", title="Objetivo", locale=locale)

    data = build(args.missions)
    rows = args.missions * 7
    print(
        f"Missions import: {args.missions} missions, {rows} rows, workbook {len(data) / 2**20:.1f} MiB"
    )
    tables = measure("read (openpyxl, read-only)", rows, lambda: read_upload("bench.xlsx", data))
    try:
        from python_calamine import CalamineWorkbook

        def calamine():
            book = CalamineWorkbook.from_filelike(io.BytesIO(data))
            return {name: book.get_sheet_by_name(name).to_python() for name in book.sheet_names}

        measure("read (python-calamine)", rows, calamine)
    except ImportError:
        print("  read (python-calamine)       not installed")
    checker = Checker(tables, index)
    plans = measure("check every row", rows, lambda: checker.run(require_all_sheets=True))
    if checker.problems:
        print(f"  unexpected problems: {checker.problems[:3]}")
        return
    began = time.perf_counter()
    measure("save (one transaction)", rows, lambda: save_plans(plans, index, None))
    seconds = time.perf_counter() - began
    print(f"  saved {args.missions / seconds:.1f} missions/s (each a draft page and its revision)")


if __name__ == "__main__":
    main()
