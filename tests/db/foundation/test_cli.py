"""``centaur-desk-admin``: every command has --help, errors go to stderr with exit ≠ 0,
init-db + demo-data work on both back ends, and the installed console script works from
outside the source tree."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.cli import build_parser, main
from app.db.engine import open_database
from app.db.models import Contract, Organisation, Ticket, User
from app.domain.enums import Role, TicketStatus
from tests.pg import temporary_pg_database

COMMANDS = [
    ["init-db"],
    ["migrate"],
    ["demo-data"],
    ["create-user"],
    ["import-customers"],
    ["sla", "deadline"],
    ["sla", "deadlines"],
    ["calendar", "show"],
]


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_every_command_has_help(command: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as done:
        main([*command, "--help"])
    assert done.value.code == 0
    assert "usage: centaur-desk-admin" in capsys.readouterr().out


def test_parser_lists_all_commands() -> None:
    text = build_parser().format_help()
    for name in ("init-db", "migrate", "demo-data", "create-user", "import-customers", "sla"):
        assert name in text


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.pg)])
def fresh_url(request: pytest.FixtureRequest, tmp_path: Path):
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'x.db'}"
    else:
        with temporary_pg_database() as url:
            yield url


def test_init_db_then_demo_data(fresh_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["init-db", "--db", fresh_url]) == 0
    assert "0002" in capsys.readouterr().out
    assert main(["demo-data", "--db", fresh_url, "--seed", "7", "--tickets", "80"]) == 0
    assert "demo12345" in capsys.readouterr().out
    db = open_database(fresh_url)
    with db.session_factory() as s:
        assert s.scalar(select(func.count()).select_from(Organisation)) == 30
        roles = Counter(s.scalars(select(User.role)))
        assert roles.keys() == set(Role) and sum(roles.values()) == 8
        statuses = Counter(s.scalars(select(Ticket.status)))
        assert sum(statuses.values()) >= 75
        assert {TicketStatus.REGISTERED, TicketStatus.IN_PROGRESS, TicketStatus.CLOSED} <= set(
            statuses
        )
        packages = {c.package for c in s.scalars(select(Contract))}
        assert len(packages) == 2
    db.dispose()
    # a second demo-data run would mix demo tickets into real ones: refused
    assert main(["demo-data", "--db", fresh_url]) == 1
    assert "уже есть обращения" in capsys.readouterr().err


def test_demo_data_is_deterministic_with_seed(tmp_path: Path) -> None:
    subjects = []
    for name in ("a", "b"):
        url = f"sqlite:///{tmp_path / name}.db"
        assert main(["demo-data", "--db", url, "--seed", "11", "--tickets", "40"]) == 0
        db = open_database(url)
        with db.session_factory() as s:
            subjects.append(
                s.execute(
                    select(Organisation.name, Ticket.subject, Ticket.severity)
                    .join(Organisation, Ticket.organisation_id == Organisation.id)
                    .order_by(Ticket.id)
                ).all()
            )
        db.dispose()
    assert subjects[0] == subjects[1] and len(subjects[0]) >= 35


def test_create_user_and_duplicate_login(tmp_path: Path, capsys, monkeypatch) -> None:
    url = f"sqlite:///{tmp_path / 'u.db'}"
    main(["init-db", "--db", url])
    monkeypatch.setenv("CENTAUR_NEW_PASSWORD", "correct-horse")
    args = [
        "create-user",
        "--db",
        url,
        "--login",
        "ivanov",
        "--name",
        "Иванов",
        "--role",
        "operator",
    ]
    assert main(args) == 0
    assert "ivanov" in capsys.readouterr().out
    assert main(args) == 1
    err = capsys.readouterr().err
    assert "ivanov" in err and "уже существует" in err


def test_errors_go_to_stderr_with_nonzero_exit(tmp_path: Path, capsys) -> None:
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"PK\x03\x04 zip, not sqlite" * 10)
    assert main(["init-db", "--db", f"sqlite:///{junk}"]) == 1
    captured = capsys.readouterr()
    assert captured.out == "" and "не является базой данных SQLite" in captured.err
    assert main(["init-db", "--db", "postgresql+psycopg://u:pw@127.0.0.1:1/x"]) == 1
    assert "Не удалось подключиться" in capsys.readouterr().err
    assert (
        main(
            [
                "demo-data",
                "--db",
                f"sqlite:///{tmp_path / 'none.db'}",
                "--seed",
                "1",
                "--tickets",
                "0",
                "--organisations",
                "1",
            ]
        )
        == 0
    )


def _installed_script() -> Path | None:
    script = Path(sys.executable).parent / "centaur-desk-admin"
    return script if script.exists() else None


def test_installed_console_script_from_outside_the_source_tree(tmp_path: Path) -> None:
    """Must show: `pip install .` then init-db && demo-data (resources come from the package)."""
    script = _installed_script()
    if script is None:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail("CI installs the project: centaur-desk-admin must be on the venv's PATH")
        pytest.skip("the project is not installed in this interpreter's environment")
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    url = f"sqlite:///{tmp_path / 'x.db'}"
    for args in (["init-db", "--db", url], ["demo-data", "--db", url, "--tickets", "30"]):
        done = subprocess.run(
            [str(script), *args], cwd=tmp_path, env=env, capture_output=True, text=True, check=False
        )
        assert done.returncode == 0, done.stderr
    check = subprocess.run(
        [
            str(Path(sys.executable)),
            "-c",
            "import app, resources, importlib.resources as r; print(app.__file__); "
            "print(sorted(p.name for p in (r.files('resources') / 'translations').iterdir()))",
        ],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert check.returncode == 0, check.stderr
    assert "site-packages" in check.stdout and "centaur_ru.qm" in check.stdout
    assert shutil.which("centaur-desk", path=str(script.parent))
