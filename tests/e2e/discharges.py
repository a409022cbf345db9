"""The day's discharges as the HIS interface engine sends them: ADT^A03 over MLLP."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from tests.his.hl7_messages import a03

SAMPLE_ID_NUMBER = "110105195203142466"  # the one a03() writes for everybody


@dataclass(frozen=True)
class Discharge:
    control: str
    visit: str
    mrn: str
    family: str
    given: str
    phone: str  # a mobile number as the HIS writes it
    department: str = "CARD"
    doctor: str = "wujianhua^吴^建华"
    nurse: str | None = "zengqiang^曾^强"
    diagnosis: str = "I21.9^急性心肌梗死^I10"

    @property
    def name(self) -> str:
        return self.family + self.given

    @property
    def e164(self) -> str:
        return "+86" + self.phone

    @property
    def id_number(self) -> str:
        """A resident ID number of its own (the HIS matches patients by it), check digit
        included."""
        body = f"11010519520314{int(self.mrn[-3:]):03d}"
        weights = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
        return (
            body + "10X98765432"[sum(int(c) * w for c, w in zip(body, weights, strict=True)) % 11]
        )

    def message(self, discharged: dt.date) -> str:
        stamp = discharged.strftime("%Y%m%d")
        admitted = (discharged - dt.timedelta(days=6)).strftime("%Y%m%d")
        text = a03(
            control=self.control,
            visit=self.visit,
            mrn=self.mrn,
            family=self.family,
            given=self.given,
            phone=self.phone,
            kin=None,
            department=self.department,
            doctor=self.doctor,
            nurse=self.nurse,
            diagnosis=self.diagnosis,
            admitted=admitted + "083000",
            discharged=stamp + "103000",
        )
        return text.replace(SAMPLE_ID_NUMBER, self.id_number)


# Before the sampling: three cardiology patients for the agent's queue, one neurology patient
# in that department's pool (out of the cardiology desks' sight).
MORNING = (
    Discharge("DAY0001", "ZY50001", "BA500001", "周", "桂芳", "13900001111"),
    Discharge("DAY0002", "ZY50002", "BA500002", "孙", "建国", "13900002222"),
    Discharge("DAY0003", "ZY50003", "BA500003", "钱", "秀兰", "13900003333"),
    Discharge(
        "DAY0004", "ZY50004", "BA500004", "郑", "志明", "13900004444", department="NEUR",
        doctor="huanglihua^黄^丽华", nurse=None, diagnosis="I63.9^脑梗死^I10",
    ),
)  # fmt: skip
# After the sampling: the afternoon's discharges.
AFTERNOON = (
    Discharge("DAY0005", "ZY50005", "BA500005", "吴", "淑珍", "13900005555"),
    Discharge("DAY0006", "ZY50006", "BA500006", "冯", "德胜", "13900006666"),
)
