#!/usr/bin/env python3
"""Build the own diplomatic-wire evaluation set from marked-up sources.

  python3 scripts/own-eval-build.py      reads eval/own/src/*.txt, writes
                                         eval/own/{quotes,dates,metadata}.jsonl and
                                         eval/own/dates-textdate.jsonl (no Date: header;
                                         only stories whose text gives the full date);
                                         reads eval/own/official/*.txt (readouts, official
                                         and joint statements, a meeting record, an
                                         interview), writes eval/own/official-{quotes,
                                         metadata}.jsonl and each text, markup removed, as
                                         fixtures/official-<name>.txt (snapshotted by the
                                         golden tests); reads eval/own/official-heldout*/*.txt
                                         (documents written blind, after the rules: 12 in
                                         each directory), writes eval/own/<directory>-
                                         {quotes,metadata}.jsonl (no fixtures: the tool's
                                         tests never see them)

The stories are our own fictional writing (no real text). Each source file has
header lines `# key: value` (id, dct, agency, place, date, headline; `none` =
null, i.e. not scored; doc_type and issuer, where `none` is a null the tool must
give; an issuer `A | B` lists acceptable names), then the story with inline markup:

  {{qN K S C R}}...{{/qN}}  a statement; K = d (direct), m (mixed/partial),
                          i (indirect); S = speaker mention tag (sL), or -, or
                          =Full_Name (no mention: the resolved speaker only, `_` for
                          spaces: an unlabelled answer); C = cue tag (cL) or -;
                          R (optional) = the role of a transcript's turn (question,
                          answer, statement). Repeating {{qN}} (no attributes) later
                          opens another fragment of the same statement: the gold
                          span then covers the whole stretch, with "fragments".
  {{sL}}...{{/sL}}        a speaker mention with label L; {{sL=Full Name}} also
                          gives the resolved speaker (pronouns, role nouns).
  {{cL}}...{{/cL}}        a cue with label L.
  {{t TYPE VALUE}}...{{/t}}  a TIMEX3 (TempEval-3 span and value conventions).

Offsets are code points (Python str indices) into the stripped text. Every span
is checked (text[start:end] == span text, no markup left, headline/place found).
"""
import glob, json, os, re, sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OWN = os.path.join(ROOT, "eval", "own")
TAG = re.compile(r"\{\{(/?)([^{}]*)\}\}")


def parse(path):
    raw = open(path, encoding="utf-8").read()
    head, lines = {}, raw.split("\n")
    i = 0
    while i < len(lines) and lines[i].startswith("# "):
        k, _, v = lines[i][2:].partition(":")
        head[k.strip()] = None if v.strip() == "none" else v.strip()
        i += 1
    body = "\n".join(lines[i:]).strip("\n") + "\n"
    out, pos, last = [], 0, 0
    opened = {}  # key -> (start, attrs)
    quotes, mentions, cues, timexes = {}, {}, {}, []
    for m in TAG.finditer(body):
        out.append(body[last:m.start()])
        pos += m.start() - last
        last = m.end()
        closing, inner = m.group(1) == "/", m.group(2).strip()
        if closing:
            key = inner
            if key not in opened:
                sys.exit(f"{path}: close {key} without open")
            start, attrs = opened.pop(key)
            if key == "t":
                timexes.append((start, pos, attrs))
            elif key[0] == "q":
                quotes.setdefault(key, {"frags": [], "attrs": None})["frags"].append((start, pos))
            elif key[0] == "s":
                mentions[key] = (start, pos, attrs)
            elif key[0] == "c":
                cues[key] = (start, pos)
        else:
            parts = inner.split()
            key = parts[0]
            if key == "t":
                opened["t"] = (pos, parts[1:])
                continue
            if key[0] == "s":
                lab, _, res = inner[1:].partition("=")
                key = "s" + lab
                attrs = res or None
            elif key[0] == "q":
                attrs = parts[1:] or None
                if attrs:
                    quotes.setdefault(key, {"frags": [], "attrs": None})["attrs"] = attrs
            else:
                attrs = None
            if key in opened:
                sys.exit(f"{path}: {key} opened twice")
            opened[key] = (pos, attrs)
    out.append(body[last:])
    if opened:
        sys.exit(f"{path}: unclosed {list(opened)}")
    text = "".join(out)
    assert "{{" not in text and "}}" not in text, path
    return head, text, quotes, mentions, cues, timexes


