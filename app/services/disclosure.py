"""To whom a print, an export or a subject access pack is disclosed, and on what lawful basis.

DPA 2018 s.62 asks that the log of every disclosure says to whom it went. Each document filed
on a case keeps its disclosure (shown in its footer, on the case's Documents tab and in a
subject access pack), and every print, reprint and pack carries it in its audit row. The audit
names a recipient who is a party on the case by party id, never by name, so an erased person
leaves no name behind in the trail (which can never be rewritten); anyone else (an officer, an
agency) by what was typed, which is why the forms ask for no one's private details.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from app.errors import ValidationError
from app.models.documents import LawfulBasis

__all__ = ["LIMIT", "Disclosure", "LawfulBasis", "disclosure"]

#: The longest recipient name or organisation kept.
LIMIT = 120
#: The footer's line (``{recipient}``, ``{basis}``), as the words files list it.
LINE = "Disclosed to {recipient}. Lawful basis: {basis}."
#: Recipients the app names itself (the rest are names as typed, never translated).
PARTIES = "The parties to the agreement"
TO_BE_NAMED = "(to be named before it is filed)"
OWN_NAMES = (PARTIES, TO_BE_NAMED)


@dataclass(frozen=True)
class Disclosure:
    """A recipient (a person, an organisation or both) and the lawful basis of disclosing."""

    name: str
    organisation: str
    basis: LawfulBasis
    #: The party on the case it goes to (a letter to her), else None.
    party_id: int | None = None

    @property
    def recipient(self) -> str:
        """'DC Ann Lee, Durham Constabulary', 'Jordan Avery', 'Housing First'."""
        return ", ".join(x for x in (self.name, self.organisation) if x)

    @property
    def line(self) -> str:
        """What the document's footer says."""
        return self.line_in({})

    def line_in(self, words: Mapping[str, str]) -> str:
        """The footer's line in the reader's ``words`` (English text -> theirs; the basis, the
        sentence around it and a recipient the app names itself, such as 'The parties to the
        agreement'); anything not listed stays in English."""
        recipient = (words.get(self.recipient, self.recipient) if self.recipient in OWN_NAMES
                     else self.recipient)
        return words.get(LINE, LINE).format(
            recipient=recipient, basis=words.get(self.basis.label, self.basis.label))

    @property
    def audit_detail(self) -> str:
        """The audit's words: a party by id (never a name the trail would keep for good)."""
        who = (f"party {self.party_id}" if self.party_id is not None
               else self.recipient)
        return f"to: {who}; basis: {self.basis.value}"


def disclosure(name: str | None, organisation: str | None, basis: LawfulBasis | str,
               party_id: int | None = None) -> Disclosure:
    """A checked disclosure: a recipient is named (a person or an organisation), each at most
    ``LIMIT`` characters, and the basis is one of the list."""
    clean = [" ".join((x or "").split()) for x in (name, organisation)]
    if not any(clean):
        raise ValidationError("Say to whom it is disclosed: a person, an organisation or "
                              "both.", field="disclosed_to")
    for text in clean:
        if len(text) > LIMIT:
            raise ValidationError(f"Keep the recipient to {LIMIT} characters.",
                                  field="disclosed_to")
    try:
        chosen = LawfulBasis(basis)
    except ValueError:
        raise ValidationError(f"{basis!r} is not a lawful basis on the list; use one of: "
                              + ", ".join(b.value for b in LawfulBasis) + ".",
                              field="basis") from None
    return Disclosure(clean[0], clean[1], chosen, party_id)
