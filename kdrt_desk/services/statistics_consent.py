"""Who may be counted in donor statistics: the one rule every export and report must use."""

from __future__ import annotations

from sqlalchemy import Select, or_, select

from kdrt_desk.domain.enums import ConsentScope
from kdrt_desk.models import Participant, ParticipantConsent
from kdrt_desk.services.consent import scope_given


def statistics_population() -> Select[int]:
    """The ids of the participants who may appear in anonymised statistics, as a SQL selectable.

    She is in it when her consent record holds the ``statistics`` scope and she has not withdrawn
    her consent; a participant who withdrew consent to *data use* has been anonymised
    (``ConsentService.withdraw_data_use``) and stays in it as the anonymous counts she agreed to
    (issue 3: "kept only as counts needed for statistics she consented to"). A withdrawal recorded
    without anonymisation, a missing consent record or no ``statistics`` scope leaves her out.

    Use it as a subquery, so the rule lives in one place and the filter runs in the database::

        select(Participant.kecamatan, func.count())
        .where(Participant.id.in_(statistics_population()))
        .group_by(Participant.kecamatan)

    or join on it (``.subquery()``), or execute it for the ids themselves.
    """
    return (select(ParticipantConsent.participant_id)
            .join(Participant, Participant.id == ParticipantConsent.participant_id)
            .where(scope_given(ConsentScope.STATISTICS),
                   or_(ParticipantConsent.withdrawn_on.is_(None),
                       Participant.anonymised_on.is_not(None))))
