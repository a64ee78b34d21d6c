from .indicators import PracticeIndicator
from .pages import PracticeIndexPage, PracticePage
from .pdf import PracticePDF, pdf_path
from .taxonomy import SDG_NAMES, SustainableDevelopmentGoal, Theme, sdg_name

__all__ = [
    "SDG_NAMES",
    "PracticeIndexPage",
    "PracticeIndicator",
    "PracticePDF",
    "PracticePage",
    "SustainableDevelopmentGoal",
    "Theme",
    "pdf_path",
    "sdg_name",
]
