#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Validates the bundled datasets against data/ics-atlas-dataset.schema.json, and checks that
the schema rejects what the format forbids (unknown members, bad ids, bad colours)."""

import copy
import json
import os
import sys

import jsonschema

DATASETS = ("hwe/hwe.json", "nel/nel.json")


def load(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def main(data_dir):
    schema = load(os.path.join(data_dir, "ics-atlas-dataset.schema.json"))
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    failures = 0

    for name in DATASETS:
        dataset = load(os.path.join(data_dir, name))
        for err in validator.iter_errors(dataset):
            print(f"{name}: {err.json_path}: {err.message}")
            failures += 1

    # The schema must catch what the format rules out.
    base = load(os.path.join(data_dir, DATASETS[0]))
    broken = []
    d = copy.deepcopy(base); d["districts"][0]["coutny"] = "Hertfordshire"
    broken.append(("unknown member", d))
    d = copy.deepcopy(base); d["sites"][0]["id"] = "Watford General"
    broken.append(("id syntax", d))
    d = copy.deepcopy(base); d["partnerships"][0]["colour"] = "blue"
    broken.append(("colour syntax", d))
    d = copy.deepcopy(base); del d["trusts"][0]["source"]
    broken.append(("missing source", d))
    d = copy.deepcopy(base); d["format"] = "ics-atlas/2"
    broken.append(("format", d))
    d = copy.deepcopy(base); d["sites"][0]["lat"] = 91
    broken.append(("latitude range", d))
    d = copy.deepcopy(base); d["sites"][0]["kind"] = "hospital"
    broken.append(("site kind", d))
    for what, dataset in broken:
        if validator.is_valid(dataset):
            print(f"schema accepts a dataset with a bad {what}")
            failures += 1

    print(f"{failures} problem(s)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
