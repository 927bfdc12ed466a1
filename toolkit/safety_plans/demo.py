"""Demo data of issue 29: one participant's safety plan, in two versions (the second is current)."""

from .services import create_safety_plan

FIRST = {"warning_signs": ["Not answering my phone", "Staying in bed past noon"],
         "internal_coping": ["Walk round the park with headphones on"],
         "reasons_for_living": ["My niece", "Finishing the garden"]}
CURRENT = {**FIRST,
           "internal_coping": ["Walk round the park with headphones on", "Cold water on my face, slow breaths"],
           "social_contacts": [{"name": "The Saturday running club", "contact": None}],
           "people_to_ask": [{"name": "My friend Robin (fictional)", "contact": "07700 900001"}],
           "professionals": [{"name": "Demo Practice office", "contact": "01234 567890"},
                             {"name": "Local crisis line (fictional)", "contact": "0800 000 0000"}],
           "environment_safety": ["Robin keeps the spare medication"]}


def add_safety_plan_demo(*, participant, actor) -> None:
    create_safety_plan(participant=participant, actor=actor, sections=FIRST)
    create_safety_plan(participant=participant, actor=actor, sections=CURRENT)
