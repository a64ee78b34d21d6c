"""Where a practice travelled: the mission results that concern it (the adoption log).

Mission results point at a practice page (any language version); the log shows the live missions
of the reader's language, so an English page lists the English mission records. Withdrawn
missions are left out: their records no longer stand.
"""

from django.apps import apps


def _mission_result_model():
    try:
        return apps.get_model("missions", "MissionResult")
    except LookupError:
        return None


def adoption_log(practice):
    """[{"mission": MissionPage, "results": [MissionResult, …]}] newest mission first."""
    model = _mission_result_model()
    if model is None:
        return []
    results = (
        model.objects.filter(
            practice__translation_key=practice.translation_key,
            page__live=True,
            page__locale=practice.locale_id,
        )
        .select_related("page")
        .order_by("-page__start_date", "page_id", "sort_order")
    )
    if hasattr(model._meta.get_field("page").related_model, "withdrawn_at"):
        results = results.filter(page__withdrawn_at__isnull=True)
    log = []
    by_mission = {}
    for result in results:
        entry = by_mission.get(result.page_id)
        if entry is None:
            entry = by_mission[result.page_id] = {"mission": result.page, "results": []}
            log.append(entry)
        entry["results"].append(result)
    return log
