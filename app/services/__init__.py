"""Use cases (intake, registration, reaction, severity, assignment, closing…) for UI and CLI."""
