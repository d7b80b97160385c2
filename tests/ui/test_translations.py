"""Russian is the default language: every user-visible string of the UI sources has a Russian
translation, and the shipped .qm is the one compiled from the .ts (issue 5 "Languages")."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "translations" / "centaur_ru.ts"
QM = TS.with_suffix(".qm")


def _tool(name: str) -> str:
    found = shutil.which(name, path=str(Path(sys.executable).parent)) or shutil.which(name)
    assert found, f"{name} comes with PySide6"
    return found


def test_every_ui_string_has_a_russian_translation(tmp_path: Path) -> None:
    fresh = tmp_path / "centaur_ru.ts"
    shutil.copy(TS, fresh)
    sources = sorted(str(p) for p in (ROOT / "ui").glob("*.py"))
    subprocess.run(
        [_tool("pyside6-lupdate"), "-no-obsolete", *sources, "-ts", str(fresh)],
        check=True,
        capture_output=True,
    )
    missing = [
        message.findtext("source")
        for message in ET.parse(fresh).getroot().iter("message")
        if not (message.findtext("translation") or "").strip()
        or message.find("translation").get("type") == "unfinished"
    ]
    assert missing == [], "run the commands in README 'Translations'"


def test_shipped_qm_is_compiled_from_the_ts(tmp_path: Path) -> None:
    compiled = tmp_path / "centaur_ru.qm"
    subprocess.run(
        [_tool("pyside6-lrelease"), str(TS), "-qm", str(compiled)], check=True, capture_output=True
    )
    assert compiled.read_bytes() == QM.read_bytes()
