"""Appointments: booking, outcomes (kept or missed) and rearranging; missed and overdue in red."""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import QT_TRANSLATE_NOOP

from app.services import appointments
from app.services.case_actions import CaseAction
from app.services.casefile import AppointmentInfo
from app.services.enums import AppointmentStatus, EntryKind, Scheme
from app.views.case.tab import CaseTab
from app.views.forms import Field, FormDialog
from app.views.i18n import day_time
from app.views.table_models.record_table_model import Column, RowStyle
from app.views.terms import word


def _style(a: AppointmentInfo) -> RowStyle:
    return RowStyle.ALERT if a.status == AppointmentStatus.MISSED or a.overdue \
        else RowStyle.NORMAL


class AppointmentsTab(CaseTab):
    title = QT_TRANSLATE_NOOP("AppointmentsTab", "Appointments")
    name = "appointments"

    def build(self) -> None:
        self.button(self.tr("&Book..."), "book_appointment", self.book_appointment)
        self.button(self.tr("&Kept"), "appointment_kept",
                    lambda: self.appointment_outcome(AppointmentStatus.KEPT))
        self.button(self.tr("&Missed"), "appointment_missed",
                    lambda: self.appointment_outcome(AppointmentStatus.MISSED))
        self.button(self.tr("&Rearrange..."), "appointment_rearrange", self.rearrange)
        self.end_buttons()
        self.records = self.table("appointments_table", self.tr("Appointments"), [
            Column(self.tr("When"), lambda a: day_time(a.starts_at.astimezone(), weekday=True)),
            Column(self.tr("Purpose"), lambda a: a.purpose),
            Column(self.tr("Where"), lambda a: a.location),
            Column(self.tr("Bail condition"),
                   lambda a: self.tr("yes") if a.bail_condition else ""),
            Column(self.tr("Outcome"),
                   lambda a: word(a.status) + (self.tr(" - no outcome yet") if a.overdue else "")),
        ], key=lambda a: a.id, style=_style)
        self.opens(self.records, EntryKind.APPOINTMENT)

    def refresh(self) -> None:
        self.records.set_rows(self.detail.appointments)

    def book_appointment(self) -> FormDialog:
        default = datetime.now().replace(minute=0, second=0, microsecond=0) + timedelta(days=1)
        return self.ws.form(self.tr("Book an appointment"), [
            Field("starts_at", self.tr("When"), "datetime", True, default),
            Field("purpose", self.tr("Purpose"), required=True),
            Field("location", self.tr("Where")),
            Field("bail", self.tr("Bail condition"), "check",
                  default=self.detail.scheme is Scheme.GATEWAY,
                  extra={"text": self.tr("This appointment is a condition of bail")}),
        ], lambda v: appointments.schedule(
            self.case.uow(), self.case.actor, self.case.reference, appointments.AppointmentInput(
                starts_at=v["starts_at"], purpose=v["purpose"], location=v["location"] or None,
                bail_condition=v["bail"]), expected_version=self.case.version))

    def _selected(self) -> int | None:
        appt = self.records.selected_key()
        if appt is None:
            self.refused(self.tr("Select an appointment first."))
        return appt

    def appointment_outcome(self, outcome: AppointmentStatus) -> None:
        appt = self._selected()
        if appt is None:
            return

        def record() -> None:
            self.ws.act(lambda: appointments.record_outcome(
                self.case.uow(), self.case.actor, self.case.reference, appt, outcome,
                expected_version=self.case.version))
        offer = self.case.actions.get(CaseAction.APPOINTMENT_MISSED)
        if outcome is AppointmentStatus.MISSED and offer is not None and offer.confirm:
            row = self.records.record_model().row_of(appt)
            what = self.records.text(row, 1) if row is not None else self.tr("the appointment")
            self.ws.confirm(self.tr("Record a missed appointment"), f"{what}: {offer.confirm}",
                            self.tr("Record as missed"), record)
        else:
            record()

    def rearrange(self) -> FormDialog | None:
        appt = self._selected()
        if appt is None:
            return None
        default = datetime.now().replace(minute=0, second=0, microsecond=0) + timedelta(days=2)
        return self.ws.form(self.tr("Rearrange the appointment"), [
            Field("starts_at", self.tr("New time"), "datetime", True, default),
            Field("reason", self.tr("Reason"), "multiline"),
        ], lambda v: appointments.rearrange(self.case.uow(), self.case.actor,
                                            self.case.reference, appt, v["starts_at"],
                                            reason=v["reason"] or None,
                                            expected_version=self.case.version))
