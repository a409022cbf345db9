"""Which picked follow-ups get a new spot-check task: one check per parent and level, and one
per episode, follow-up point and level (two parents of one episode at one point, under two
plans, share a check). Creating a run and previewing it decide with the same function."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from agent_app.store.schema import FollowupTask


@dataclass(frozen=True)
class CheckAssignment:
    new: tuple[int, ...]  # parents that get a new spot-check task, in pick order
    existing: tuple[tuple[int, int], ...]  # (parent, the spot-check it already has)
    shared: tuple[tuple[int, int], ...]  # (parent, the parent in ``new`` whose check it shares)
    parents: dict[int, FollowupTask]  # the picked tasks, by id

    @property
    def already_checked(self) -> int:
        """Picks that get no task of their own."""
        return len(self.existing) + len(self.shared)


def assign_checks(
    session: Session, plan_id: int | None, level: int, picks: list[int]
) -> CheckAssignment:
    """Decide for each pick (parent task id) whether it gets a new spot-check at ``level``.
    ``plan_id``: the spot-check plan (None when it does not exist yet: no check follows it)."""
    checked: dict[int, int] = {}
    for chunk in chunks(picks, 500):
        rows = session.execute(
            select(FollowupTask.parent_task_id, FollowupTask.id).where(
                FollowupTask.parent_task_id.in_(chunk), FollowupTask.level == level
            )
        )
        checked.update((parent, child) for parent, child in rows if parent is not None)
    parents = {
        t.id: t
        for chunk in chunks(picks, 500)
        for t in session.scalars(select(FollowupTask).where(FollowupTask.id.in_(chunk)))
    }
    episodes = {p.episode_id for p in parents.values() if p.episode_id}
    taken = {} if plan_id is None else _checks_by_point(session, plan_id, level, episodes)
    first_at: dict[tuple[int, int], int] = {}  # point -> the pick of this run checking it
    new: list[int] = []
    existing: list[tuple[int, int]] = []
    shared: list[tuple[int, int]] = []
    for parent_id in picks:
        parent = parents[parent_id]
        # Without an episode (a task entered by hand) the point never repeats.
        point = (parent.episode_id, parent.offset_days) if parent.episode_id else None
        child_id = checked.get(parent_id) or (taken.get(point) if point else None)
        if child_id is not None:
            existing.append((parent_id, child_id))
        elif point is not None and point in first_at:
            shared.append((parent_id, first_at[point]))
        else:
            new.append(parent_id)
            if point is not None:
                first_at[point] = parent_id
    return CheckAssignment(tuple(new), tuple(existing), tuple(shared), parents)


def chunks(items: list[int], size: int) -> list[list[int]]:
    return [items[i : i + size] for i in range(0, len(items), size)]


def _checks_by_point(
    session: Session, plan_id: int, level: int, episodes: set[int]
) -> dict[tuple[int, int], int]:
    """Spot-checks already made at ``level`` for these episodes, by (episode, offset)."""
    found: dict[tuple[int, int], int] = {}
    for chunk in chunks(sorted(episodes), 500):
        rows = session.execute(
            select(FollowupTask.episode_id, FollowupTask.offset_days, FollowupTask.id).where(
                FollowupTask.episode_id.in_(chunk),
                FollowupTask.plan_id == plan_id,
                FollowupTask.level == level,
            )
        )
        found.update(((episode, offset), task_id) for episode, offset, task_id in rows if episode)
    return found
