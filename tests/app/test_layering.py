"""ARCHITECTURE "Layers": app/ never imports Qt, so the business logic runs without a display."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import app

SCRIPT = r"""
import importlib, pkgutil, sys

class BlockQt:
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in {"PySide6", "qasync", "pytestqt", "shiboken6"}:
            raise ImportError(f"app must not import {name}")
        return None

sys.meta_path.insert(0, BlockQt())
import app
names = [m.name for m in pkgutil.walk_packages(app.__path__, "app.")
         if ".migrations" not in m.name]
for name in names:
    importlib.import_module(name)
print(len(names))
"""


def test_every_app_module_imports_with_qt_blocked() -> None:
    root = Path(app.__file__).resolve().parent.parent
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT], cwd=root, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    assert int(done.stdout.strip()) >= 10
