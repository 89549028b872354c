#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Checks that every passage the bundled datasets quote appears verbatim in its source document.

Quoted passages are the system's summary, facts' values, partnerships' descriptions, the
summaries of priorities and updates, the text and items of sections, updates' items and
indicators' notes; names, titles, labels and short fields such as a trust's kind are the
dataset's own words and are not checked. A passage's source is the source its record gives that
field in "field_sources", else the record's own "source" (a fact has its own). Passages whose
source is not a document ("structure", the boundary data) are not checked; every source whose
id ends in ".txt" is a document, and its copy must be in tests/data/sources/ (copies of the
seeds, so the test runs on its own).

Only whitespace is normalised: every run of white space (spaces, tabs, line breaks) in the
passage and in the document counts as one space, and passages are trimmed. Nothing else is
changed: not case, not quotation marks, not dashes. A passage shortened in the middle marks
the cut with " … " (an ellipsis between spaces); each part must then appear in the document,
in that order.

Usage: check-quotes.py DATA_DIR SOURCES_DIR
"""

import copy
import json
import os
import sys

SYSTEMS = ("hwe", "nel")
ELLIPSIS = " … "


def normalise(text):
    return " ".join(text.split())


def field_source(record, field):
    return record.get("field_sources", {}).get(field, record.get("source"))


def passages(d):
    """(path, source id, text) for every quoted passage of dataset d."""
    def sections(path, record):
        source = field_source(record, "sections")
        for i, section in enumerate(record.get("sections", [])):
            if "text" in section:
                yield f"{path}.sections[{i}].text", source, section["text"]
            for j, item in enumerate(section.get("items", [])):
                yield f"{path}.sections[{i}].items[{j}]", source, item

    def facts(path, record):
        for i, fact in enumerate(record.get("facts", [])):
            yield f"{path}.facts[{i}].value", fact["source"], fact["value"]

    def fields(path, record, names):
        for name in names:
            if name in record:
                yield f"{path}.{name}", field_source(record, name), record[name]

    system = d["system"]
    yield from fields("$.system", system, ("summary",))
    yield from facts("$.system", system)
    for i, p in enumerate(d.get("partnerships", [])):
        path = f"$.partnerships[{i}]"
        yield from fields(path, p, ("description",))
        yield from facts(path, p)
        yield from sections(path, p)
    for i, p in enumerate(d.get("priorities", [])):
        path = f"$.priorities[{i}]"
        yield from fields(path, p, ("summary",))
        yield from sections(path, p)
    for i, ind in enumerate(d.get("indicators", [])):
        yield from fields(f"$.indicators[{i}]", ind, ("note",))
    for i, u in enumerate(d.get("updates", [])):
        path = f"$.updates[{i}]"
        yield from fields(path, u, ("summary",))
        source = field_source(u, "items")
        for j, item in enumerate(u.get("items", [])):
            yield f"{path}.items[{j}]", source, item


def found_in_order(text, document):
    """Whether the parts of text (cut at ELLIPSIS) appear in document in order."""
    at = 0
    for part in normalise(text).split(normalise(ELLIPSIS)):
        part = part.strip()
        if not part:
            return False
        at = document.find(part, at)
        if at < 0:
            return False
        at += len(part)
    return True


def check(system, d, sources_dir, problems):
    """Checks dataset d; returns how many passages were compared with a document."""
    documents = {}
    for source in d["sources"]:
        if not source["id"].endswith(".txt"):
            continue
        path = os.path.join(sources_dir, source["id"])
        if not os.path.exists(path):
            problems.append(f"{system}: no copy of source {source['id']} in {sources_dir}")
            continue
        with open(path, encoding="utf-8") as f:
            documents[source["id"]] = normalise(f.read())

    checked = 0
    for path, source, text in passages(d):
        if source not in documents:
            continue
        checked += 1
        if not found_in_order(text, documents[source]):
            problems.append(f"{system}: {path}: not found verbatim in {source}: {text!r}")
    return checked


def self_test(d, sources_dir):
    """The check must catch a dropped word, and a passage from the wrong document."""
    for mutate in (
        lambda c: c["updates"][0]["items"].__setitem__(
            4, c["updates"][0]["items"][4].replace("the potential for ", "")),
        lambda c: c["priorities"][0].__setitem__("source", "001_df69d48bf01195d6.txt"),
    ):
        broken = copy.deepcopy(d)
        mutate(broken)
        problems = []
        check("self-test", broken, sources_dir, problems)
        if not problems:
            return False
    return True


def main(data_dir, sources_dir):
    problems = []
    total = 0
    loaded = {}
    for system in SYSTEMS:
        with open(os.path.join(data_dir, system, system + ".json"), encoding="utf-8") as f:
            loaded[system] = json.load(f)
        n = check(system, loaded[system], sources_dir, problems)
        if n == 0:
            problems.append(f"{system}: no quoted passage was checked")
        print(f"{system}: {n} quoted passages checked")
        total += n
    if not self_test(loaded["hwe"], sources_dir):
        problems.append("self-test: a changed quotation went unnoticed")
    for p in problems:
        print(p)
    print(f"{total} passages, {len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
