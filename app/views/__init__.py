"""Qt widgets. They call app.services only: no SQLAlchemy, no app.models (a test checks)."""
