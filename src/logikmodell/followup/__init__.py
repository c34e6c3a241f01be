"""Follow-up (uppföljning): indicator status and spending against plan (DESIGN §15)."""

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
    "IndicatorStatus",
    "ResourceSpend",
    "Status",
    "follow_up",
    "year_index",
]
