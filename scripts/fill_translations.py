"""Fill the desk's Qt translation sources (.ts) after lupdate has refreshed them.

The .ts files in resources/translations/ are the only place translations live; this tool
never keeps its own copy. It:

* finishes every ``en`` entry (the translation is the English source itself; numerus
  entries get both English forms),
* fills unfinished ``zh_CN`` entries from a JSON file given with ``--translations`` (what a
  translator wrote for the new strings), from a ``--reuse`` snapshot taken before lupdate
  ran (so a string moved to another class keeps its translation), or from an identical
  finished source elsewhere in the file,
* drops vanished and obsolete entries,
* refuses a translation whose placeholders ({0}, %n, %1) or accelerator (&) differ from
  the source's.

    fill_translations.py snapshot > before.json     # source -> finished zh_CN translation
    fill_translations.py unfinished > todo.json     # what still needs a translator
    fill_translations.py apply [--reuse before.json] [--translations new.json] [--replace]

``--replace`` lets the ``--translations`` file correct entries that are already finished.

A translations JSON maps the English source to the Chinese text (a list of forms for a
numerus entry); a key ``"Context::source"`` applies to one context only.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TS_DIR = ROOT / "resources" / "translations"
ZH_TS = TS_DIR / "agent_app_zh_CN.ts"
EN_TS = TS_DIR / "agent_app_en.ts"
HEADER = '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n'
DEAD_TYPES = {"vanished", "obsolete"}
_PLACEHOLDER = re.compile(r"\{\d*\}|%n|%L?\d+")

Translation = str | list[str]


def placeholders(text: str) -> Counter[str]:
    """The placeholders a translation must keep, counted (order may change)."""
    return Counter(_PLACEHOLDER.findall(text))


def has_accelerator(text: str) -> bool:
    return "&" in text.replace("&&", "")


def problem(source: str, translation: Translation) -> str | None:
    """Why a translation cannot be used for this source, or None."""
    forms = [translation] if isinstance(translation, str) else translation
    for form in forms:
        if not form.strip():
            return "empty translation"
        if placeholders(form) != placeholders(source):
            wanted, got = sorted(placeholders(source)), sorted(placeholders(form))
            return f"placeholders differ: {wanted} vs {got}"
        if has_accelerator(source) != has_accelerator(form):
            return "the & accelerator is missing or extra"
    return None


def read(path: Path) -> ET.ElementTree[ET.Element]:
    return ET.parse(path)


def write(tree: ET.ElementTree[ET.Element], path: Path) -> None:
    # lupdate rewrites the layout on its next run; only the text here matters.
    body = ET.tostring(tree.getroot(), encoding="unicode")
    path.write_text(HEADER + body + "\n", encoding="utf-8")


def messages(tree: ET.ElementTree[ET.Element]) -> list[tuple[str, ET.Element, ET.Element]]:
    """(context name, context element, message element) for every message."""
    found = []
    for context in tree.getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.findall("message"):
            found.append((name, context, message))
    return found


def is_numerus(message: ET.Element) -> bool:
    return message.get("numerus") == "yes"


def current(message: ET.Element) -> Translation | None:
    """The finished translation of a message, or None when it is unfinished or empty."""
    node = message.find("translation")
    if node is None or node.get("type") is not None:
        return None
    if is_numerus(message):
        forms = [form.text or "" for form in node.findall("numerusform")]
        return forms if forms and all(forms) else None
    return node.text or None


def set_translation(message: ET.Element, translation: Translation) -> None:
    node = message.find("translation")
    if node is None:
        node = ET.SubElement(message, "translation")
    node.attrib.pop("type", None)
    for child in list(node):
        node.remove(child)
    if is_numerus(message):
        forms = [translation] if isinstance(translation, str) else translation
        node.text = None
        for form in forms:
            ET.SubElement(node, "numerusform").text = form
    else:
        node.text = translation if isinstance(translation, str) else translation[0]


def drop_dead(tree: ET.ElementTree[ET.Element]) -> int:
    dropped = 0
    for _, context, message in messages(tree):
        node = message.find("translation")
        if node is not None and node.get("type") in DEAD_TYPES:
            context.remove(message)
            dropped += 1
    for context in list(tree.getroot().iter("context")):
        if not context.findall("message"):
            tree.getroot().remove(context)
    return dropped


def finish_english(path: Path) -> None:
    tree = read(path)
    drop_dead(tree)
    for _, _, message in messages(tree):
        source = message.findtext("source") or ""
        if current(message) is None:
            set_translation(message, [source, source] if is_numerus(message) else source)
    write(tree, path)


def snapshot(path: Path) -> dict[str, Translation]:
    """Every finished translation keyed by source and by ``Context::source``."""
    known: dict[str, Translation] = {}
    for context, _, message in messages(read(path)):
        translation = current(message)
        if translation is not None:
            source = message.findtext("source") or ""
            known.setdefault(source, translation)
            known[f"{context}::{source}"] = translation
    return known


def unfinished(path: Path) -> list[dict[str, str]]:
    todo = []
    for context, _, message in messages(read(path)):
        if current(message) is None:
            entry = {"context": context, "source": message.findtext("source") or ""}
            if message.findtext("comment"):
                entry["comment"] = message.findtext("comment") or ""
            if is_numerus(message):
                entry["numerus"] = "yes"
            todo.append(entry)
    return todo


def fill_chinese(
    path: Path, sources: list[dict[str, Translation]], replace: dict[str, Translation]
) -> list[str]:
    """Fill unfinished entries from the first source that knows them (entries named in
    ``replace`` even when finished); return complaints."""
    tree = read(path)
    drop_dead(tree)
    sources = [replace, *sources, snapshot(path)]
    complaints = []
    for context, _, message in messages(tree):
        source = message.findtext("source") or ""
        wanted = f"{context}::{source}" in replace or source in replace
        if current(message) is not None and not wanted:
            continue
        for known in sources:
            translation = known.get(f"{context}::{source}", known.get(source))
            if translation is None:
                continue
            why = problem(source, translation)
            if why is None:
                set_translation(message, translation)
                break
            complaints.append(f"{context}: {source!r} -> {translation!r}: {why}")
        else:
            complaints.append(f"{context}: {source!r} has no translation yet")
    write(tree, path)
    return complaints


def load_json(path: str | None) -> dict[str, Translation]:
    if not path:
        return {}
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    if not isinstance(data, dict):
        raise SystemExit(f"{path}: expected a JSON object of source -> translation")
    return data


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("action", choices=["snapshot", "unfinished", "apply"])
    parser.add_argument("--reuse", help="snapshot JSON taken before lupdate ran")
    parser.add_argument("--translations", help="JSON of new zh_CN translations")
    parser.add_argument(
        "--replace", action="store_true", help="let --translations correct finished entries"
    )
    args = parser.parse_args(argv)
    if args.action == "snapshot":
        json.dump(snapshot(ZH_TS), sys.stdout, ensure_ascii=False, indent=1)
        return 0
    if args.action == "unfinished":
        json.dump(unfinished(ZH_TS), sys.stdout, ensure_ascii=False, indent=1)
        return 0
    finish_english(EN_TS)
    given = load_json(args.translations)
    complaints = fill_chinese(ZH_TS, [given, load_json(args.reuse)], given if args.replace else {})
    for line in complaints:
        print(f"zh_CN unfinished: {line}", file=sys.stderr)
    if complaints:
        print(
            f"{len(complaints)} zh_CN entries still need a translation: list them with "
            "`scripts/fill_translations.py unfinished`, translate them into a JSON file and "
            "run `scripts/fill_translations.py apply --translations FILE`.",
            file=sys.stderr,
        )
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
