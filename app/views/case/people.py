"""People: the parties to the case, their consent and their contact details."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QHBoxLayout

from app.errors import ValidationError
from app.services import languages, people, safeguards, users
from app.services.casefile import PartyInfo
from app.services.enums import (
    ConsentAction,
    ConsentMethod,
    DocumentFormat,
    Gender,
    PartyRole,
    Role,
    Scheme,
)
from app.views.case.tab import CaseTab
from app.views.forms import LANGUAGE_CHOICES, Field, FormDialog
from app.views.table_models.record_table_model import Column


def _consent(p: PartyInfo) -> str:
    text = "given" if p.has_consent else ("withdrawn" if p.consents else "none")
    return text + (f" ({p.consents[-1].on:%d/%m/%Y})" if p.consents else "")


class PeopleTab(CaseTab):
    title = "People"
    name = "people"

    def build(self) -> None:
        self.button("Add &party...", "add_party", self.add_party)
        self.button("Consent &given...", "consent_given",
                    lambda: self.consent(ConsentAction.GIVEN))
        self.button("Consent &withdrawn...", "consent_withdrawn",
                    lambda: self.consent(ConsentAction.WITHDRAWN))
        self.button("&Edit details...", "edit_person", self.edit_person)
        self.end_buttons()
        # the standards: consent evidence, the Victims' Code offer, objections (second row)
        first = self.button_row
        self.button_row = QHBoxLayout()
        self.body.insertLayout(1, self.button_row)
        self.button("Consent e&vidence...", "consent_evidence", self.consent_evidence)
        self.button("Victims' &Code offer...", "victims_code_offer", self.victims_code_offer)
        if self.detail.scheme is Scheme.NEIGHBOURHOOD_RESOLUTION:
            self.button("&Objection to a facilitator...", "record_objection",
                        self.record_objection)
        self.button_row.addStretch(1)
        self.button_row = first
        self.records = self.table("people_table", "People on the case", [
            Column("Role", lambda p: p.role),
            Column("Name", lambda p: p.name),
            Column("Consent", _consent),
            Column("Contact", lambda p: ", ".join(x for x in (p.phone, p.email, *p.address)
                                                  if x)),
            Column("Language", lambda p: languages.name(p.language)),
            Column("Letters", lambda p: p.document_format),
        ], key=lambda p: p.id)

    def refresh(self) -> None:
        self.records.set_rows(self.detail.parties)

    def add_party(self) -> FormDialog:
        def submit(v: dict[str, Any]) -> None:
            people.add_party(self.case.uow(), self.case.actor, self.case.reference, v["role"],
                             people.PersonInput(first_name=v["first_name"],
                                                last_name=v["last_name"],
                                                phone=v["phone"] or None,
                                                email=v["email"] or None,
                                                address_line1=v["address_line1"] or None,
                                                postcode=v["postcode"] or None),
                             expected_version=self.case.version)
        return self.ws.form("Add a party", [
            Field("role", "Role", "choice", True,
                  choices=[(r.value.capitalize(), r) for r in PartyRole
                           if r is not PartyRole.PARTICIPANT and (
                               r is not PartyRole.HARMER
                               or self.detail.scheme is Scheme.NEIGHBOURHOOD_RESOLUTION)]),
            Field("first_name", "First name", required=True),
            Field("last_name", "Last name", required=True),
            Field("phone", "Phone"), Field("email", "Email"),
            Field("address_line1", "Address"), Field("postcode", "Postcode"),
        ], submit)

    def consent(self, action: ConsentAction) -> FormDialog:
        choices = [(f"{p.name} ({p.role})", p.id) for p in self.detail.parties]
        selected = self.records.selected_key()

        def submit(v: dict[str, Any]) -> None:
            people.record_consent(self.case.uow(), self.case.actor, self.case.reference,
                                  v["party"], action, v["on"], notes=v["notes"] or None,
                                  expected_version=self.case.version)
        return self.ws.form(f"Consent {action.value}", [
            Field("party", "Party", "choice", True, selected or choices[0][1], choices),
            Field("on", "Date", "date", True, date.today()),
            Field("notes", "Notes", "multiline"),
        ], submit)

    def consent_evidence(self) -> FormDialog:
        """How the party's latest consent (or withdrawal) was given, and the signed form."""
        choices = [(f"{p.name} ({p.role})", p.id) for p in self.detail.parties if p.consents]
        staff = [(u.full_name, u.username) for u in users.list_users(self.case.uow())
                 if u.role is not Role.ADMINISTRATOR]

        def submit(v: dict[str, Any]) -> None:
            path = v["form_file"].strip()
            try:
                form = Path(path).read_bytes() if path else None
            except OSError as exc:
                raise ValidationError(f"The form cannot be read: {exc.strerror}.",
                                      field="form") from None
            safeguards.record_consent_evidence(
                self.case.uow(), self.case.actor, self.case.reference, party_id=v["party"],
                method=v["method"], taken_by=v["taken_by"],
                form_name=Path(path).name if path else None, form=form,
                expected_version=self.case.version)
        selected = self.records.selected_key()
        return self.ws.form("Consent evidence", [
            Field("party", "Party", "choice", True,
                  selected if any(c[1] == selected for c in choices)
                  else (choices[0][1] if choices else None), choices),
            Field("method", "Given", "choice", True, ConsentMethod.WRITING,
                  [(m.value, m) for m in ConsentMethod]),
            Field("taken_by", "Taken by", "choice", True, self.case.actor.username, staff),
            Field("form_file", "Signed form (file)", help="Needed for consent in writing."),
        ], submit)

    def victims_code_offer(self) -> FormDialog:
        """The day the harmed party was first offered information about restorative justice."""
        harmed = [(p.name, p.id) for p in self.detail.parties
                  if p.role == PartyRole.HARMED.value]

        def submit(v: dict[str, Any]) -> None:
            uow, actor, ref = self.case.uow, self.case.actor, self.case.reference
            if v["enhanced"]:
                safeguards.set_enhanced_rights(uow(), actor, ref, v["party"], True,
                                               expected_version=self.case.version)
            safeguards.record_offer(uow(), actor, ref, v["party"], offered_on=v["on"],
                                    how=v["how"] or None)
        return self.ws.form("Victims' Code: restorative justice offered", [
            Field("party", "Harmed party", "choice", True, harmed[0][1] if harmed else None,
                  harmed),
            Field("on", "First offered on", "date", True, date.today()),
            Field("how", "How (phone call, letter, visit)"),
            Field("enhanced", "Enhanced rights", "check", default=False,
                  extra={"text": "a victim with enhanced rights (shorter time limit)"}),
        ], submit)

    def record_objection(self) -> FormDialog:
        """A party objects to a named facilitator: they are then kept off the case."""
        facilitators = [(u.full_name, u.username) for u in users.list_users(self.case.uow())
                        if u.role in (Role.FACILITATOR, Role.COORDINATOR)]
        parties = [(f"{p.name} ({p.role})", p.id) for p in self.detail.parties]

        def submit(v: dict[str, Any]) -> None:
            safeguards.record_objection(
                self.case.uow(), self.case.actor, self.case.reference, party_id=v["party"],
                facilitator=v["facilitator"], reason=v["reason"] or None,
                expected_version=self.case.version)
        return self.ws.form("Objection to a facilitator", [
            Field("party", "Party", "choice", True, parties[0][1] if parties else None,
                  parties),
            Field("facilitator", "Objects to", "choice", True,
                  facilitators[0][1] if facilitators else None, facilitators),
            Field("reason", "Why (optional)"),
        ], submit)

    def edit_person(self) -> FormDialog:
        party_id = self.records.selected_key() or self.detail.participant.id
        p = self.detail.party(party_id)
        formats = [(f.capitalize(), f) for f in ("standard", "easy-read", "large-print")]

        def submit(v: dict[str, Any]) -> None:
            people.update_person(
                self.case.uow(), self.case.actor, self.case.reference, p.person_id,
                people.PersonInput(
                    first_name=v["first_name"], last_name=v["last_name"],
                    date_of_birth=p.date_of_birth, gender=Gender(p.gender),
                    address_line1=v["address_line1"] or None,
                    address_line2=v["address_line2"] or None,
                    town=v["town"] or None, postcode=v["postcode"] or None,
                    phone=v["phone"] or None, email=v["email"] or None,
                    language=v["language"],
                    interpreter_needed=v["interpreter"],
                    communication_needs=v["needs"] or None,
                    document_format=DocumentFormat(v["format"])),
                expected_version=self.case.version, person_version=p.person_version)
        return self.ws.form(f"Details of {p.name}", [
            Field("first_name", "First name", required=True, default=p.first_name),
            Field("last_name", "Last name", required=True, default=p.last_name),
            Field("address_line1", "Address", default=p.address_line1 or ""),
            Field("address_line2", "Address line 2", default=p.address_line2 or ""),
            Field("town", "Town", default=p.town or ""),
            Field("postcode", "Postcode", default=p.postcode or ""),
            Field("phone", "Phone", default=p.phone or ""),
            Field("email", "Email", default=p.email or ""),
            Field("language", "Language", "choice", True, p.language, LANGUAGE_CHOICES),
            Field("interpreter", "Interpreter", "check", default=p.interpreter_needed,
                  extra={"text": "needs an interpreter"}),
            Field("needs", "Communication needs", "multiline",
                  default=p.communication_needs or ""),
            Field("format", "Letters in", "choice", True, p.document_format, formats),
        ], submit)
