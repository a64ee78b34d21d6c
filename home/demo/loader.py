"""One loader for every app's demo: YAML files of named records, Spanish and English side by side.

An app takes part by naming its demo folder on its AppConfig (``demo = "demo"``) and the apps whose
records it refers to (``demo_after``). Each YAML file holds one model's records under a key; a
value written ``{es: ..., en: ...}`` is Spanish text with its English, and a reference to another
record is that record's key. The loader creates the Spanish records once (finding them by their
``match`` field when run again) and makes the English ones through wagtail-localize. What YAML
cannot say goes in the app's ``demo/hooks.py`` (prepare_<model>, created_<model>, finish, wrap).
"""

import contextlib
import datetime
import importlib
import io
import json
import re
import uuid
from decimal import Decimal
from pathlib import Path

import yaml
from django.apps import apps
from django.core.files.base import ContentFile
from django.db import models, transaction
from django.utils import timezone
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.documents import get_document_model
from wagtail.fields import StreamField
from wagtail.models import Locale, Page, TranslatableMixin
from wagtail_localize.strings import extract_strings
from weasyprint import HTML

from home.cache import bump
from home.translation import MissingTranslation, translate_instance


class DemoError(Exception):
    """A demo file cannot be loaded as written; the message names the file and the record."""


def demo_apps(only=None):
    """Apps with a demo folder (or those in ``only``), each after the apps in its ``demo_after``."""
    found = {c.label: c for c in apps.get_app_configs() if getattr(c, "demo", None)}
    ordered = []

    def visit(config, trail=()):
        if config in ordered:
            return
        if config.label in trail:
            raise DemoError(f"Demo apps depend on each other in a circle: {' → '.join(trail)}")
        for label in getattr(config, "demo_after", ()):
            if label not in found:
                raise DemoError(f"{config.label}: demo_after names {label!r}, which has no demo")
            visit(found[label], (*trail, config.label))
        ordered.append(config)

    for label in only or found:
        visit(found[label])
    return ordered


