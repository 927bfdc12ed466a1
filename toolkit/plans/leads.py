"""Item leads: the facilitator who leads a plan item (`lead_id`), always one of the plan's group's facilitators.

The rule, in one place:
- a `lead_id` in a body must be a facilitator of the plan's group, else 422 naming `items.N.lead_id`
  (the same answer for an unknown id, another practice's therapist and a therapist who does not
  facilitate this group, so nothing reveals another practice's ids); null means no lead;
- a template has no group, so its items have no lead;
- when a facilitator leaves the group (PATCH /groups/{id} with new `facilitator_ids`), or a plan moves
  to another group or becomes a template, the items they led lose their lead (null): a stored lead is
  always valid, so a GET of a plan can be sent back unchanged. Every plan changed that way gets a new
  version (and ETag).
"""

from collections.abc import Collection, Iterable, Sequence

from ..errors import Invalid
from ..groups.models import Group
from .models import PlanItem

NOT_A_FACILITATOR = "Not a facilitator of this plan's group."
TEMPLATE_HAS_NO_LEADS = "A template has no group, so its items have no lead."


def lead_problems(lead_ids: Sequence[str | None], facilitator_ids: Collection[str] | None) -> dict:
    """Per-item errors for the leads of a list of items, keyed like the module errors ({"N": {"lead_id": [...]}}).

    `facilitator_ids` is None for a template (no group): then any lead is refused."""
    message = TEMPLATE_HAS_NO_LEADS if facilitator_ids is None else NOT_A_FACILITATOR
    allowed = facilitator_ids or ()
    return {str(index): {"lead_id": [message]} for index, lead in enumerate(lead_ids)
            if lead is not None and lead not in allowed}


def facilitator_ids(group: Group | None) -> set[str] | None:
    return None if group is None else {t.id for t in group.facilitators}


def check_leads(items: list[dict], group: Group | None) -> None:
    """Raise Invalid (422) when an item's `lead_id` is not a facilitator of `group`."""
    errors = lead_problems([item.get("lead_id") for item in items], facilitator_ids(group))
    if errors:
        raise Invalid("Some plan items name a lead who is not a facilitator of the plan's group.",
                      errors={"items": errors})


def keep_valid_leads(items: Iterable[PlanItem], group: Group | None) -> None:
    """Clear the leads that are not facilitators of `group` (a plan moved or copied to another group)."""
    allowed = facilitator_ids(group) or set()
    for item in items:
        if item.lead_id is not None and item.lead_id not in allowed:
            item.lead_id = None
