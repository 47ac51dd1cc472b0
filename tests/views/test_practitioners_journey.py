"""The practitioner journey through the real window: a coordinator adds a volunteer to the
register, records training, is refused assigning them before their DBS check, records the
check, assigns them; a second facilitator is refused for a clash; a declared conflict is
respected; supervision is recorded and the redacted supervision record is printed and read
back."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from io import BytesIO
from typing import Any

from pypdf import PdfReader
from PySide6.QtCore import Qt

from app.models.cases import Scheme
from app.models.safeguards import RiskLevel, RiskStage
from app.models.users import Role
from app.services import practitioners, safeguards, users
from app.services.enums import PractitionerKind
from app.services.practitioners import PractitionerInput
from app.views.forms import FormDialog
from app.views.practitioners import PractitionersView
from tests.factories import PASSWORD, make_case, make_user, person
from tests.views.test_journeys import click, fill, save


def _refused(qtbot: Any, dialog: FormDialog, match: str) -> None:
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible(), "the form closed: it was saved"
    shown = " ".join(label.text() for label in [*dialog.form.errors.values(),
                                                 dialog.form.general_error])
    assert match in shown, shown
    dialog.hide()  # closed as refused, without the "discard changes?" question
    dialog.reject()


def _form(view: PractitionersView, qtbot: Any, name: str) -> FormDialog:
    qtbot.mouseClick(view.buttons[name], Qt.MouseButton.LeftButton)
    assert isinstance(view.dialog, FormDialog)
    return view.dialog


def test_coordinator_vets_assigns_books_and_supervises_a_volunteer(qtbot, db, open_window,
                                                                   tmp_path) -> None:
    coord = make_user(db, Role.COORDINATOR, "coord", "Casey Coordinator")
    gwen = make_user(db, Role.FACILITATOR, "gwen", "Gwen Pryce")
    dec = make_user(db, Role.FACILITATOR, "dec", "Declan Moss")
    nell = make_user(db, Role.FACILITATOR, "nell", "Nell Quinn")
    ref = make_case(db, coord, Scheme.NEIGHBOURHOOD_RESOLUTION,
                    participant=person("Jordan", "Avery"),
                    harmed=person("Harriet", "Wells"))
    other = make_case(db, coord, Scheme.NEIGHBOURHOOD_RESOLUTION,
                      participant=person("Sam", "Other"))
    # Declan is booked on another case next Tuesday at 10:00 (set up through the services)
    for r in (other,):
        safeguards.record_risk_assessment(db.uow(), coord, r, stage=RiskStage.PREPARATION,
                                          assessed_on=date.today(), level=RiskLevel.LOW)
    day = date.today() + timedelta(days=7)
    slot = datetime.combine(day, time(10, 0)).astimezone(UTC)
    safeguards.book_meeting(db.uow(), coord, other, starts_at=slot,
                            ends_at=slot + timedelta(hours=2), facilitator_id=coord.user_id,
                            cofacilitator_id=dec.user_id)
    for who in (dec, nell):
        practitioners.add_practitioner(db.uow(), coord, who.username, PractitionerInput(
            kind=PractitionerKind.VOLUNTEER, schemes=(Scheme.NEIGHBOURHOOD_RESOLUTION,),
            started_on=date(2024, 5, 1)))

    window = open_window("coord")
    view = window.show_practitioners()
    assert isinstance(view, PractitionersView)
    # the coordinator adds Gwen to the register and records her training
    dialog = _form(view, qtbot, "add_practitioner")
    fill(qtbot, dialog.form, username="gwen", kind=PractitionerKind.VOLUNTEER,
         languages="English, Welsh")
    save(qtbot, dialog)
    assert view.detail is not None and view.detail.row.username == "gwen"
    dialog = _form(view, qtbot, "record_training")
    fill(qtbot, dialog.form, course="Restorative practice: foundation", hours="18")
    save(qtbot, dialog)
    assert [t.course for t in view.detail.training] == ["Restorative practice: foundation"]

    # the case is risk-assessed before allocation, then Gwen cannot be assigned: no check yet
    ws = window.open_case(ref)
    assert ws is not None
    save(qtbot, click(qtbot, ws, "record_risk"))
    dialog = click(qtbot, ws, "decide")
    fill(qtbot, dialog.form, eligible=True)
    save(qtbot, dialog)
    qtbot.mouseClick(ws.assign_button, Qt.MouseButton.LeftButton)
    dialog = ws.dialog
    fill(qtbot, dialog.form, worker=gwen.user_id)
    _refused(qtbot, dialog, "Gwen Pryce has no DBS check recorded")

    window.show_practitioners()
    view.select("gwen")
    dialog = _form(view, qtbot, "record_check")
    fill(qtbot, dialog.form, number="0012 3456 7890", issued=date.today() - timedelta(days=3))
    save(qtbot, dialog)
    assert view.detail.row.check_lapsed is False
    assert "(lapsed)" not in view.table.text(view.table.record_model().row_of("gwen"), 4)

    window.tabs.setCurrentWidget(ws)
    qtbot.mouseClick(ws.assign_button, Qt.MouseButton.LeftButton)
    fill(qtbot, ws.dialog.form, worker=gwen.user_id)
    save(qtbot, ws.dialog)
    assert ws.detail.worker_id == gwen.user_id
    assert [c.case_reference for c in practitioners.pending_confirmations(
        db.uow(), users.sign_in(db.uow(), "gwen", PASSWORD))] == [ref]

    # preparing the meeting: Declan is booked elsewhere at that time
    save(qtbot, click(qtbot, ws, "record_risk"))
    dialog = click(qtbot, ws, "book_meeting")
    fill(qtbot, dialog.form, starts=datetime.combine(day, time(11, 0)), hours=2,
         facilitator=gwen.user_id, cofacilitator=dec.user_id, venue="Northgate centre")
    _refused(qtbot, dialog, "Declan Moss is already booked from 10:00 to 12:00")
    dialog = click(qtbot, ws, "book_meeting")
    fill(qtbot, dialog.form, starts=datetime.combine(day, time(14, 0)), hours=2,
         facilitator=gwen.user_id, cofacilitator=dec.user_id, venue="Northgate centre")
    _refused(qtbot, dialog, "Declan Moss has no DBS check recorded")

    # Nell declares she knows Harriet Wells: she is not put on the case
    window.show_practitioners()
    view.select("nell")
    dialog = _form(view, qtbot, "declare_conflict")
    fill(qtbot, dialog.form, person="Harriet Wells", how="Her neighbour")
    save(qtbot, dialog)
    assert [c.person_name for c in view.detail.conflicts] == ["Harriet Wells"]
    window.tabs.setCurrentWidget(ws)
    qtbot.mouseClick(ws.assign_button, Qt.MouseButton.LeftButton)
    fill(qtbot, ws.dialog.form, worker=gwen.user_id, coworker=nell.user_id)
    _refused(qtbot, ws.dialog, "Nell Quinn declared that they know Harriet Wells")

    # supervision, and the redacted record printed and read back
    window.show_practitioners()
    view.select("gwen")
    dialog = _form(view, qtbot, "record_supervision")
    fill(qtbot, dialog.form, cases=ref, notes="Harriet Wells was upset at the visit",
         actions="Plan the seating with the co-facilitator")
    save(qtbot, dialog)
    assert view.detail.row.last_supervision == date.today()
    out = view.print_record(str(tmp_path / "record.pdf"))
    assert out is not None
    reader = PdfReader(BytesIO(out.read_bytes()))
    # table cells wrap: read the text as one line
    text = " ".join(" ".join(p.extract_text() for p in reader.pages).split())
    assert "Supervision record" in text and "Gwen Pryce" in text
    assert ref in text and "Plan the seating" in text and "Restorative practice: foundation" in text
    assert "Harriet" not in text and "upset" not in text


def test_consent_evidence_victims_code_offer_and_objection_from_the_people_tab(
        qtbot, db, open_window, tmp_path) -> None:
    coord = make_user(db, Role.COORDINATOR, "coord", "Casey Coordinator")
    make_user(db, Role.FACILITATOR, "nell", "Nell Quinn")
    ref = make_case(db, coord, Scheme.NEIGHBOURHOOD_RESOLUTION,
                    participant=person("Jordan", "Avery"), harmed=person("Harriet", "Wells"))
    window = open_window("coord")
    ws = window.open_case(ref)
    assert ws is not None
    harmed = next(p.id for p in ws.detail.parties if p.name == "Harriet Wells")
    from app.services import people as people_service
    from app.services.enums import ConsentAction, ConsentMethod

    people_service.record_consent(db.uow(), coord, ref, harmed, ConsentAction.GIVEN,
                                  date.today())
    ws.controller.reload()
    dialog = click(qtbot, ws, "consent_evidence")
    fill(qtbot, dialog.form, party=harmed, method=ConsentMethod.WRITING)
    _refused(qtbot, dialog, "needs the signed form attached")
    signed = tmp_path / "signed.pdf"
    signed.write_bytes(b"%PDF-1.4 signed")
    dialog = click(qtbot, ws, "consent_evidence")
    fill(qtbot, dialog.form, party=harmed, method=ConsentMethod.WRITING,
         form_file=str(signed))
    save(qtbot, dialog)
    dialog = click(qtbot, ws, "victims_code_offer")
    fill(qtbot, dialog.form, party=harmed, how="Phone call")
    save(qtbot, dialog)
    [clock] = safeguards.victims_code(db.uow(), coord, ref)
    assert clock.offered_on == date.today() and clock.in_time
    dialog = click(qtbot, ws, "record_objection")
    fill(qtbot, dialog.form, party=harmed, facilitator="nell", reason="Knows her")
    save(qtbot, dialog)
    nell = users.sign_in(db.uow(), "nell", PASSWORD)
    qtbot.mouseClick(ws.assign_button, Qt.MouseButton.LeftButton)
    fill(qtbot, ws.dialog.form, worker=nell.user_id)
    _refused(qtbot, ws.dialog, "has objected to Nell Quinn")