def build(path):
    head, text, quotes, mentions, cues, timexes = parse(path)
    sid = head["id"]
    qs = []
    for key, q in quotes.items():
        if not q["attrs"]:
            sys.exit(f"{path}: {key} has no attributes")
        kind, spk, cue, role = (q["attrs"] + ["-", "-", "-"])[:4]
        kind = {"d": "direct", "m": "mixed", "i": "indirect"}[kind]
        frags = sorted(q["frags"])
        s, e = frags[0][0], frags[-1][1]
        g = {"start": s, "end": e, "text": text[s:e], "kind": kind}
        if spk.startswith("="):
            g.update(speaker=None, speaker_start=None, speaker_end=None,
                     speaker_resolved=spk[1:].replace("_", " "))
        elif spk != "-":
            if spk not in mentions:
                sys.exit(f"{path}: {key} speaker {spk} not marked")
            ms, me, res = mentions[spk]
            g.update(speaker=text[ms:me], speaker_start=ms, speaker_end=me)
            if res:
                g["speaker_resolved"] = res
        if cue != "-":
            if cue not in cues:
                sys.exit(f"{path}: {key} cue {cue} not marked")
            cs, ce = cues[cue]
            g.update(cue=text[cs:ce], cue_start=cs, cue_end=ce)
        if role != "-":
            assert role in ("question", "answer", "statement"), (path, role)
            g["role"] = role
        if len(frags) > 1:
            g["fragments"] = [{"start": a, "end": b, "text": text[a:b]} for a, b in frags]
        qs.append(g)
    qs.sort(key=lambda g: g["start"])
    tx = []
    for s, e, attrs in sorted(timexes):
        typ, val = attrs
        assert typ in ("DATE", "TIME", "DURATION", "SET"), (path, attrs)
        tx.append({"start": s, "end": e, "text": text[s:e], "type": typ, "value": val})
    # checks: every span reads back, no span starts or ends in white space
    for g in qs + tx:
        assert text[g["start"]:g["end"]] == g["text"], (path, g)
        assert g["text"] == g["text"].strip(), (path, g["text"])
    for lab, (ms, me, _) in mentions.items():
        assert text[ms:me].strip() == text[ms:me], (path, lab)
    md = {k: head.get(k) for k in ("agency", "place", "date", "headline")}
    # doc_type and issuer are scored only where the header gives them (`none`: must be null).
    md.update({k: head[k] for k in ("doc_type", "issuer") if k in head})
    if md.get("issuer") and " | " in md["issuer"]:
        md["issuer"] = md["issuer"].split(" | ")  # acceptable names (score_metadata.py)
    for k in ("place", "headline"):
        if md[k] is not None:
            assert md[k] in text, (path, k, md[k])
    if md["date"] is not None:
        assert re.match(r"^(\d{4}|XXXX)-\d\d-\d\d$", md["date"]), (path, md["date"])
    assert re.match(r"^\d{4}-\d\d-\d\d$", head["dct"]), path
    return ({"id": sid, "text": text, "quotes": qs},
            {"id": sid, "dct": head["dct"], "text": text, "timexes": tx},
            {"id": sid, "text": text, "metadata": md})


def build_heldout(name, seen):
    """Writes eval/own/<name>-{quotes,metadata}.jsonl from eval/own/<name>/*.txt; returns the
    ids, which must be new."""
    hrows = [build(f) for f in sorted(glob.glob(os.path.join(OWN, name, "*.txt")))]
    hids = [r[0]["id"] for r in hrows]
    assert len(hids) == len(set(hids)) and not set(hids) & set(seen), name
    for n, part in ((0, "quotes"), (2, "metadata")):
        with open(os.path.join(OWN, f"{name}-{part}.jsonl"), "w", encoding="utf-8") as f:
            for r in hrows:
                f.write(json.dumps(r[n], ensure_ascii=False) + "\n")
    hq = [g for r in hrows for g in r[0]["quotes"]]
    print(f"{name}: {len(hrows)} documents, "
          f"{sum(len(r[0]['text'].split()) for r in hrows)} words, {len(hq)} statements "
          + ", ".join(f"{k} {sum(g['kind'] == k for g in hq)}" for k in ("direct", "mixed", "indirect"))
          + f", {sum('role' in g for g in hq)} turns")
    return hids


def main():
    files = sorted(glob.glob(os.path.join(OWN, "src", "*.txt")))
    rows = [build(f) for f in files]
    ids = [r[0]["id"] for r in rows]
    assert len(ids) == len(set(ids)), "duplicate ids"
    for n, name in enumerate(("quotes", "dates", "metadata")):
        with open(os.path.join(OWN, f"{name}.jsonl"), "w", encoding="utf-8") as f:
            for r in rows:
                f.write(json.dumps(r[n], ensure_ascii=False) + "\n")
    # The same gold without the "Date:" header, for the stories whose text carries the full
    # story date (year included): measures dates when the tool must find the anchor itself.
    with open(os.path.join(OWN, "dates-textdate.jsonl"), "w", encoding="utf-8") as f:
        for q, d, m in rows:
            md = m["metadata"]["date"]
            if md and md[0].isdigit():
                assert md == d["dct"], (d["id"], md, d["dct"])
                f.write(json.dumps(dict(d, dct=None), ensure_ascii=False) + "\n")
    official = sorted(glob.glob(os.path.join(OWN, "official", "*.txt")))
    orows = [build(f) for f in official]
    for n, name in ((0, "quotes"), (2, "metadata")):
        with open(os.path.join(OWN, f"official-{name}.jsonl"), "w", encoding="utf-8") as f:
            for r in orows:
                f.write(json.dumps(r[n], ensure_ascii=False) + "\n")
    for f, r in zip(official, orows):
        name = os.path.basename(f)[3:]  # without the `01-` order prefix
        with open(os.path.join(ROOT, "fixtures", f"official-{name}"), "w", encoding="utf-8") as out:
            out.write(r[0]["text"])
    print(f"official: {len(orows)} documents, "
          f"{sum(len(r[0]['quotes']) for r in orows)} statements")
    # Held out: written blind, scored once before any rule saw them (official-heldout/ on
    # 2026-12-08, official-heldout2/ on 2026-12-08 in the next session). No fixtures, so that
    # no test (and no rule written against the tests) sees them.
    seen = ids + [r[0]["id"] for r in orows]
    for d in sorted(glob.glob(os.path.join(OWN, "official-heldout*/"))):
        seen += build_heldout(os.path.basename(os.path.dirname(d)), seen)
    nq = sum(len(r[0]["quotes"]) for r in rows)
    nt = sum(len(r[1]["timexes"]) for r in rows)
    words = sum(len(r[0]["text"].split()) for r in rows)
    print(f"{len(rows)} stories, {words} words, {nq} statements, {nt} timexes")


if __name__ == "__main__":
    main()
