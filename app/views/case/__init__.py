"""The case workspace as a package: a frame, a controller and one module per tab."""

from app.views.case.workspace import CaseWorkspace

__all__ = ["CaseWorkspace"]
