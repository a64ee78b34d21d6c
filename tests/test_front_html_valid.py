"""Every page type, in both languages, is valid HTML by the W3C Nu checker (vnu).

vnu comes from npm (package-lock.json, installed by `make install-test`) and runs on Java; it
checks every page in one JVM start. The pages are rendered through the test client from the
factories' content, with the sample-data notice on, as the demo is served.
"""

import json
import subprocess
from pathlib import Path

import pytest

from .front_site import build_front_site, front_pages

pytestmark = pytest.mark.django_db

VNU_JAR = Path(__file__).resolve().parents[1] / "node_modules/vnu-jar/build/dist/vnu.jar"


def vnu_errors(files):
    """{file name: ["line N: message", ...]} for every error vnu finds in ``files``."""
    if not VNU_JAR.exists():
        pytest.fail(f"{VNU_JAR} not found: run `make install-test` (npm ci installs vnu-jar).")
    completed = subprocess.run(
        ["java", "-jar", str(VNU_JAR), "--format", "json", "--exit-zero-always", *map(str, files)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    report = json.loads(completed.stderr or completed.stdout)
    errors = {}
    for message in report["messages"]:
        if message["type"] == "error" or message.get("subType") == "fatal":
            name = Path(message.get("url", "")).name
            errors.setdefault(name, []).append(
                f"line {message.get('lastLine', '?')}: {message['message']} "
                f"[{message.get('extract', '').strip()[:80]}]"
            )
    return errors


def test_vnu_reports_its_errors(tmp_path):
    """The checker is really run: an invalid document gives errors, a valid one none."""
    bad = tmp_path / "bad.html"
    bad.write_text(
        '<!DOCTYPE html><html lang="en"><title>x</title><p><time datetime="2026-01-01 10:00:00.123456+00:00">x</time><div></span>'
    )
    good = tmp_path / "good.html"
    good.write_text(
        '<!DOCTYPE html><html lang="en"><title>x</title><p><time datetime="2026-01-01">x</time></p>'
    )
    errors = vnu_errors([bad, good])
    assert set(errors) == {"bad.html"}
    assert any("datetime" in error for error in errors["bad.html"])


def test_every_page_type_is_valid_html_in_both_languages(
    client, home, english_home, translate, tmp_path
):
    pages = build_front_site(home, translate)
    paths = [path for pair in front_pages(pages).values() for path in pair]
    index, index_en = pages["missions"]
    practices, practices_en = pages["practices"]
    paths += [
        # empty states: a filter that matches nothing, a search that finds nothing
        f"{index.url}?year=1990",
        f"{practices_en.url}?sdg=17",
        "/es/buscar/?q=zzzzqqq",
        "/en/search/",
        # a bad page number, echoed in a notice
        f"{index_en.url}?page=abc",
    ]
    files = []
    for number, path in enumerate(paths):
        response = client.get(path)
        assert response.status_code in (200, 404), path
        assert response["Content-Type"].startswith("text/html"), path
        target = tmp_path / f"{number:02d}{path.replace('/', '_').replace('?', '_')[:60]}.html"
        target.write_bytes(response.content)
        files.append(target)
    assert len(files) == len(paths) >= 23
    errors = vnu_errors(files)
    assert errors == {}, json.dumps(errors, indent=1, ensure_ascii=False)
