#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Cross-checks the bundled datasets independently of the loader: ids are unique, every
reference resolves (field_sources too), each district is in at most one place partnership and has a boundary
feature, boundary rings are closed, and every site lies inside its district's polygon."""

import json
import os
import sys

SYSTEMS = ("hwe", "nel")
KINDS = ("sources", "districts", "partnerships", "trusts", "sites", "priorities",
         "indicators", "updates")


def in_ring(x, y, ring):
    inside = False
    for i in range(len(ring)):
        x1, y1 = ring[i]
        x2, y2 = ring[i - 1]
        if (y1 > y) != (y2 > y) and x < (x2 - x1) * (y - y1) / (y2 - y1) + x1:
            inside = not inside
    return inside


def polygons(geometry):
    if geometry["type"] == "Polygon":
        return [geometry["coordinates"]]
    return geometry["coordinates"]


def in_geometry(x, y, geometry):
    return any(in_ring(x, y, p[0]) and not any(in_ring(x, y, h) for h in p[1:])
               for p in polygons(geometry))


def check(data_dir, system, problems):
    def fail(message):
        problems.append(f"{system}: {message}")

    with open(os.path.join(data_dir, system, system + ".json"), encoding="utf-8") as f:
        d = json.load(f)
    if d["id"] != system:
        fail(f"id is {d['id']}")
    b = d["boundaries"]
    with open(os.path.join(data_dir, system, b["file"]), encoding="utf-8") as f:
        features = {ft["properties"][b["code_property"]]: ft["geometry"]
                    for ft in json.load(f)["features"]}

    ids = {}
    for kind in KINDS:
        ids[kind] = [r["id"] for r in d.get(kind, [])]
        if len(ids[kind]) != len(set(ids[kind])):
            fail(f"duplicate ids in {kind}")
    sources = set(ids["sources"])
    districts = {r["id"]: r for r in d["districts"]}

    def walk(node, path):
        if isinstance(node, dict):
            if "source" in node and node["source"] not in sources:
                fail(f"{path}: unknown source {node['source']}")
            for field, source in node.get("field_sources", {}).items():
                if source not in sources:
                    fail(f"{path}.field_sources.{field}: unknown source {source}")
                if field not in node or field in ("id", "source", "field_sources"):
                    fail(f"{path}.field_sources.{field}: not a field of the record")
            for k, v in node.items():
                walk(v, f"{path}.{k}")
        elif isinstance(node, list):
            for i, v in enumerate(node):
                walk(v, f"{path}[{i}]")
    walk(d, "$")

    def district_refs(path, refs):
        for r in refs:
            if r not in districts:
                fail(f"{path}: unknown district {r}")

    placed = set()
    for p in d.get("partnerships", []):
        district_refs(f"partnership {p['id']}", p["districts"])
        if p["kind"] == "place":
            for r in p["districts"]:
                if r in placed:
                    fail(f"{r} is in two place partnerships")
                placed.add(r)
    for p in d.get("priorities", []):
        if "partnership" in p and p["partnership"] not in ids["partnerships"]:
            fail(f"priority {p['id']}: unknown partnership")
    for ind in d.get("indicators", []):
        for v in ind["values"]:
            district_refs(f"indicator {ind['id']}", v["districts"])
    for u in d.get("updates", []):
        district_refs(f"update {u['id']}", u["districts"])

    for r in d["districts"]:
        if r["code"] not in features:
            fail(f"district {r['id']} has no boundary feature")
    for code, geometry in features.items():
        for poly in polygons(geometry):
            for ring in poly:
                if len(ring) < 4 or ring[0] != ring[-1]:
                    fail(f"feature {code}: ring open or too short")

    for s in d.get("sites", []):
        if s["trust"] not in ids["trusts"]:
            fail(f"site {s['id']}: unknown trust {s['trust']}")
        district = districts.get(s["district"])
        if district is None:
            fail(f"site {s['id']}: unknown district {s['district']}")
        elif not in_geometry(s["lon"], s["lat"], features[district["code"]]):
            fail(f"site {s['id']} lies outside {district['id']}")


def main(data_dir):
    problems = []
    for system in SYSTEMS:
        check(data_dir, system, problems)
    for p in problems:
        print(p)
    print(f"{len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
