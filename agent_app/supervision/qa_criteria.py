"""QA criteria: what a reviewer scores on each call, read from resources/qa/criteria.json.

The file is the hospital's to change (labels in Chinese and English, maximum score per
criterion); it is checked on load and refused with the exact reason.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from agent_app.shipped_files import RESOURCES_DIR
from agent_app.supervision.errors import CriteriaError

CRITERIA_FILE = RESOURCES_DIR / "qa" / "criteria.json"
_CODE = re.compile(r"^[a-z][a-z0-9_]{0,39}$")


@dataclass(frozen=True)
class QaCriterion:
    code: str
    label_zh: str
    label_en: str
    max_score: int
    required: bool = True
    hint_zh: str = ""
    hint_en: str = ""

    def label(self, language: str) -> str:
        return self.label_en if language.lower().startswith("en") else self.label_zh


@dataclass(frozen=True)
class QaCriteria:
    version: int
    criteria: tuple[QaCriterion, ...]

    @property
    def max_total(self) -> int:
        return sum(c.max_score for c in self.criteria)

    def get(self, code: str) -> QaCriterion | None:
        return next((c for c in self.criteria if c.code == code), None)


def _text(item: Mapping[str, Any], key: str, where: str, required: bool = True) -> tuple[str, str]:
    value = item.get(key)
    if value is None and not required:
        return "", ""
    if not isinstance(value, Mapping):
        raise CriteriaError(f"{where}: '{key}' must be an object with zh_CN and en texts.")
    texts = []
    for language in ("zh_CN", "en"):
        text = value.get(language)
        if not isinstance(text, str) or not text.strip():
            raise CriteriaError(f"{where}: '{key}' has no {language} text.")
        texts.append(text.strip())
    return texts[0], texts[1]


def parse_criteria(data: Any) -> QaCriteria:
    """Check and read criteria from their JSON form; raises CriteriaError naming the problem."""
    if not isinstance(data, Mapping):
        raise CriteriaError("The QA criteria must be a JSON object with 'version' and 'criteria'.")
    version = data.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise CriteriaError("The QA criteria need a whole-number 'version' of 1 or more.")
    items = data.get("criteria")
    if not isinstance(items, list) or not items:
        raise CriteriaError("The QA criteria list 'criteria' is missing or empty.")
    seen: set[str] = set()
    criteria = []
    for n, item in enumerate(items, 1):
        where = f"Criterion {n}"
        if not isinstance(item, Mapping):
            raise CriteriaError(f"{where} is not an object.")
        code = item.get("code")
        if not isinstance(code, str) or not _CODE.match(code):
            raise CriteriaError(
                f"{where}: 'code' must be lower-case letters, digits and underscores."
            )
        where = f"Criterion '{code}'"
        if code in seen:
            raise CriteriaError(f"{where} appears twice.")
        seen.add(code)
        unknown = set(item) - {"code", "label", "hint", "max_score", "required"}
        if unknown:
            raise CriteriaError(f"{where}: unknown field(s) {', '.join(sorted(unknown))}.")
        max_score = item.get("max_score")
        if not isinstance(max_score, int) or isinstance(max_score, bool) or max_score < 1:
            raise CriteriaError(f"{where}: 'max_score' must be a whole number of 1 or more.")
        required = item.get("required", True)
        if not isinstance(required, bool):
            raise CriteriaError(f"{where}: 'required' must be true or false.")
        label = _text(item, "label", where)
        hint = _text(item, "hint", where, required=False)
        criteria.append(QaCriterion(code, *label, max_score, required, *hint))
    return QaCriteria(version, tuple(criteria))


def load_criteria(path: Path | None = None) -> QaCriteria:
    """The criteria in ``path`` (default: the shipped resources/qa/criteria.json)."""
    source = path or CRITERIA_FILE
    try:
        data = json.loads(source.read_text("utf-8"))
    except OSError as error:
        raise CriteriaError(f"Cannot read the QA criteria {source}: {error.strerror}.") from None
    except ValueError as error:
        raise CriteriaError(f"The QA criteria {source} are not valid JSON: {error}.") from None
    return parse_criteria(data)
