#!/usr/bin/env python3
"""TF-IDF cosine + Hungarian assignment: the baseline accord's backbone is
measured against (issue 17), and the scorer both are judged by.

    baseline.py align DIR THRESHOLD    print the baseline's backbone as TSV (old, new)
    baseline.py score DIR LINKS.tsv    precision, recall, F1 of a backbone against DIR/truth.tsv
    baseline.py accord DIR ACCORD.json the backbone of `accord align --format json`, as TSV

DIR holds old.md, new.md and truth.tsv as written by `accord synth`.
Scoring, as in examples/scale.rs: a backbone link is correct when the truth
derives the newer paragraph from that older one; recall is over the most a
one-to-one backbone can get right (one per copied or reworded paragraph, one
per split older paragraph, one per merged paragraph).
"""
import json
import re
import sys


def paragraphs(path):
    out = {}
    for line in open(path, encoding="utf-8"):
        m = re.match(r"^(\d+)\. (.*)$", line.rstrip("\n"))
        if m:
            out[int(m.group(1))] = m.group(2)
    return [out[k] for k in sorted(out)], sorted(out)


def align(d, threshold):
    import numpy as np
    from scipy.optimize import linear_sum_assignment
    from sklearn.feature_extraction.text import TfidfVectorizer

    old, old_ids = paragraphs(f"{d}/old.md")
    new, new_ids = paragraphs(f"{d}/new.md")
    vec = TfidfVectorizer(sublinear_tf=True).fit(old + new)
    a, b = vec.transform(old), vec.transform(new)
    sim = (a @ b.T).toarray().astype(np.float32)  # rows old, columns new
    rows, cols = linear_sum_assignment(sim, maximize=True)
    for r, c in zip(rows, cols):
        if sim[r, c] >= threshold:
            print(f"{old_ids[r]}\t{new_ids[c]}")


def truth(d):
    links, attainable, split_olds = set(), 0, set()
    for line in list(open(f"{d}/truth.tsv", encoding="utf-8"))[1:]:
        new, origin, olds = line.rstrip("\n").split("\t")
        n = int(new.split(":")[1])
        olds = [int(o.split(":")[1]) for o in olds.split(",") if o]
        for o in olds:
            links.add((o, n))
        if origin in ("identical", "reworded", "merged"):
            attainable += 1
        elif origin == "split" and olds[0] not in split_olds:
            split_olds.add(olds[0])
            attainable += 1
    return links, attainable


def score(d, tsv):
    links, attainable = truth(d)
    made = [tuple(map(int, l.split("\t"))) for l in open(tsv) if l.strip()]
    hits = sum(1 for p in made if p in links)
    p = hits / max(len(made), 1)
    r = hits / max(attainable, 1)
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    print(f"P {p:.4f} R {r:.4f} F1 {f1:.4f} ({hits} of {len(made)} links; {attainable} attainable)")


def accord(d, path):
    data = json.load(open(path, encoding="utf-8"))
    for l in data["links"]:
        if l["relation"] != "related":
            o = l["old"].split(":")[1]
            n = l["new"].split(":")[1]
            print(f"{o}\t{n}")


if __name__ == "__main__":
    cmd, d = sys.argv[1], sys.argv[2]
    if cmd == "align":
        align(d, float(sys.argv[3]))
    elif cmd == "score":
        score(d, sys.argv[3])
    elif cmd == "accord":
        accord(d, sys.argv[3])
    else:
        sys.exit(__doc__)
