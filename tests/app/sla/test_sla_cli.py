"""The SLA and calendar commands of centaur-desk-admin: a stable output format (R3)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.cli import main


def test_r3_4_deadline_example_from_the_issue(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(
        [
            "sla",
            "deadline",
            "--received",
            "2026-01-08T16:30:00+03:00",
            "--package",
            "basic",
            "--severity",
            "critical",
        ]
    )
    assert code == 0
    assert capsys.readouterr().out == "2026-01-12T13:00:00+03:00\n"


def test_r3_8_deadline_explain(capsys: pytest.CaptureFixture[str]) -> None:
    main(
        [
            "sla",
            "deadline",
            "--received",
            "2026-01-08T16:30:00+03:00",
            "--package",
            "basic",
            "--severity",
            "critical",
            "--explain",
        ]
    )
    out = capsys.readouterr().out
    assert "перенесённый постановлением с 03.01.2026" in out


def test_deadline_rejects_a_time_without_offset(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(
        [
            "sla",
            "deadline",
            "--received",
            "2026-01-08T16:30",
            "--package",
            "basic",
            "--severity",
            "critical",
        ]
    )
    assert code == 1
    assert "ISO 8601" in capsys.readouterr().err


def test_deadlines_csv(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "in.csv"
    source.write_text(
        "received,package,severity\n"
        "2026-01-08T16:30:00+03:00,basic,critical\n"
        "2026-11-25T09:00:00+03:00,extended,low\n",
        encoding="utf-8",
    )
    assert main(["sla", "deadlines", str(source)]) == 0
    assert capsys.readouterr().out.splitlines() == [
        "received,package,severity,deadline",
        "2026-01-08T16:30:00+03:00,basic,critical,2026-01-12T13:00:00+03:00",
        "2026-11-25T09:00:00+03:00,extended,low,2026-11-25T17:00:00+03:00",
    ]


def test_deadlines_csv_names_bad_lines(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "in.csv"
    source.write_text(
        "received,package,severity\n2026-01-08T16:30:00+03:00,gold,critical\nyesterday,basic,low\n",
        encoding="utf-8",
    )
    assert main(["sla", "deadlines", str(source)]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "Строка 2" in captured.err and "Строка 3" in captured.err


def test_r3_3_calendar_show_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["calendar", "show", "2026", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["year"] == 2026 and len(data["days"]) == 365
    assert data["days"][0] == {"date": "2026-01-01", "working": False, "hours": 0}
    assert data["days"][8] == {"date": "2026-01-09", "working": False, "hours": 0}
    assert data["days"][11] == {"date": "2026-01-12", "working": True, "hours": 8}
    assert sum(d["working"] for d in data["days"]) == 247


def test_r3_3_unchecked_year_is_visible(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["calendar", "show", "2028"]) == 0
    assert "2028" in capsys.readouterr().err
