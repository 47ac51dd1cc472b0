"""The services at work on a team server, each user connected as their own login role: the
row-level security must let every use case the rules allow run, and hide what they refuse."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from app.db import Database
from app.errors import NotFound
from app.models.cases import Scheme
from app.models.pathways import AssessmentStage, InterventionKind
from app.models.users import Role
from app.services import (
    audit,
    casefile,
    cases,
    contracts,
    documents,
    find,
    importer,
    indicators,
    organisation,
    pathways,
    retention,
    sar,
    server,
)
from app.services.casefile import CaseFilter
from app.services.context import Actor
from app.services.pathways import InterventionInput
from tests.factories import make_case, make_user, referral
from tests.server.conftest import Team
from tests.services.journeys import STANDARD_CONDITIONS, all_needs, days_ago
from tests.services.test_importer import GOOD, to_csv

pytestmark = pytest.mark.postgres


class Desks:
    """One Database per user, each signed in to the server as that user's own role."""

    def __init__(self, team: Team, dba: Database) -> None:
        self.team, self.dba = team, dba
        self.open: dict[str, Database] = {}

    def user(self, role: Role, **kw: object) -> Actor:
        actor = make_user(self.dba, role, **kw)  # type: ignore[arg-type]
        uow = self.dba.uow()
        with uow:
            server.sync_login(uow, actor.username, "desk password", login=True)
            uow.commit()
        return actor

    def __getitem__(self, actor: Actor) -> Database:
        if actor.username not in self.open:
            self.open[actor.username] = server.open_as(self.team.team_url, actor.username,
                                                       "desk password")
        return self.open[actor.username]

    def close(self) -> None:
        for db in self.open.values():
            db.dispose()


@pytest.fixture
def desks(team: Team) -> Iterator[Desks]:
    dba = Database(team.admin_url)
    d = Desks(team, dba)
    try:
        yield d
    finally:
        d.close()
        dba.dispose()


def test_a_checkpoint_case_worked_by_its_navigator_through_her_own_role(
        desks: Desks, tmp_path: Path) -> None:
    coord, nav = desks.user(Role.COORDINATOR), desks.user(Role.NAVIGATOR)
    other = desks.user(Role.NAVIGATOR)
    admin = desks.user(Role.ADMINISTRATOR)
    ref = make_case(desks[coord], coord, Scheme.CHECKPOINT, worker=nav, days_ago=200)
    cases.decide_eligibility(desks[coord].uow(), coord, ref, eligible=True, on=days_ago(198))
    db = desks[nav]
    pathways.record_assessment(db.uow(), nav, ref, AssessmentStage.START, days_ago(135),
                               all_needs())
    contracts.draft_contract(db.uow(), nav, ref, start_date=days_ago(130),
                             conditions=STANDARD_CONDITIONS, community_hours=18)
    contracts.start_contract(db.uow(), nav, ref, signed_on=days_ago(130))
    pathways.log_intervention(db.uow(), nav, ref, InterventionInput(
        InterventionKind.CONTACT, date.today(), "Phone call"))
    doc = documents.generate(db.uow(), nav, ref, documents.Kind.CONTRACT)
    assert doc.id and doc.content.startswith(b"%PDF")
    detail = casefile.get_case(db.uow(), nav, ref)
    assert detail.contract is not None and len(detail.interventions) == 1
    assert [r.reference for r in casefile.list_cases(db.uow(), nav, CaseFilter())] == [ref]
    assert casefile.my_work(db.uow(), nav).caseload
    assert [h.reference for h in find.find(db.uow(), nav, ref).hits] == [ref]
    # she refers a case she is not assigned to: written, then hers no more to see
    mine = cases.create_referral(db.uow(), nav, referral(Scheme.CHECKPOINT))
    assert mine not in {r.reference for r in casefile.list_cases(db.uow(), nav, CaseFilter())}
    # and imports one (each row in a savepoint of its own)
    imported = importer.import_referrals(db.uow(), nav, to_csv(GOOD[:1])).references
    assert len(imported) == 1
    # another navigator's role does not even see that the case exists
    with pytest.raises(NotFound):
        casefile.get_case(desks[other].uow(), other, ref)
    assert casefile.list_cases(desks[other].uow(), other, CaseFilter()) == []
    # the coordinator sees both, reports and reads the trail; the administrator keeps the
    # letterhead (a setting) but sees no case
    cdb = desks[coord]
    assert {r.reference for r in casefile.list_cases(cdb.uow(), coord, CaseFilter())} == {
        ref, mine, *imported}
    figures = indicators.compute(cdb.uow(), coord, indicators.Scope(days_ago(365), date.today()))
    assert figures is not None
    assert audit.search(cdb.uow(), coord, limit=5)
    retention.set_retention_floor(cdb.uow(), coord, Scheme.CHECKPOINT, 2)
    person_id = casefile.get_case(cdb.uow(), coord, ref).participant.id
    pack = sar.export(cdb.uow(), coord, person_id, tmp_path / "sar")
    assert pack.documents == 1
    adb = desks[admin]
    current = organisation.get_organisation(adb.uow())
    from dataclasses import replace

    organisation.set_organisation(adb.uow(), admin, replace(current, phone="01234 567890"))
    assert casefile.list_cases(adb.uow(), admin, CaseFilter()) == []


def test_a_neighbourhood_case_shared_by_facilitator_and_co_facilitator(desks: Desks) -> None:
    coord = desks.user(Role.COORDINATOR)
    fac, fac2 = desks.user(Role.FACILITATOR), desks.user(Role.FACILITATOR)
    ref = make_case(desks[coord], coord, Scheme.NEIGHBOURHOOD_RESOLUTION, worker=fac,
                    coworker_id=fac2.user_id)
    pathways.log_intervention(desks[fac].uow(), fac, ref, InterventionInput(
        InterventionKind.CONTACT, date.today(), "Visited the harmed party"))
    shared = casefile.get_case(desks[fac2].uow(), fac2, ref)
    assert len(shared.interventions) == 1 and len(shared.parties) == 2
