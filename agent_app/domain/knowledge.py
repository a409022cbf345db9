"""Knowledge-base articles: approved answers to patients' common questions.

An article file is Markdown with a small front matter between ``---`` lines::

    ---
    slug: wound-care-after-surgery
    title: 术后伤口怎么护理
    category: wound_care
    department: GSUR
    may_read_to_patient: yes
    review_date: 2027-06-30
    ---
    正文……

``state`` may be given too (draft / approved / retired; default approved for a shipped
file). Everything here is pure: parsing, the search query's rules, the highlighted snippet
and the ``[[kb:slug]]`` links a call script may carry. A refusal is a
:class:`KnowledgeError` with a code and the file's name, never a half-read article.
"""

from __future__ import annotations

import datetime as dt
import enum
import re
from dataclasses import dataclass
from typing import ClassVar

from agent_app.domain.coded_error import CodedError

SLUG_PATTERN = re.compile(r"^[a-z0-9][a-z0-9-]{0,59}\Z")
MAX_TITLE = 120
MAX_BODY = 20_000  # characters; an approved answer is read on the phone, not a textbook
MAX_QUERY = 40
SHORT_QUERY = 3  # the trigram index needs at least this many characters
KB_LINK = re.compile(r"\[\[kb:([a-z0-9][a-z0-9-]{0,59})\]\]")


class ArticleState(enum.StrEnum):
    DRAFT = "draft"
    APPROVED = "approved"
    RETIRED = "retired"


class ArticleCategory(enum.StrEnum):
    MEDICATION = "medication"
    WOUND_CARE = "wound_care"
    DIET = "diet"
    REVISIT = "revisit"
    INSURANCE = "insurance"
    URGENT_CARE = "urgent_care"
    SYMPTOMS = "symptoms"
    DAILY_LIFE = "daily_life"


class KnowledgeError(CodedError):
    """An article cannot be read or saved; ``source`` names the file (or is empty)."""

    ENGLISH: ClassVar[dict[str, str]] = {
        "kb_no_front_matter": "{source}: the file must start with a '---' front matter block.",
        "kb_front_matter_unclosed": "{source}: the front matter has no closing '---' line.",
        "kb_bad_front_line": "{source}, line {line}: expected 'name: value'.",
        "kb_unknown_field": "{source}: unknown front matter field '{name}'.",
        "kb_missing_field": "{source}: the front matter has no '{name}'.",
        "kb_bad_slug": "{source}: slug {value} must be 1–60 lower-case letters, digits and "
        "'-', starting with a letter or digit.",
        "kb_bad_title": "{source}: the title must be 1 to 120 characters.",
        "kb_bad_category": "{source}: unknown category '{value}'.",
        "kb_bad_state": "{source}: unknown state '{value}'.",
        "kb_bad_flag": "{source}: may_read_to_patient must be yes or no, not '{value}'.",
        "kb_bad_date": "{source}: review_date '{value}' is not a date (YYYY-MM-DD).",
        "kb_empty_body": "{source}: the article has no text.",
        "kb_body_too_long": "{source}: the article is longer than {limit} characters.",
        "kb_duplicate_slug": "{source}: slug '{slug}' is used by another file of this import.",
        "kb_unknown_department": "{source}: there is no department '{department}'.",
        "kb_not_allowed": "Only a supervisor of the owning department or an administrator may "
        "change this article.",
        "kb_not_found": "There is no article '{slug}'.",
        "kb_no_files": "The folder {source} holds no article files (*.md).",
    }


@dataclass(frozen=True)
class ArticleText:
    """One article as written in a file or in the editor, before it gets a row."""

    slug: str
    title: str
    category: ArticleCategory
    department_code: str
    may_read_to_patient: bool
    review_date: dt.date
    body: str
    state: ArticleState = ArticleState.APPROVED


_FIELDS = ("slug", "title", "category", "department", "may_read_to_patient", "review_date")
_OPTIONAL = ("state",)
_YES = {"yes": True, "true": True, "是": True, "no": False, "false": False, "否": False}


def parse_article(text: str, source: str = "") -> ArticleText:
    """Read one article file, or raise :class:`KnowledgeError` naming ``source``."""
    lines = text.lstrip("\ufeff").splitlines()
    if not lines or lines[0].strip() != "---":
        raise KnowledgeError("kb_no_front_matter", source=source)
    try:
        end = next(i for i in range(1, len(lines)) if lines[i].strip() == "---")
    except StopIteration:
        raise KnowledgeError("kb_front_matter_unclosed", source=source) from None
    fields: dict[str, str] = {}
    for number in range(1, end):
        line = lines[number].strip()
        if not line or line.startswith("#"):
            continue
        name, colon, value = line.partition(":")
        if not colon:
            raise KnowledgeError("kb_bad_front_line", source=source, line=number + 1)
        name = name.strip()
        if name not in _FIELDS and name not in _OPTIONAL:
            raise KnowledgeError("kb_unknown_field", source=source, name=name)
        fields[name] = value.strip().strip("\"'")
    for name in _FIELDS:
        if not fields.get(name):
            raise KnowledgeError("kb_missing_field", source=source, name=name)
    body = "\n".join(lines[end + 1 :]).strip()
    return checked_article(
        source,
        slug=fields["slug"],
        title=fields["title"],
        category=fields["category"],
        department_code=fields["department"],
        may_read=fields["may_read_to_patient"],
        review_date=fields["review_date"],
        body=body,
        state=fields.get("state", ArticleState.APPROVED.value),
    )


