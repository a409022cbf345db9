"""The store's departments and staff as the import needs them, loaded once per run."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Connection, select

from agent_app.store.schema import Department, Staff


@dataclass(frozen=True)
class Reference:
    department_ids: dict[str, int]  # code → id
    department_codes: dict[int, str]  # id → code
    accepted_departments: dict[str, str]  # code, name or English name → code
    staff_by_username: dict[str, int]
    staff_by_name: dict[tuple[int, str], int]  # (department id, full name) → id
    staff_by_name_anywhere: dict[str, int]

    def staff_id(self, text: str, department_id: int) -> int | None:
        """The staff row a HIS names as attending: by username (工号), else by name."""
        if not text:
            return None
        return (
            self.staff_by_username.get(text)
            or self.staff_by_username.get(text.lower())
            or self.staff_by_name.get((department_id, text))
            or self.staff_by_name_anywhere.get(text)
        )


def load_reference(connection: Connection) -> Reference:
    ids: dict[str, int] = {}
    codes: dict[int, str] = {}
    accepted: dict[str, str] = {}
    for dept_id, code, name, name_en in connection.execute(
        select(Department.id, Department.code, Department.name, Department.name_en)
    ):
        ids[code] = dept_id
        codes[dept_id] = code
        for key in (code, code.upper(), name, name_en):
            if key:
                accepted.setdefault(key, code)
    by_username: dict[str, int] = {}
    by_name: dict[tuple[int, str], int] = {}
    anywhere: dict[str, int] = {}
    for staff_id, username, full_name, dept_id in connection.execute(
        select(Staff.id, Staff.username, Staff.full_name, Staff.department_id).where(
            Staff.active.is_(True)
        )
    ):
        by_username[username] = staff_id
        by_name.setdefault((dept_id, full_name), staff_id)
        anywhere.setdefault(full_name, staff_id)
    return Reference(ids, codes, accepted, by_username, by_name, anywhere)
