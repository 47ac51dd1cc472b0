from app.models.cases import CaseStatus, Scheme
from app.models.users import Role
from app.services import casefile, cases
from tests.factories import make_case, make_user


def test_referral_then_acceptance(db):
    coord = make_user(db, Role.COORDINATOR)
    nav = make_user(db, Role.NAVIGATOR)
    ref = make_case(db, coord, Scheme.CHECKPOINT, worker=nav)
    assert ref.startswith("CP-")
    cases.decide_eligibility(db.uow(), coord, ref, eligible=True)
    detail = casefile.get_case(db.uow(), nav, ref)
    assert detail.status is CaseStatus.ELIGIBILITY_DECIDED