class Loader:
    def __init__(self, stdout=None):
        self.stdout = stdout or io.StringIO()
        self.spanish, _ = Locale.objects.get_or_create(language_code="es")
        self.english, _ = Locale.objects.get_or_create(language_code="en")
        self.records = {}  # model label → {key: Spanish instance}
        self.sections = {}  # model label → its file's other top-level sections, for hooks
        self.today = timezone.localdate()

    def load(self, configs=None):
        with transaction.atomic():
            for config in configs or demo_apps():
                self.load_app(config)
            bump()  # hooks may write with QuerySet.update(), which sends no signal

    def load_app(self, config):
        self.stdout.write(f"{config.label}:")
        folder = Path(config.path) / config.demo
        module = f"{config.name}.{config.demo}.hooks"
        self.hooks = (folder / "hooks.py").exists() and importlib.import_module(module)
        self.pending = {}  # model label → (where, data) of this app's files not loaded yet
        for path in sorted(folder.glob("*.yaml")):
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
            self.pending[data.pop("model")] = (f"{config.label}/{config.demo}/{path.name}", data)
        self.made = []
        with getattr(self.hooks, "wrap", contextlib.nullcontext)():
            while self.pending:
                label = next(iter(self.pending))
                self.load_file(label, *self.pending.pop(label))
            self.hook("finish", self)
            for instance, english, where in self.made:
                if not isinstance(instance, TranslatableMixin | Page):
                    continue  # a record that is the same in every language (a membership)
                if not instance.has_translation(self.english):
                    self.translate(instance, english, where)

    def hook(self, name, *args):
        function = getattr(self.hooks, name, None)
        return function(*args) if function else None

    def load_file(self, label, where, data):
        model = apps.get_model(label)
        match, parent = data.pop("match"), data.pop("parent", None)
        if parent:
            parent = self.find(apps.get_model(parent["model"]), parent["key"], where)
        elif issubclass(model, Page):
            parent = Page.get_first_root_node()
        self.sections[label] = data  # what is left once the records are taken out, for hooks
        registry = self.records.setdefault(model._meta.label, {})
        for key, record in data.pop("records").items():
            english = {}
            record = self.spanish_of(record, english)
            existing = model.objects.filter(**{match: record[match]})
            if issubclass(model, TranslatableMixin):
                existing = existing.filter(locale=self.spanish)
            if parent:
                existing = existing.child_of(parent)
            instance = existing.first()
            if instance is None:
                instance = self.create(model, record, parent, f"{where}, record {key!r}")
                self.stdout.write(f"  {model._meta.verbose_name} created: {instance}")
            registry[key] = instance
            if isinstance(instance, Page):  # found too by fields that point at any page
                self.records.setdefault("wagtailcore.Page", {})[key] = instance
            self.made.append((instance, english, f"{where}, record {key!r}"))

    def find(self, model, key, where):
        if model._meta.label in self.pending:  # a file of this app not loaded yet: load it now
            self.load_file(model._meta.label, *self.pending.pop(model._meta.label))
        try:
            return self.records[model._meta.label][key]
        except KeyError:
            known = ", ".join(self.records.get(model._meta.label, {})) or "none loaded yet"
            raise DemoError(f"{where}: unknown {model.__name__} {key!r} (known: {known})") from None

    def spanish_of(self, value, english):
        """``value`` with its ``{es, en}`` pairs made Spanish, kept in ``english`` per segment."""
        if isinstance(value, dict) and set(value) == {"es", "en"}:
            english[value["es"]] = value["en"]
            english[value["es"].replace("\n", "<br/>")] = value["en"].replace("\n", "<br/>")
            if "<" in value["es"]:
                spanish_parts, english_parts = (extract_strings(value[k])[1] for k in ("es", "en"))
                for es, en in zip(spanish_parts, english_parts, strict=True):
                    english[es[0].data] = en[0].data
            return value["es"]
        if isinstance(value, dict):
            return {k: self.spanish_of(v, english) for k, v in value.items()}
        if isinstance(value, list):
            return [self.spanish_of(v, english) for v in value]
        return value

    def create(self, model, record, parent, where):
        fields = self.hook(f"prepare_{model._meta.model_name}", dict(record), self) or record
        instance = self.build(model, fields, where)
        if parent is not None:
            parent.add_child(instance=instance)
        else:
            instance.save()
        if isinstance(instance, Page):
            instance.save_revision().publish()
        return self.hook(f"created_{model._meta.model_name}", instance, record, self) or instance

    def build(self, model, record, where):
        """An unsaved ``model`` from a record: references by key, child rows built in turn."""
        fields = {}
        if issubclass(model, TranslatableMixin):
            fields["locale"] = self.spanish
        for name, value in record.items():
            try:
                field = model._meta.get_field(name)
            except Exception:
                raise DemoError(f"{where}: {model.__name__} has no field {name!r}") from None
            if isinstance(field, models.ForeignKey) and isinstance(value, str):
                value = self.find(field.related_model, value, where)
            elif isinstance(field, ParentalManyToManyField):
                value = [
                    self.find(field.related_model, v, where) if isinstance(v, str) else v
                    for v in value
                ]
            elif field.one_to_many and isinstance(field.remote_field, ParentalKey):
                value = [self.build(field.related_model, row, where) for row in value]
            elif isinstance(field, StreamField):
                value = json.dumps(self.raw_stream(field.stream_block, value, where))
            elif isinstance(field, models.DecimalField) and value is not None:
                value = Decimal(str(value))
            fields[name] = value
        return model(**fields)

    def raw_stream(self, block, value, where):
        """``[{block_name: value}, …]`` as Wagtail's stored form, nested blocks included."""
        if hasattr(block, "child_blocks") and isinstance(value, list):  # a StreamBlock
            items = []
            for item in value:
                ((name, child),) = item.items()
                if name not in block.child_blocks:
                    raise DemoError(f"{where}: no block {name!r} in {block.name or 'the body'}")
                child = self.raw_stream(block.child_blocks[name], child, where)
                items.append({"type": name, "value": child, "id": str(uuid.uuid4())})
            return items
        if hasattr(block, "child_blocks") and isinstance(value, dict):  # a StructBlock
            return {k: self.raw_stream(block.child_blocks[k], v, where) for k, v in value.items()}
        return value

    def translate(self, instance, english, where):
        try:
            translate_instance(instance, self.english, english.__getitem__)
        except MissingTranslation as error:
            raise MissingTranslation(f"{where}: {error.args[0]}") from error
        self.stdout.write(f"  translated to English: {instance}")

    def document(self, title, filename, html):
        """A PDF document (WeasyPrint) titled ``title``, made once."""
        model = get_document_model()
        document = model.objects.filter(title=title).first()
        if document is None:
            document = model(title=title)
            pdf = HTML(string=f'<html lang="es"><meta charset="utf-8">{html}</html>').write_pdf()
            document.file.save(filename, ContentFile(pdf))  # saves the document too
        return document

    def date(self, text, where, trip_end=None):
        """Dates counted from the load day ("40 days ago", "in 25 days", "2 years ago, 14 April")
        or from the end of a trip ("30 days after the trip")."""
        if trip_end and (m := re.fullmatch(r"(\d+) days after the trip", text)):
            return trip_end + datetime.timedelta(days=int(m[1]))
        if m := re.fullmatch(r"(\d+) days ago", text):
            # Keep this year's records inside this year, even early in January.
            elapsed = (self.today - datetime.date(self.today.year, 1, 1)).days
            return self.today - datetime.timedelta(days=min(int(m[1]), max(elapsed - 10, 0)))
        if m := re.fullmatch(r"in (\d+) days", text):
            return self.today + datetime.timedelta(days=int(m[1]))
        if m := re.fullmatch(r"(\d+) years? ago, (\d+) (\w+)", text):
            month = datetime.datetime.strptime(m[3], "%B").month
            return datetime.date(self.today.year - int(m[1]), month, int(m[2]))
        raise DemoError(f"{where}: cannot read the date {text!r}")