def checked_article(
    source: str,
    *,
    slug: str,
    title: str,
    category: str,
    department_code: str,
    may_read: str | bool,
    review_date: str | dt.date,
    body: str,
    state: str,
) -> ArticleText:
    """An :class:`ArticleText` from loose values (a file or the editor), every rule checked."""
    if not SLUG_PATTERN.match(slug):
        raise KnowledgeError("kb_bad_slug", source=source, value=repr(slug))
    title = title.strip()
    if not title or len(title) > MAX_TITLE:
        raise KnowledgeError("kb_bad_title", source=source)
    try:
        kind = ArticleCategory(category)
    except ValueError:
        raise KnowledgeError("kb_bad_category", source=source, value=category) from None
    try:
        approval = ArticleState(state)
    except ValueError:
        raise KnowledgeError("kb_bad_state", source=source, value=state) from None
    if isinstance(may_read, str):
        if may_read.lower() not in _YES:
            raise KnowledgeError("kb_bad_flag", source=source, value=may_read)
        may_read = _YES[may_read.lower()]
    if isinstance(review_date, str):
        try:
            review_date = dt.date.fromisoformat(review_date)
        except ValueError:
            raise KnowledgeError("kb_bad_date", source=source, value=review_date) from None
    body = body.strip()
    if not body:
        raise KnowledgeError("kb_empty_body", source=source)
    if len(body) > MAX_BODY:
        raise KnowledgeError("kb_body_too_long", source=source, limit=MAX_BODY)
    return ArticleText(
        slug, title, kind, department_code.strip(), may_read, review_date, body, approval
    )


def format_article(article: ArticleText) -> str:
    """The file text of ``article``, which :func:`parse_article` reads back unchanged."""
    return (
        "---\n"
        f"slug: {article.slug}\n"
        f"title: {article.title}\n"
        f"category: {article.category.value}\n"
        f"department: {article.department_code}\n"
        f"may_read_to_patient: {'yes' if article.may_read_to_patient else 'no'}\n"
        f"review_date: {article.review_date.isoformat()}\n"
        f"state: {article.state.value}\n"
        "---\n"
        f"{article.body}\n"
    )


# Searching ------------------------------------------------------------------------------------


def search_query(text: str) -> str:
    """The query as searched: trimmed, inner white space collapsed, at most MAX_QUERY
    characters; empty means "nothing to search"."""
    return " ".join(text.split())[:MAX_QUERY]


_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


def fold_case(text: str) -> str:
    """Latin capitals to small letters, nothing else: what SQL ``lower()`` does on both
    engines (SQLite always, PostgreSQL under the C locale), so both sides agree."""
    return text.translate(_ASCII_LOWER)


def query_grams(query: str) -> list[str]:
    """What the short-query index is asked for: the character itself for a one-character
    query, else the query's overlapping pairs (each article indexes every character and pair)."""
    lowered = fold_case(query)
    if len(lowered) <= 1:
        return [lowered] if lowered else []
    return list(dict.fromkeys(lowered[i : i + 2] for i in range(len(lowered) - 1)))


@dataclass(frozen=True)
class SnippetPart:
    text: str
    hit: bool


def snippet(text: str, query: str, width: int = 80) -> tuple[SnippetPart, ...]:
    """About ``width`` characters of ``text`` around the first hit of ``query`` (case-blind),
    every hit inside marked; the opening of the text when it does not contain the query."""
    flat = " ".join(text.split())
    lowered, wanted = fold_case(flat), fold_case(query)
    first = lowered.find(wanted) if wanted else -1
    if first < 0:
        cut = flat[:width]
        return (SnippetPart(cut + ("…" if len(flat) > width else ""), False),)
    start = max(0, first - width // 3)
    end = min(len(flat), start + width)
    parts: list[SnippetPart] = []
    if start > 0:
        parts.append(SnippetPart("…", False))
    at = start
    while at < end:
        hit = lowered.find(wanted, at, end)
        if hit < 0 or hit + len(wanted) > end:
            parts.append(SnippetPart(flat[at:end], False))
            break
        if hit > at:
            parts.append(SnippetPart(flat[at:hit], False))
        parts.append(SnippetPart(flat[hit : hit + len(wanted)], True))
        at = hit + len(wanted)
    if end < len(flat):
        parts.append(SnippetPart("…", False))
    return tuple(parts)


# Links from call scripts ----------------------------------------------------------------------


@dataclass(frozen=True)
class TextPart:
    text: str
    slug: str | None = None  # set: this part is a link to that article


def split_links(text: str) -> tuple[TextPart, ...]:
    """``text`` cut at its ``[[kb:slug]]`` markers: plain parts and link parts."""
    parts: list[TextPart] = []
    at = 0
    for match in KB_LINK.finditer(text):
        if match.start() > at:
            parts.append(TextPart(text[at : match.start()]))
        parts.append(TextPart(match.group(1), match.group(1)))
        at = match.end()
    if at < len(text):
        parts.append(TextPart(text[at:]))
    return tuple(parts)


def linked_slugs(text: str) -> tuple[str, ...]:
    """The article slugs ``text`` links to, in order, once each."""
    return tuple(dict.fromkeys(m.group(1) for m in KB_LINK.finditer(text)))
