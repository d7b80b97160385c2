"""The PySide6 desktop client: widgets only; every rule lives in app.services and app.sla."""
