"""Departments, staff, patients, their phone contacts and hospital episodes."""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import Boolean, Date, ForeignKey, Index, String, Text, Uuid
from sqlalchemy.orm import Mapped, mapped_column

from agent_app.domain.enums import DischargeDisposition, PhoneKind, Relation, Role, Sex
from agent_app.store.schema.base import Base, ChangeTracked, EnumText, IdType


class Department(ChangeTracked, Base):
    __tablename__ = "department"

    id: Mapped[int] = mapped_column(IdType, primary_key=True)
    code: Mapped[str] = mapped_column(String(16), unique=True)
    name: Mapped[str] = mapped_column(String(80))
    name_en: Mapped[str] = mapped_column(String(80), default="")
    # Where an unacknowledged red-flag alert is texted at last (E.164; "" for none), 0023.
    on_duty_phone: Mapped[str] = mapped_column(String(32), default="", server_default="")


class Staff(ChangeTracked, Base):
    __tablename__ = "staff"

    id: Mapped[int] = mapped_column(IdType, primary_key=True)
    username: Mapped[str] = mapped_column(String(40), unique=True)
    full_name: Mapped[str] = mapped_column(String(60))
    role: Mapped[Role] = mapped_column(EnumText(Role))
    title: Mapped[str] = mapped_column(String(30), default="")
    department_id: Mapped[int] = mapped_column(ForeignKey("department.id"), index=True)
    password_hash: Mapped[str] = mapped_column(String(200), default="")
    sip_account: Mapped[str] = mapped_column(String(120), default="")
    extension: Mapped[str] = mapped_column(String(16), default="")
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class Patient(ChangeTracked, Base):
    __tablename__ = "patient"

    id: Mapped[int] = mapped_column(IdType, primary_key=True)
    mrn: Mapped[str] = mapped_column(String(20), unique=True)
    name: Mapped[str] = mapped_column(String(60), index=True)
    sex: Mapped[Sex] = mapped_column(EnumText(Sex, 1))
    birth_date: Mapped[dt.date] = mapped_column(Date)
    id_number: Mapped[str] = mapped_column(String(18), default="", index=True)
    address: Mapped[str] = mapped_column(String(200), default="")
    notes: Mapped[str] = mapped_column(Text, default="")


class Contact(ChangeTracked, Base):
    """A phone number at which the patient or a relative can be reached.

    ``number_e164`` is the normalized key used for caller lookup (screen-pop); ``number_national``
    is the national significant number, kept so a partial match on local digits stays indexed.

    The server issues contact ids. A contact added at a desk carries ``client_uuid`` and a
    provisional negative id until the server answers its id (agent_app/sync/server_keys.py);
    contacts from the HIS have none.
    """

    __tablename__ = "contact"

    id: Mapped[int] = mapped_column(IdType, primary_key=True)
    patient_id: Mapped[int] = mapped_column(ForeignKey("patient.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(60))
    relation: Mapped[Relation] = mapped_column(EnumText(Relation, 12))
    kind: Mapped[PhoneKind] = mapped_column(EnumText(PhoneKind, 10))
    number_raw: Mapped[str] = mapped_column(String(40))
    number_e164: Mapped[str] = mapped_column(String(20))
    number_national: Mapped[str] = mapped_column(String(20))
    priority: Mapped[int] = mapped_column(default=0)
    client_uuid: Mapped[uuid.UUID | None] = mapped_column(Uuid)

    __table_args__ = (
        Index("ix_contact_patient_id", "patient_id"),
        Index("ix_contact_client_uuid", "client_uuid", unique=True),
        Index("ix_contact_number_e164", "number_e164"),
        Index("ix_contact_number_national", "number_national"),
    )


class Episode(ChangeTracked, Base):
    """One hospital stay ending in discharge."""

    __tablename__ = "episode"

    id: Mapped[int] = mapped_column(IdType, primary_key=True)
    patient_id: Mapped[int] = mapped_column(ForeignKey("patient.id", ondelete="CASCADE"))
    department_id: Mapped[int] = mapped_column(ForeignKey("department.id"))
    ward: Mapped[str] = mapped_column(String(40))
    admitted_on: Mapped[dt.date] = mapped_column(Date)
    discharged_on: Mapped[dt.date] = mapped_column(Date)
    revisit_on: Mapped[dt.date | None] = mapped_column(Date)  # the re-visit the doctor booked
    diagnosis_code: Mapped[str] = mapped_column(String(12))
    diagnosis_name: Mapped[str] = mapped_column(String(120))
    attending_doctor_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    attending_nurse_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    discharge_disposition: Mapped[DischargeDisposition] = mapped_column(
        EnumText(DischargeDisposition, 16), default=DischargeDisposition.HOME
    )

    __table_args__ = (
        Index("ix_episode_patient_id", "patient_id"),
        Index("ix_episode_department_discharged", "department_id", "discharged_on"),
        Index("ix_episode_diagnosis_code", "diagnosis_code"),
        Index("ix_episode_revisit_on", "revisit_on"),  # the re-visit reminders' planner
    )
