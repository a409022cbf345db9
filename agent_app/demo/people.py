"""Random but realistic personal data: names, Chinese phone numbers, resident ID numbers."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from agent_app.demo import catalog

_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK = "10X98765432"


@dataclass(frozen=True)
class PhoneNumber:
    raw: str  # as the HIS recorded it
    e164: str
    national: str
    mobile: bool


def chinese_name(rng: random.Random, male: bool) -> tuple[str, str]:
    """A (name, pinyin) pair such as ("王建国", "wangjianguo")."""
    surname, s_py = rng.choice(catalog.SURNAMES)
    given, g_py = rng.choice(catalog.GIVEN_MALE if male else catalog.GIVEN_FEMALE)
    return surname + given, s_py + g_py


def english_name(rng: random.Random, male: bool) -> str:
    first = rng.choice(catalog.ENGLISH_FIRST_MALE if male else catalog.ENGLISH_FIRST_FEMALE)
    return f"{first} {rng.choice(catalog.ENGLISH_LAST)}"


def mobile_number(rng: random.Random) -> PhoneNumber:
    national = rng.choice(catalog.MOBILE_PREFIXES) + f"{rng.randrange(100_000_000):08d}"
    style = rng.random()
    if style < 0.6:
        raw = national
    elif style < 0.8:
        raw = f"{national[:3]} {national[3:7]} {national[7:]}"
    elif style < 0.92:
        raw = f"+86 {national[:3]}-{national[3:7]}-{national[7:]}"
    else:
        raw = "0086" + national
    return PhoneNumber(raw, "+86" + national, national, True)


def landline_number(rng: random.Random) -> PhoneNumber:
    area = rng.choice(catalog.AREA_CODES)
    local = f"{rng.randrange(2, 9)}{rng.randrange(10_000_000):07d}"
    national = area + local
    raw = f"0{area}-{local}" if rng.random() < 0.7 else f"(0{area}){local}"
    return PhoneNumber(raw, "+86" + national, national, False)


def resident_id(rng: random.Random, birth: dt.date, male: bool) -> str:
    """An 18-character resident ID with a valid GB 11643 check character."""
    seq = rng.randrange(0, 500) * 2 + (1 if male else 0)
    body = f"{rng.choice(catalog.REGION_CODES)}{birth:%Y%m%d}{seq:03d}"
    total = sum(int(d) * w for d, w in zip(body, _ID_WEIGHTS, strict=True))
    return body + _ID_CHECK[total % 11]


def address(rng: random.Random) -> str:
    return f"{rng.choice(catalog.ADDRESS_STREETS)}{rng.randrange(1, 400)}号{rng.randrange(1, 30)}栋"


def revisit_after(episode_id: int) -> dt.timedelta:
    """The re-visit the demo's doctors book: two, three or four weeks after discharge.

    Drawn from the episode id, not the random stream, so adding it changed no other demo value.
    """
    return dt.timedelta(days=14 + 7 * (episode_id % 3))
