"""Turn a source row into a validated discharge record, or a rejection with a plain reason.

Pure: the caller passes the departments it knows. Phone numbers go through the screen-pop
normalization, so an imported contact matches the caller lookup exactly.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping

from agent_app.domain.enums import DischargeDisposition, PhoneKind, Relation, Sex
from agent_app.domain.phone_numbers import InvalidNumberError, normalize_number
from agent_app.his.errors import RowRefused
from agent_app.his.records import DischargeRecord, Phone, Rejection, SourceRow

_ICD10 = re.compile(r"^[A-Z][0-9]{2}(\.[0-9A-Z]{1,4}|\.x)?$", re.IGNORECASE)
_ID_NUMBER = re.compile(r"^[0-9]{17}[0-9Xx]$")
_DATE_FORMATS = ("%Y-%m-%d", "%Y/%m/%d", "%Y%m%d", "%Y.%m.%d", "%Y年%m月%d日")

_SEX = {"m": Sex.MALE, "male": Sex.MALE, "男": Sex.MALE, "1": Sex.MALE}
_SEX |= {"f": Sex.FEMALE, "female": Sex.FEMALE, "女": Sex.FEMALE, "2": Sex.FEMALE}
_SEX |= {
    "u": Sex.UNKNOWN,
    "o": Sex.UNKNOWN,
    "未知": Sex.UNKNOWN,
    "0": Sex.UNKNOWN,
    "9": Sex.UNKNOWN,
}

# Chinese front sheet (病案首页) 离院方式 codes, their words, HL7 table 0112 and our own values.
_DISPOSITION: dict[str, DischargeDisposition] = {
    "1": DischargeDisposition.HOME,
    "01": DischargeDisposition.HOME,
    "医嘱离院": DischargeDisposition.HOME,
    "治愈": DischargeDisposition.HOME,
    "好转": DischargeDisposition.HOME,
    "2": DischargeDisposition.TRANSFERRED,
    "02": DischargeDisposition.TRANSFERRED,
    "3": DischargeDisposition.TRANSFERRED,
    "03": DischargeDisposition.TRANSFERRED,
    "医嘱转院": DischargeDisposition.TRANSFERRED,
    "医嘱转社区": DischargeDisposition.TRANSFERRED,
    "转院": DischargeDisposition.TRANSFERRED,
    "4": DischargeDisposition.AGAINST_ADVICE,
    "07": DischargeDisposition.AGAINST_ADVICE,
    "非医嘱离院": DischargeDisposition.AGAINST_ADVICE,
    "自动出院": DischargeDisposition.AGAINST_ADVICE,
    "5": DischargeDisposition.DECEASED,
    "20": DischargeDisposition.DECEASED,
    "死亡": DischargeDisposition.DECEASED,
    "expired": DischargeDisposition.DECEASED,
    "9": DischargeDisposition.HOME,
    "其他": DischargeDisposition.HOME,
    "": DischargeDisposition.HOME,
}
_DISPOSITION |= {d.value: d for d in DischargeDisposition}

_RELATION_WORDS: tuple[tuple[tuple[str, ...], Relation], ...] = (
    (("本人", "self", "患者"), Relation.SELF),
    (("配偶", "妻", "夫", "老伴", "爱人", "spouse"), Relation.SPOUSE),
    (("儿子", "son", "子"), Relation.SON),
    (("女儿", "daughter", "女"), Relation.DAUGHTER),
    (("父", "母", "parent"), Relation.PARENT),
    (("兄", "弟", "姐", "妹", "sibling"), Relation.SIBLING),
)


# The store's column widths: a longer value is refused here, not by the database mid-batch.
_LIMITS = (
    ("visit_number", 40),
    ("mrn", 20),
    ("name", 60),
    ("id_number", 18),
    ("address", 200),
    ("ward", 40),
    ("diagnosis_name", 120),
    ("contact_name", 60),
)


def parse_date(text: str, field: str) -> dt.date:
    """Read a date (or the date part of a date and time) in the formats HIS exports use;
    ``field`` names the imported field (discharged_on…) in the refusal."""
    value = text.strip()
    if not value:
        raise RowRefused("row_missing", field=field)
    head = value.replace("T", " ").split(" ", 1)[0]
    if re.fullmatch(r"\d{12,14}", value):  # HL7 TS: YYYYMMDDHHMM[SS]
        head = value[:8]
    try:  # the common ISO form first: fromisoformat is far cheaper than strptime
        return dt.date.fromisoformat(head)
    except ValueError:
        pass
    for fmt in _DATE_FORMATS:
        try:
            return dt.datetime.strptime(head, fmt).date()
        except ValueError:
            continue
    raise RowRefused("row_bad_date", field=field, value=value)


def relation_of(text: str) -> Relation:
    word = text.strip().lower()
    if not word:
        return Relation.OTHER
    for words, relation in _RELATION_WORDS:
        if any(w in word for w in words):
            return relation
    return Relation.OTHER


def _phone(raw: str, relation: Relation, name: str, region: str) -> Phone | None:
    try:
        number = normalize_number(raw, region)
    except InvalidNumberError:
        return None
    kind = PhoneKind.MOBILE if number.mobile else PhoneKind.LANDLINE
    return Phone(relation, name, raw, number.e164, number.national, kind)


def _split_numbers(text: str) -> list[str]:
    # HIS fields often hold two numbers: "13812345678/0571-88886666" or "138…,139…".
    return [part.strip() for part in re.split(r"[;,，/、]", text) if part.strip()]


def phones_of(row: SourceRow, name: str, region: str) -> tuple[list[Phone], list[str]]:
    """The row's usable numbers (the patient's first, then contacts', no repeats) and the
    texts that are not numbers."""
    found: list[Phone] = []
    bad: list[str] = []
    wanted = [(raw, Relation.SELF, name) for raw in _split_numbers(row.get("phone"))]
    relation = relation_of(row.get("contact_relation"))
    contact_name = row.get("contact_name") or name
    wanted += [(raw, relation, contact_name) for raw in _split_numbers(row.get("contact_phone"))]
    for contact in row.contacts:
        kin = relation_of(contact.relation)
        wanted += [(raw, kin, contact.name or name) for raw in _split_numbers(contact.phones)]
    for raw, rel, who in wanted:
        phone = _phone(raw, rel, who, region)
        if phone is None:
            bad.append(raw)
        elif all(p.e164 != phone.e164 for p in found):
            found.append(phone)
    return found, bad


def _phones(row: SourceRow, name: str, region: str) -> tuple[Phone, ...]:
    found, bad = phones_of(row, name, region)
    if not found:
        if bad:
            raise RowRefused("row_bad_phones", numbers=", ".join(bad))
        raise RowRefused("row_no_phone")
    return tuple(found)


def _from_id_number(id_number: str) -> tuple[dt.date | None, Sex | None]:
    if not _ID_NUMBER.match(id_number):
        return None, None
    try:
        birth = dt.datetime.strptime(id_number[6:14], "%Y%m%d").date()
    except ValueError:
        return None, None
    return birth, Sex.MALE if int(id_number[16]) % 2 else Sex.FEMALE


def _department(text: str, departments: Mapping[str, str]) -> str:
    if not text:
        raise RowRefused("row_missing", field="department")
    code = departments.get(text) or departments.get(text.upper())
    if code is None:
        raise RowRefused("row_unknown_department", department=text)
    return code


def validate_row(
    row: SourceRow, source: str, departments: Mapping[str, str], region: str = "CN"
) -> DischargeRecord | Rejection:
    """``departments`` maps every accepted department code or name to its code."""
    try:
        return _validate(row, source, departments, region)
    except RowRefused as exc:
        return Rejection(
            source,
            row.ref,
            row.get("visit_number"),
            str(exc),
            dict(row.values),
            exc.code,
            exc.params,
        )


def _validate(
    row: SourceRow, source: str, departments: Mapping[str, str], region: str
) -> DischargeRecord:
    visit = row.get("visit_number")
    if not visit:
        raise RowRefused("row_missing", field="visit_number")
    mrn = row.get("mrn")  # never the visit number by guess: the mapping names a stand-in
    if not mrn:
        raise RowRefused("row_no_patient_id")
    name = row.get("name")
    if not name:
        raise RowRefused("row_missing", field="name")
    id_number = row.get("id_number").upper()
    id_birth, id_sex = _from_id_number(id_number)
    sex_text = row.get("sex").lower()
    sex = _SEX.get(sex_text) or id_sex or Sex.UNKNOWN
    if sex_text and sex_text not in _SEX:
        raise RowRefused("row_bad_sex", value=row.get("sex"))
    if row.get("birth_date"):
        birth = parse_date(row.get("birth_date"), "birth_date")
    elif id_birth is not None:
        birth = id_birth
    else:
        raise RowRefused("row_no_birth_date")
    discharged = parse_date(row.get("discharged_on"), "discharged_on")
    admitted = parse_date(row.get("admitted_on") or row.get("discharged_on"), "admitted_on")
    if admitted > discharged:
        raise RowRefused("row_admitted_after_discharge", admitted=admitted, discharged=discharged)
    revisit = parse_date(row.get("revisit_on"), "revisit_on") if row.get("revisit_on") else None
    if revisit is not None and revisit < discharged:
        raise RowRefused("row_revisit_before_discharge", revisit=revisit, discharged=discharged)
    if birth > discharged:
        raise RowRefused("row_born_after_discharge", birth=birth, discharged=discharged)
    code = row.get("diagnosis_code").upper().replace(".X", ".x")
    if code and not _ICD10.match(code):
        raise RowRefused("row_bad_icd", icd=code)
    disposition = _DISPOSITION.get(row.get("disposition").lower())
    if disposition is None:
        raise RowRefused("row_bad_disposition", value=row.get("disposition"))
    department = _department(row.get("department"), departments)
    phones = _phones(row, name, region)
    for field, limit in _LIMITS:
        if len(row.get(field)) > limit:
            raise RowRefused("row_too_long", field=field, limit=limit)
    return DischargeRecord(
        source=source,
        visit_number=visit,
        mrn=mrn,
        id_number=id_number,
        name=name,
        sex=sex,
        birth_date=birth,
        address=row.get("address"),
        phones=phones,
        admitted_on=admitted,
        discharged_on=discharged,
        department_code=department,
        ward=row.get("ward") or "—",
        diagnosis_code=code,
        diagnosis_name=row.get("diagnosis_name"),
        attending_doctor=row.get("attending_doctor"),
        attending_nurse=row.get("attending_nurse"),
        disposition=disposition,
        revisit_on=revisit,
    )
