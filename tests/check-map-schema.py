#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Checks map documents against data/ics-atlas-map.schema.json.

With only the source folder: the example documents and the good fixtures validate, and the
schema refuses what the format forbids (the malformed fixtures that need no dataset to be
refused, and a few changes to the example). With files after it: those files validate (the
window's round-trip test checks the document it saved this way)."""

import copy
import glob
import json
import os
import sys

import jsonschema

# Refused only against the dataset they name, which a schema cannot see. (A view with west
# east of east is not a schema's to find either: no keyword compares two members.)
NEEDS_DATASET = {
    "dangling-district",
    "missing-dataset",
    "unknown-thematic",
    "wrong-dataset-id",
}


def load(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def main(top, files):
    schema = load(os.path.join(top, "data", "ics-atlas-map.schema.json"))
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    failures = 0

    good = files or (sorted(glob.glob(os.path.join(top, "docs", "examples", "*.atlas")))
                     + sorted(glob.glob(os.path.join(top, "tests", "data", "documents", "good",
                                                     "*.atlas"))))
    for path in good:
        for err in validator.iter_errors(load(path)):
            print(f"{path}: {err.json_path}: {err.message}")
            failures += 1
    if files:
        print(f"{failures} problem(s)")
        return 1 if failures else 0

    for path in sorted(glob.glob(os.path.join(top, "tests", "data", "documents", "bad",
                                              "*.atlas"))):
        name = os.path.basename(path)[:-len(".atlas")]
        try:
            document = load(path)
        except json.JSONDecodeError:
            continue
        if validator.is_valid(document) == (name not in NEEDS_DATASET):
            print(f"{path}: the schema {'accepts' if name not in NEEDS_DATASET else 'refuses'} it")
            failures += 1

    base = load(os.path.join(top, "docs", "examples", "watford-health-hub.atlas"))
    broken = []
    d = copy.deepcopy(base); d["annotations"][0]["points"].append([0, 51])
    broken.append(("pin with two points", d))
    d = copy.deepcopy(base); del d["annotations"][0]["label"]
    broken.append(("pin without a label", d))
    d = copy.deepcopy(base); d["annotations"][0]["colour"] = "pink"
    broken.append(("colour", d))
    d = copy.deepcopy(base); d["annotations"][0]["points"][0] = [-0.4, 86]
    broken.append(("latitude the map cannot show", d))
    d = copy.deepcopy(base); d["selection"]["kind"] = "county"
    broken.append(("selection kind", d))
    d = copy.deepcopy(base); d["system"] = {"id": "herts"}
    broken.append(("system id", d))
    d = copy.deepcopy(base); d["zoom"] = 9
    broken.append(("unknown member", d))
    d = copy.deepcopy(base)
    d["data_layers"] = [{"kind": "points", "name": "x", "source_name": "a/b.csv",
                         "media_type": "text/csv", "lines": []}]
    broken.append(("data layer named by a path", d))
    d = copy.deepcopy(base)
    d["data_layers"] = [{"kind": "points", "name": "x", "source_name": "b.csv",
                         "media_type": "text/csv", "lines": ["a\nb"]}]
    broken.append(("line holding a line break", d))
    for what, document in broken:
        if validator.is_valid(document):
            print(f"schema accepts a document with a bad {what}")
            failures += 1

    print(f"{failures} problem(s)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2:]))
