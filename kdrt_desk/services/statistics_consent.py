"""Who may be counted in donor statistics: the one rule every export and report must use."""

from __future__ import annotations

from sqlalchemy.orm import Session

from kdrt_desk.domain.enums import ConsentScope
from kdrt_desk.services.consent import consent_facts


def statistics_population(session: Session) -> set[int]:
    """The ids of the participants who may appear in anonymised statistics.

    She is in it when her consent record holds the ``statistics`` scope and she has not withdrawn
    her consent; a participant who withdrew consent to *data use* has been anonymised
    (``ConsentService.withdraw_data_use``) and stays in it as the anonymous counts she agreed to
    (issue 3: "kept only as counts needed for statistics she consented to"). A withdrawal recorded
    without anonymisation (or waiting for its confirmation), a missing consent record or no
    ``statistics`` scope leaves her out.

    Consent scopes are sealed under the contact key, so the rule runs here, after opening them
    with the session's keys (a session without that key counts nobody); use the ids as a filter::

        ids = statistics_population(session)
        select(Participant.kecamatan, func.count()).where(Participant.id.in_(ids))
    """
    from sqlalchemy import select

    from kdrt_desk.models import Participant

    anonymised = set(session.scalars(select(Participant.id).where(
        Participant.anonymised_on.is_not(None))))
    return {pid for pid, (scopes, valid) in consent_facts(session).items()
            if ConsentScope.STATISTICS.value in scopes and (valid or pid in anonymised)}
