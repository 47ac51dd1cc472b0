"""The Practitioners screen and its dialogs (the register, expenses, complaints, conflicts)."""

from app.views.practitioners.register import PractitionersView

__all__ = ["PractitionersView"]
