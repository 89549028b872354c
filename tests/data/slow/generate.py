#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Writes the slow set: valid (or, where said, invalid) datasets of pathological shape, too
large to keep in the repository. Each shape is a dataset NAME.json with its boundary file
NAME.geojson (when it has districts of its own) in OUTDIR.

    generate.py OUTDIR [SHAPE...]      (every shape when none is named)
    generate.py --list                 the shapes, one per line

The benchmark (tests/bench/bench-slow.c, build-aux/bench.sh) loads each one and reports its
time beside the JSON reader alone parsing the same bytes."""

import json
import os
import sys


def boundary_source():
    return [{"id": "notes", "title": "Generated test data"},
            {"id": "shapes", "title": "Generated squares", "licence": "Public domain"}]


def square(i, side, size=0.01):
    """The i-th cell of a side x side grid of squares, lon 0.. and lat 50..."""
    x = (i % side) * size
    y = 50 + (i // side) * size
    return [[[round(x, 6), round(y, 6)], [round(x + size, 6), round(y, 6)],
             [round(x + size, 6), round(y + size, 6)], [round(x, 6), round(y + size, 6)],
             [round(x, 6), round(y, 6)]]]


def write_boundaries(path, codes):
    side = 1
    while side * side < len(codes):
        side += 1
    with open(path, "w") as out:
        out.write('{"type":"FeatureCollection","features":[\n')
        for i, code in enumerate(codes):
            feature = {"type": "Feature", "properties": {"code": code},
                       "geometry": {"type": "Polygon", "coordinates": square(i, side)}}
            out.write(("," if i else "") + json.dumps(feature, separators=(",", ":")) + "\n")
        out.write("]}\n")


def dataset(name, districts, **records):
    data = {
        "format": "ics-atlas/1",
        "id": name,
        "system": {"name": "Generated " + name, "short_name": name, "source": "notes"},
        "boundaries": {"file": name + ".geojson", "code_property": "code", "source": "shapes"},
        "sources": boundary_source(),
        "districts": [{"id": d, "name": "District " + d, "code": c, "source": "notes"}
                      for d, c in districts],
    }
    data.update(records)
    return data


def write(outdir, name, data, codes):
    with open(os.path.join(outdir, name + ".json"), "w") as out:
        json.dump(data, out, ensure_ascii=False, separators=(",", ":"))
    write_boundaries(os.path.join(outdir, name + ".geojson"), codes)


def plain_districts(n):
    return [("d%d" % i, "C%07d" % i) for i in range(n)]


def colliding(n, blocks, prefix=""):
    """n strings with the same value of GLib's g_str_hash (h = h * 33 + c): each is a
    sequence of two-character blocks from a pair with equal a * 33 + b."""
    bits = max(1, (n - 1).bit_length())
    out = []
    for i in range(n):
        out.append(prefix + "".join(blocks[(i >> b) & 1] for b in range(bits)))
    return out


def shape_ordinary_keys(outdir):
    """65,536 districts with ordinary ids and codes: the baseline of colliding-keys."""
    districts = plain_districts(65536)
    write(outdir, "ordinary-keys", dataset("ordinary-keys", districts), [c for _, c in districts])


def shape_colliding_keys(outdir):
    """65,536 districts whose ids ("c0"/"ar" blocks) and codes ("Ez"/"FY" blocks) all share
    one g_str_hash value."""
    ids = colliding(65536, ["c0", "ar"])
    codes = colliding(65536, ["Ez", "FY"])
    districts = list(zip(ids, codes))
    write(outdir, "colliding-keys", dataset("colliding-keys", districts), codes)


def shape_colliding_members(outdir):
    """Invalid: one object with 65,536 member names that share one g_str_hash value (the
    reader's duplicate-member check); every one is an unknown member."""
    names = colliding(65536, ["Ez", "FY"])
    data = dataset("colliding-members", plain_districts(3))
    data["system"].update({n: 1 for n in names})
    write(outdir, "colliding-members", data, [c for _, c in plain_districts(3)])


def shape_districts_100k(outdir):
    """100,000 districts, one place partnership and one update listing every one of them."""
    districts = plain_districts(100000)
    ids = [d for d, _ in districts]
    data = dataset("districts-100k", districts,
                   partnerships=[{"id": "all", "name": "Everyone", "kind": "place",
                                  "districts": ids, "source": "notes"}],
                   updates=[{"id": "news", "date": "2024-01-31", "title": "Everyone",
                             "districts": ids, "source": "notes"}])
    write(outdir, "districts-100k", data, [c for _, c in districts])


def shape_indicator_200k(outdir):
    """13 districts and an indicator with 200,000 distinct values."""
    districts = plain_districts(13)
    values = [{"area": "Area %d" % i, "value": i * 0.5 + 0.25,
               "districts": [districts[i % 13][0]]} for i in range(200000)]
    data = dataset("indicator-200k", districts,
                   indicators=[{"id": "many", "title": "Many values", "unit": "%",
                                "period": "2024", "values": values, "source": "notes"}])
    write(outdir, "indicator-200k", data, [c for _, c in districts])


def shape_section_200k(outdir):
    """A priority and a partnership with a section of 200,000 items."""
    districts = plain_districts(13)
    section = {"title": "Everything", "items": ["Item %d" % i for i in range(200000)]}
    data = dataset("section-200k", districts,
                   partnerships=[{"id": "all", "name": "Everyone", "kind": "place",
                                  "districts": [d for d, _ in districts],
                                  "sections": [section], "source": "notes"}],
                   priorities=[{"id": "long", "number": 1, "title": "A long priority",
                                "sections": [section], "source": "notes"}])
    write(outdir, "section-200k", data, [c for _, c in districts])


def partnerships(n, districts):
    ids = [d for d, _ in districts]
    return [{"id": "p%d" % i, "name": "Partnership %d" % i,
             "kind": "place" if i < len(ids) else "thematic",
             "districts": [ids[i % len(ids)]], "source": "notes"} for i in range(n)]


def shape_partnerships_10k(outdir):
    """13 districts and 10,000 partnerships."""
    districts = plain_districts(13)
    data = dataset("partnerships-10k", districts, partnerships=partnerships(10000, districts))
    write(outdir, "partnerships-10k", data, [c for _, c in districts])


def shape_pack_1000(outdir):
    """13 districts and 1,000 partnerships: a meeting pack of 1,001 pages."""
    districts = plain_districts(13)
    data = dataset("pack-1000", districts, partnerships=partnerships(1000, districts))
    write(outdir, "pack-1000", data, [c for _, c in districts])


def shape_pack_100(outdir):
    """13 districts and 100 partnerships: the baseline of pack-1000."""
    districts = plain_districts(13)
    data = dataset("pack-100", districts, partnerships=partnerships(100, districts))
    write(outdir, "pack-100", data, [c for _, c in districts])


def shape_problems_1m(outdir):
    """Invalid: 375,000 empty districts, four problems each (1.5 million problems)."""
    data = dataset("problems-1m", [])
    data["districts"] = [{} for _ in range(375000)]
    write(outdir, "problems-1m", data, [])


def ring_shape(outdir, name, ring):
    districts = [("ring", "R1")]
    data = dataset(name, districts)
    with open(os.path.join(outdir, name + ".json"), "w") as out:
        json.dump(data, out, separators=(",", ":"))
    feature = {"type": "Feature", "properties": {"code": "R1"},
               "geometry": {"type": "Polygon", "coordinates": [ring]}}
    with open(os.path.join(outdir, name + ".geojson"), "w") as out:
        json.dump({"type": "FeatureCollection", "features": [feature]}, out,
                  separators=(",", ":"))


def comb(outdir, name, teeth):
    ring = [[0.0, 50.0]]
    for i in range(teeth):
        y = 50.0 + (i + 1) * 1.0 / (teeth + 1)
        ring.append([2.0, round(y, 9)])
        ring.append([0.1, round(y + 0.25 / (teeth + 1), 9)])
    ring.append([0.0, 51.0])
    ring.append([0.0, 50.0])
    ring_shape(outdir, name, ring)


def shape_comb_100k(outdir):
    """A ring of 100,000 edges, a zigzag whose edges all overlap in longitude: the old
    crossing check compared every pair of them (up to its budget)."""
    comb(outdir, "comb-100k", 50000)


def shape_comb_10k(outdir):
    """The same zigzag with 10,000 edges: the baseline of comb-100k's growth."""
    comb(outdir, "comb-10k", 5000)


def shape_ring_1m(outdir):
    """A ring of 1,000,000 positions on a circle: large, and far from pathological."""
    import math
    n = 1000000
    ring = []
    for i in range(n):
        a = 2 * math.pi * i / n
        ring.append([round(1 + 0.5 * math.cos(a), 9), round(51 + 0.5 * math.sin(a), 9)])
    ring.append(ring[0])
    ring_shape(outdir, "ring-1m", ring)


SHAPES = {name[len("shape_"):].replace("_", "-"): f
          for name, f in sorted(globals().items()) if name.startswith("shape_")}


def main(argv):
    if len(argv) == 2 and argv[1] == "--list":
        print("\n".join(SHAPES))
        return 0
    if len(argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    outdir = argv[1]
    os.makedirs(outdir, exist_ok=True)
    for name in argv[2:] or SHAPES:
        if name not in SHAPES:
            print("generate.py: no shape %r" % name, file=sys.stderr)
            return 2
        SHAPES[name](outdir)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
