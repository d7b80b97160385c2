"""Render the main screens offscreen to PNG (docs/screenshots), in Russian and English:
``QT_QPA_PLATFORM=offscreen python -m ui.screenshots docs/screenshots``."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication

from app.demo import DEMO_PASSWORD, create_demo_database
from app.services.desk import Desk
from ui import i18n
from ui.main_window import MainWindow
from ui.ticket_view import TicketView


def render(folder: Path) -> list[Path]:
    app = QApplication.instance() or QApplication([])
    folder.mkdir(parents=True, exist_ok=True)
    db = create_demo_database()
    desk = Desk(db)
    out = []
    for lang in ("ru", "en"):
        i18n.install(lang)
        actor = desk.authenticate("lead.sokolova", DEMO_PASSWORD)
        window = MainWindow(desk, actor)
        window.resize(1600, 950)
        window.show()
        window.table.selectRow(0)
        app.processEvents()
        window.tick()
        app.processEvents()
        out.append(folder / f"main-window-{lang}.png")
        window.grab().save(str(out[-1]))

        dialog = window.new_request()
        dialog.search.setText("тел")
        dialog._search()
        dialog.subject.setText(
            "Не работают входящие вызовы" if lang == "ru" else "No incoming calls"
        )
        dialog.severity.setCurrentIndex(0)
        app.processEvents()
        out.append(folder / f"new-request-{lang}.png")
        dialog.grab().save(str(out[-1]))
        dialog.reject()

        view = TicketView(desk, actor)
        view.resize(1100, 720)
        ticket = next(r for r in desk.queue_rows(actor) if r.notified_at is not None)
        view.show_ticket(ticket.id)
        view.tabs.setCurrentIndex(1)
        view.show()
        app.processEvents()
        out.append(folder / f"ticket-detail-{lang}.png")
        view.grab().save(str(out[-1]))
        view.close()
        window.close()
    db.dispose()
    return out


if __name__ == "__main__":
    for path in render(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots")):
        print(path)
