"""What a sampling would do, without writing: the strata the seed draws and how many new
spot-check tasks creating it would make (picks already checked at that level get none)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Engine
from sqlalchemy.orm import Session

from agent_app.supervision.sampling import SamplingPlan, StrataTotals, Stratum, draw_sample
from agent_app.supervision.sampling_checks import assign_checks
from agent_app.supervision.verification_plan import VERIFICATION_TEMPLATE, find_verification_plan


@dataclass(frozen=True)
class SamplingPreview(StrataTotals):
    seed: int
    strata: tuple[Stratum, ...]
    new_tasks: int  # spot-check tasks creating the run would add now
    already_checked: int  # picks that already have a spot-check at the level

    @property
    def picked_ids(self) -> tuple[int, ...]:
        return tuple(sorted(p for s in self.strata for p in s.picked))


def preview_sampling(
    engine: Engine, plan: SamplingPlan, seed: int, template_code: str = VERIFICATION_TEMPLATE
) -> SamplingPreview:
    """The sample ``seed`` draws for ``plan`` and what creating it would add; reads only."""
    strata = draw_sample(engine, plan, seed)
    picks = [p for s in strata for p in s.picked]
    with Session(engine) as session:
        plan_id = find_verification_plan(session, template_code)
        assigned = assign_checks(session, plan_id, int(plan.level), picks)
    return SamplingPreview(seed, strata, len(assigned.new), assigned.already_checked)
