"""The department's on-duty number: where a red-flag alert nobody acknowledged is texted at
last (migration 0023). Kept in ``department.on_duty_phone`` (E.164), which every desk pulls
with the department; IT sets it from the command line (``set-on-duty-phone``)."""

from __future__ import annotations

from sqlalchemy import Connection, select, update

from agent_app.domain.phone_numbers import InvalidNumberError, normalize_number
from agent_app.store.schema import Department


class OnDutyPhoneError(ValueError):
    """The department does not exist, or the number is not one a text can go to."""


def set_on_duty_phone(connection: Connection, department_code: str, number: str) -> str:
    """Store the department's on-duty number ("" clears it); the number it had before."""
    e164 = ""
    if number.strip():
        try:
            e164 = normalize_number(number).e164
        except InvalidNumberError as error:
            raise OnDutyPhoneError(str(error)) from None
    old = connection.execute(
        select(Department.on_duty_phone).where(Department.code == department_code)
    ).scalar_one_or_none()
    if old is None:
        raise OnDutyPhoneError(f"department {department_code} does not exist.")
    connection.execute(
        update(Department).where(Department.code == department_code).values(on_duty_phone=e164)
    )
    return str(old)
