"""People: the parties to the case, their consent and their contact details."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QHBoxLayout, QLabel

from app.errors import ValidationError
from app.services import languages, people, safeguards, users
from app.services.casefile import PartyInfo
from app.services.enums import (
    ConsentAction,
    ConsentMethod,
    DataSubjectCategory,
    DocumentFormat,
    EntryKind,
    Gender,
    PartyRole,
    Role,
    Scheme,
)
from app.views.case.tab import CaseTab, day
from app.views.forms import LANGUAGE_CHOICES, Field, FormDialog
from app.views.i18n import translate
from app.views.table_models.record_table_model import Column
from app.views.terms import named, term, value_word, word


@dataclass(frozen=True)
class _ConsentRow:
    id: int
    on: date
    name: str
    action: str


def _consent(p: PartyInfo) -> str:
    text = (translate("CasePeople", "given") if p.has_consent
            else translate("CasePeople", "withdrawn") if p.consents
            else translate("CasePeople", "none"))
    return text + (f" ({p.consents[-1].on:%d/%m/%Y})" if p.consents else "")


class PeopleTab(CaseTab):
    title = QT_TRANSLATE_NOOP("PeopleTab", "People")
    name = "people"

    def build(self) -> None:
        self.button(self.tr("Add &party..."), "add_party", self.add_party)
        self.button(self.tr("Consent &given..."), "consent_given",
                    lambda: self.consent(ConsentAction.GIVEN))
        self.button(self.tr("Consent &withdrawn..."), "consent_withdrawn",
                    lambda: self.consent(ConsentAction.WITHDRAWN))
        self.button(self.tr("&Edit details..."), "edit_person", self.edit_person)
        self.end_buttons()
        # the standards: consent evidence, the Victims' Code offer, objections (second row)
        first = self.button_row
        self.button_row = QHBoxLayout()
        self.body.insertLayout(1, self.button_row)
        self.button(self.tr("Consent e&vidence..."), "consent_evidence", self.consent_evidence)
        self.button(self.tr("Victims' &Code offer..."), "victims_code_offer",
                    self.victims_code_offer)
        self.button(self.tr("Data ca&tegory..."), "party_category", self.party_category)
        if self.detail.scheme is Scheme.NEIGHBOURHOOD_RESOLUTION:
            self.button(self.tr("&Objection to a facilitator..."), "record_objection",
                        self.record_objection)
        self.button_row.addStretch(1)
        self.button_row = first
        self.records = self.table("people_table", self.tr("People on the case"), [
            Column(self.tr("Role"), lambda p: value_word(p.role)),
            Column(self.tr("Name"), lambda p: p.name),
            Column(self.tr("Consent"), _consent),
            Column(self.tr("Contact"), lambda p: ", ".join(x for x in (p.phone, p.email, *p.address)
                                                  if x)),
            Column(self.tr("Language"), lambda p: languages.name(p.language)),
            Column(self.tr("Letters"), lambda p: value_word(p.document_format)),
            # the ICO's category of data subject on this case (DPA 2018 s.38(3))
            Column(self.tr("Data category"), lambda p: term(p.category)),
        ], key=lambda p: p.id, stretch=2)
        label = QLabel(self.tr("Consent given and withdrawn"))
        self.body.addWidget(label)
        self.consents = self.table("consents_table", self.tr("Consent given and withdrawn"), [
            Column(self.tr("Date"), lambda c: day(c.on)),
            Column(self.tr("Name"), lambda c: c.name),
            Column(self.tr("Consent"), lambda c: c.action),
        ], key=lambda c: c.id, stretch=1, hint_rows=2)
        label.setBuddy(self.consents)
        # a consent recorded on the wrong day, or for the wrong party, is corrected from its row
        self.opens(self.consents, EntryKind.CONSENT)

    def refresh(self) -> None:
        self.records.set_rows(self.detail.parties)
        self.consents.set_rows(sorted(
            (_ConsentRow(c.id, c.on, p.name,
                         translate("CasePeople", "given") if c.action is ConsentAction.GIVEN
                         else translate("CasePeople", "withdrawn"))
             for p in self.detail.parties for c in p.consents),
            key=lambda r: (r.on, r.id), reverse=True))

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
        return self.ws.form(self.tr("Add a party"), [
            Field("role", self.tr("Role"), "choice", True,
                  choices=[(named(r), r) for r in PartyRole
                           if r is not PartyRole.PARTICIPANT and (
                               r is not PartyRole.HARMER
                               or self.detail.scheme is Scheme.NEIGHBOURHOOD_RESOLUTION)]),
            Field("first_name", self.tr("First name"), required=True),
            Field("last_name", self.tr("Last name"), required=True),
            Field("phone", self.tr("Phone")), Field("email", self.tr("Email")),
            Field("address_line1", self.tr("Address")), Field("postcode", self.tr("Postcode")),
        ], submit)

    def consent(self, action: ConsentAction) -> FormDialog:
        choices = [(f"{p.name} ({p.role})", p.id) for p in self.detail.parties]
        selected = self.records.selected_key()

        def submit(v: dict[str, Any]) -> None:
            people.record_consent(self.case.uow(), self.case.actor, self.case.reference,
                                  v["party"], action, v["on"], notes=v["notes"] or None,
                                  expected_version=self.case.version)
        return self.ws.form((self.tr("Consent given") if action is ConsentAction.GIVEN
                             else self.tr("Consent withdrawn")), [
            Field("party", self.tr("Party"), "choice", True, selected or choices[0][1], choices),
            Field("on", self.tr("Date"), "date", True, date.today()),
            Field("notes", self.tr("Notes"), "multiline"),
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
                raise ValidationError(self.tr("The form cannot be read: {strerror}.")
                                             .format(strerror=exc.strerror),
                                      field="form") from None
            safeguards.record_consent_evidence(
                self.case.uow(), self.case.actor, self.case.reference, party_id=v["party"],
                method=v["method"], taken_by=v["taken_by"],
                form_name=Path(path).name if path else None, form=form,
                expected_version=self.case.version)
        selected = self.records.selected_key()
        return self.ws.form(self.tr("Consent evidence"), [
            Field("party", self.tr("Party"), "choice", True,
                  selected if any(c[1] == selected for c in choices)
                  else (choices[0][1] if choices else None), choices),
            Field("method", self.tr("Given"), "choice", True, ConsentMethod.WRITING,
                  [(m.value, m) for m in ConsentMethod]),
            Field("taken_by", self.tr("Taken by"), "choice", True, self.case.actor.username, staff),
            Field("form_file", self.tr("Signed form (file)"), help=self.tr("Needed for consent in "
                                                                           "writing.")),
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
        return self.ws.form(self.tr("Victims' Code: restorative justice offered"), [
            Field("party", self.tr("Harmed party"), "choice", True,
                  harmed[0][1] if harmed else None,
                  harmed),
            Field("on", self.tr("First offered on"), "date", True, date.today()),
            Field("how", self.tr("How (phone call, letter, visit)")),
            Field("enhanced", self.tr("Enhanced rights"), "check", default=False,
                  extra={"text": self.tr("a victim with enhanced rights (shorter time limit)")}),
        ], submit)

    def party_category(self) -> FormDialog:
        """The ICO's category of data subject for a party on this case (DPA 2018 s.38(3))."""
        parties = [(f"{p.name} ({value_word(p.role)}, {term(p.category).lower()})", p.id)
                   for p in self.detail.parties]
        selected = self.records.selected_key() or self.detail.participant.id
        current = self.detail.party(selected).category

        def submit(v: dict[str, Any]) -> None:
            people.set_category(self.case.uow(), self.case.actor, self.case.reference,
                                v["party"], v["category"], expected_version=self.case.version)
        dialog = self.ws.form(self.tr("Data subject category"), [
            Field("party", self.tr("Party"), "choice", True, selected, parties),
            Field("category", self.tr("Category"), "choice", True, current,
                  [(term(c), c) for c in DataSubjectCategory],
                  help=self.tr("How the law on police data (DPA 2018 s.38) sorts the people "
                               "it is about: a supporter who saw what happened is a "
                               "witness.")),
        ], submit)
        form = dialog.form
        # choosing another party shows that party's own category, ready to change
        form.inputs["party"].currentIndexChanged.connect(lambda _i: form.set_value(
            "category", self.detail.party(form.value("party")).category)
            if form.value("party") is not None else None)
        return dialog

    def record_objection(self) -> FormDialog:
        """A party objects to a named facilitator: they are then kept off the case."""
        facilitators = [(u.full_name, u.username) for u in users.list_users(self.case.uow())
                        if u.role in (Role.FACILITATOR, Role.COORDINATOR)]
        parties = [(f"{p.name} ({value_word(p.role)})", p.id) for p in self.detail.parties]

        def submit(v: dict[str, Any]) -> None:
            safeguards.record_objection(
                self.case.uow(), self.case.actor, self.case.reference, party_id=v["party"],
                facilitator=v["facilitator"], reason=v["reason"] or None,
                expected_version=self.case.version)
        return self.ws.form(self.tr("Objection to a facilitator"), [
            Field("party", self.tr("Party"), "choice", True, parties[0][1] if parties else None,
                  parties),
            Field("facilitator", self.tr("Objects to"), "choice", True,
                  facilitators[0][1] if facilitators else None, facilitators),
            Field("reason", self.tr("Why (optional)")),
        ], submit)

    def edit_person(self) -> FormDialog:
        party_id = self.records.selected_key() or self.detail.participant.id
        p = self.detail.party(party_id)
        formats = [(word(f.capitalize()), f) for f in ("standard", "easy-read", "large-print")]

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
        return self.ws.form(self.tr("Details of {name}").format(name=p.name), [
            Field("first_name", self.tr("First name"), required=True, default=p.first_name),
            Field("last_name", self.tr("Last name"), required=True, default=p.last_name),
            Field("address_line1", self.tr("Address"), default=p.address_line1 or ""),
            Field("address_line2", self.tr("Address line 2"), default=p.address_line2 or ""),
            Field("town", self.tr("Town"), default=p.town or ""),
            Field("postcode", self.tr("Postcode"), default=p.postcode or ""),
            Field("phone", self.tr("Phone"), default=p.phone or ""),
            Field("email", self.tr("Email"), default=p.email or ""),
            Field("language", self.tr("Language"), "choice", True, p.language, LANGUAGE_CHOICES),
            Field("interpreter", self.tr("Interpreter"), "check", default=p.interpreter_needed,
                  extra={"text": self.tr("needs an interpreter")}),
            Field("needs", self.tr("Communication needs"), "multiline",
                  default=p.communication_needs or ""),
            Field("format", self.tr("Letters in"), "choice", True, p.document_format, formats),
        ], submit)
