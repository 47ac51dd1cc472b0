"""People: the parties to the case, their consent and their contact details."""

from __future__ import annotations

from datetime import date
from typing import Any

from app.services import languages, people
from app.services.casefile import PartyInfo
from app.services.enums import ConsentAction, DocumentFormat, Gender, PartyRole, Scheme
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
