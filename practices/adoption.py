"""Where a practice travelled: the mission results that concern it (the adoption log).

A mission result points at a practice page (whichever language version the editor chose), and a
mission exists once per language. The log shows each live mission once, in the reader's
language when it has been translated, otherwise in its original language (marked as such).
Withdrawn missions stay listed, flagged with their public reason, as they do everywhere else.
"""

from django.apps import apps


def _mission_result_model():
    try:
        return apps.get_model("missions", "MissionResult")
    except LookupError:
        return None


def adoption_log(practice):
    """[{"mission", "results", "language", "other_language", "withdrawn"}], latest first."""
    model = _mission_result_model()
    if model is None:
        return []
    results = (
        model.objects.filter(practice__translation_key=practice.translation_key, page__live=True)
        .select_related("page", "page__locale")
        .order_by("-page__start_date", "page_id", "sort_order")
    )
    by_mission = {}
    for result in results:
        mission = result.page
        key = mission.translation_key
        entry = by_mission.get(key)
        preferred = mission.locale_id == practice.locale_id
        if entry is None or (preferred and entry["mission"].locale_id != practice.locale_id):
            entry = by_mission[key] = {
                "mission": mission,
                "results": [],
                "language": mission.locale.language_code,
                "other_language": not preferred,
                "withdrawn": getattr(mission, "withdrawn", False),
            }
        if entry["mission"].pk == mission.pk:
            entry["results"].append(result)
    return list(by_mission.values())
