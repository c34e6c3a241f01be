"""Follow-up (uppföljning): indicator status and spending against plan (DESIGN §15),
and when an indicator's next measurement is due (:mod:`logikmodell.followup.due`)."""

from logikmodell.followup.due import (
    Frequency,
    Overdue,
    latest_measurement_date,
    overdue,
    parse_frequency,
)
from logikmodell.followup.status import (
    BEHIND_MARGIN,
    DANGER_MARGIN,
    WARNING_MARGIN,
    Flag,
    FollowUp,
    IndicatorStatus,
    ResourceSpend,
    Status,
    follow_up,
    year_index,
)

__all__ = [
    "BEHIND_MARGIN",
    "DANGER_MARGIN",
    "WARNING_MARGIN",
    "Flag",
    "FollowUp",
    "Frequency",
    "IndicatorStatus",
    "Overdue",
    "ResourceSpend",
    "Status",
    "follow_up",
    "latest_measurement_date",
    "overdue",
    "parse_frequency",
    "year_index",
]
