#!/usr/bin/env python3
"""Build the project's own PLOVER event gold from marked-up diplomatic stories.

Input: eval/own/events/NN-<slug>.txt (30 fictional wire stories, invented text).
Output: eval/own/events-dev.jsonl (story numbers not divisible by 3) and
eval/own/events-heldout.jsonl (03, 06, ..., 30), one line per story in the
format read by ../shared/eval/events/score_events.py:
{"id", "text", "date", "events": [{"event_type", "mode", "actors": [...],
"recipients": [...], "joint", "status", "date", "trigger_start", "trigger_end"}]}
with entities {"name", "code", "sector", "text", "start", "end"} (code point
offsets into "text").

MARKUP (one file per story)
  The story text comes first, then a line "===" and the annotation footer.
  In the text:
    [words]{key}     an entity mention; key is an entity id from the footer,
                     optionally with a suffix to tell mentions apart
                     ("lav", "lav.2", "lav.3"): the part before "." names the entity.
                     The mention id (with suffix) must be unique in the story.
    [words]{#e3}     the trigger of event e3 (the words expressing the action).
  No nesting. The story texts contain no other square or curly brackets.
  Footer lines:
    date YYYY-MM-DD                       publication date of the story
    @key Name | CODE | SECTOR             entity: canonical name, ISO 3166-1 alpha-3
                                          code or IGO, sector (GOV MIL LEG IGO CVL ...)
    eN | TYPE | mode|- | actor ids | recipient ids | status | date [| joint]
                                          an event; ids are mention ids separated by
                                          commas, "-" or empty for none. "both.2=rus"
                                          reads mention both.2 as entity rus: a plural
                                          mention ("The Parties") gives one entity
                                          per party, all with the same span.
    # ...                                 comment
  The script strips the markup, computes offsets, checks that text[start:end]
  equals every marked span, that no markup is left, that every id resolves, that
  types and modes are in plover-ontology.tsv, statuses and dates are well formed,
  and prints counts.

ANNOTATION RULES
 1. One event per real action per story: a call in the headline and in the lead is
    one event, annotated where the body first reports it in full (headlines and
    readout titles carry no annotation). A visit and the talks held during it are
    one CONSULT visit.
 2. What is coded: PLOVER actions reported in a main clause or in the complement of
    a reporting verb ("X said Y had expelled ..."), including verbal acts the
    speaker performs by speaking (accusing, condemning, demanding, rejecting,
    threatening; praising, thanking, welcoming, commending = SUPPORT). Not coded:
    background mentioned only in relative clauses, appositions, adverbial clauses
    ("since Moscow launched its invasion"), participial or noun phrases ("the
    North's launch", "the war"); habitual or generic statements; condolences and
    sympathy; opinions with no PLOVER act; the content of an accusation, request
    or threat (it is the ACCUSE/REQUEST/THREATEN event's content, not an event).
 3. CONSULT: calls, video calls, talks, meetings, summits, mediation, letters and
    messages. Symmetric contacts (calls, talks, meetings, exchanges) are joint:
    all parties are actors, no recipient. Visits: mode visit, visitor actor, host
    recipient, not joint ("was received by", "welcomed X to" included). Modes:
    phone (phone and video calls), visit, third-party (talks hosted by a third
    country), multilateral (summits/forums of an alliance, IGO or group). Letters,
    messages and mediation: sender/mediator actor, addressee/parties recipients,
    mode null.
 4. Status: actual (happened or is happening); future (planned, scheduled,
    expected, announced, promised, pledged or agreed-to actions, coded with the
    action's own type: "pledged/announced aid" = AID future, "agreed to hold talks"
    = CONSULT future, "will sign" = SUPPORT future, "would expel" = SANCTION
    future, "will allow experts in" = RETREAT future); hypothetical (conditional
    or possible: offers and readiness "would be ready to host talks if", "stood
    ready to provide any assistance", "may adopt sanctions", "could withdraw");
    negated (the text says the action did not / will not take place: "did not
    meet", "did not sign", "that visit will not take place"). "Refused to",
    "ruled out", "rejected" are REJECT, actual; "cancelled a visit" is REJECT meet.
 5. A threat is THREATEN, actual, also when conditional ("if ..., we will ...");
    mode from its content: sanctions/"costs"/responses to sanctions = restrict,
    force = violence, unspecified "measures" = null.
 6. AGREE is left for agreements and commitments whose content has no other type
    (a pledge to implement a memorandum) and calls to end a conflict ("called for
    an immediate end to the fighting", as the ontology says). Signing an agreement
    = SUPPORT. Expressions of regret and easing of sanctions/restrictions =
    CONCEDE (CAMEO 08x mapping). Prisoner exchanges = RETREAT release (joint).
 7. Summoning an ambassador to protest = one ACCUSE disapprove (actor the
    summoning side, recipient the envoy). Expelling diplomats, downgrading ties,
    quitting a deal, sanctions = SANCTION; arrests/detentions = COERCE arrest;
    barring entry = REJECT; a checkpoint blocking a road = COERCE restrict;
    missile launches, deployments, patrols, incursions of ships = MOBILIZE;
    joint exercises, security cooperation = COOPERATE; arms sales and military or
    humanitarian aid = AID; strikes, shelling, water cannon, ramming = ASSAULT.
 8. Actor/recipient mentions: the mention in the trigger's sentence (a name,
    title+name, title such as "the minister", country, capital, ministry). The
    actor of a verbal act is the subject of the trigger verb ("China opposes",
    "Zakharova warned"); for "we"/"I" in a quote, the speaker named in the same
    sentence. When the sentence has only a pronoun, or leaves a participant
    implicit (passive "is being held", "rejected the call"), the nearest preceding
    full mention is used. A plural mention ("the two leaders", "The Parties")
    gives one entity per party, all with that span. Countries as actors: the
    country's code, sector GOV (MIL for armed forces); IGOs and their officials
    code IGO.
 9. Event date: TIMEX3 value of the date the text gives the event. Relative days
    resolve against the publication date (past events: the most recent such day;
    future: the next); "last month" = YYYY-MM; "last/next week" = YYYY-Www (ISO
    week); "later this year" = YYYY; a multi-day visit = its first day. Verbal
    acts reported as the story's news with no time expression take the
    publication date; anything else with no time given is XXXX-XX-XX (future
    actions announced with no date too).
"""
import json, os, re, sys
from collections import Counter

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SRC = os.path.join(ROOT, "eval", "own", "events")
ONTO = os.path.join(ROOT, "..", "shared", "eval", "events", "plover-ontology.tsv")
TYPES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
         "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT")
STATUSES = ("actual", "future", "hypothetical", "negated")
MARK = re.compile(r"\[([^\[\]{}]+)\]\{([#@]?[A-Za-z0-9_.]+)\}")
DATE = re.compile(r"^(\d{4}|XXXX)(-(\d\d|XX)(-(\d\d|XX))?|-W\d\d)?$")


def load_modes():
    modes = {t: set() for t in TYPES}
    try:
        with open(ONTO, encoding="utf-8") as f:
            next(f)
            for line in f:
                p = line.rstrip("\n").split("\t")
                if len(p) > 1 and p[1]:
                    modes[p[0]].add(p[1])
    except OSError:
        return None
    return modes


def parse(path, modes, errors):
    name = os.path.basename(path)
    raw = open(path, encoding="utf-8").read()
    if "\n===\n" not in raw:
        errors.append(f"{name}: no === footer")
        return None
    body, foot = raw.split("\n===\n", 1)
    body = body.strip("\n")
    text, pos, mentions, triggers = [], 0, {}, {}
    out_len = 0
    for m in MARK.finditer(body):
        chunk = body[pos:m.start()]
        text.append(chunk)
        out_len += len(chunk)
        words, tag = m.group(1), m.group(2)
        span = (out_len, out_len + len(words), words)
        text.append(words)
        out_len += len(words)
        pos = m.end()
        if tag.startswith("#"):
            if tag[1:] in triggers:
                errors.append(f"{name}: trigger {tag} twice")
            triggers[tag[1:]] = span
        else:
            if tag in mentions:
                errors.append(f"{name}: mention id {tag} twice")
            mentions[tag] = span
    text.append(body[pos:])
    text = "".join(text)
    for ch in "[]{}":
        if ch in text:
            errors.append(f"{name}: markup left ({ch!r}) near {text[max(0, text.index(ch) - 30):text.index(ch) + 30]!r}")
    for k, (s, e, w) in list(mentions.items()) + list(triggers.items()):
        if text[s:e] != w:
            errors.append(f"{name}: span {k} {text[s:e]!r} != {w!r}")
    date, ents, events = None, {}, []
    for ln in foot.splitlines():
        ln = ln.strip()
        if not ln or ln.startswith("#"):
            continue
        if ln.startswith("date "):
            date = ln[5:].strip()
        elif ln.startswith("@"):
            key, rest = ln[1:].split(" ", 1)
            p = [x.strip() for x in rest.split("|")]
            if len(p) != 3:
                errors.append(f"{name}: bad entity line {ln!r}")
                continue
            ents[key] = {"name": p[0], "code": p[1], "sector": p[2] or None}
            if not re.fullmatch(r"[A-Z]{3}", p[1]):
                errors.append(f"{name}: bad code in {ln!r}")
        elif re.match(r"e\d+ *\|", ln):
            events.append([x.strip() for x in ln.split("|")])
        else:
            errors.append(f"{name}: unknown footer line {ln!r}")
    if not date or not re.fullmatch(r"\d{4}-\d\d-\d\d", date):
        errors.append(f"{name}: no publication date")
    used = set()
    out_events = []

    def ents_of(field, eid):
        lst = []
        for mid in [x.strip() for x in field.split(",") if x.strip() and x.strip() != "-"]:
            mid, _, key = mid.partition("=")   # "both.2=rus": mention both.2 read as entity rus
            if mid not in mentions:
                errors.append(f"{name}: {eid} unknown mention {mid}")
                continue
            key = key or mid.split(".")[0]
            if key not in ents:
                errors.append(f"{name}: {eid} entity {key} not defined")
                continue
            used.add(mid)
            s, e, w = mentions[mid]
            lst.append(dict(ents[key], text=w, start=s, end=e))
        return lst

    seen = set()
    for p in events:
        if len(p) not in (7, 8):
            errors.append(f"{name}: bad event line {' | '.join(p)!r}")
            continue
        eid, typ, mode, act, rec, status, edate = p[:7]
        joint = len(p) == 8 and p[7] == "joint"
        if len(p) == 8 and p[7] != "joint":
            errors.append(f"{name}: {eid} bad flag {p[7]!r}")
        if eid in seen:
            errors.append(f"{name}: event {eid} twice")
        seen.add(eid)
        if typ not in TYPES:
            errors.append(f"{name}: {eid} unknown type {typ}")
        mode = None if mode in ("-", "") else mode
        if mode and modes is not None and mode not in modes.get(typ, ()):
            errors.append(f"{name}: {eid} mode {mode} not a {typ} mode")
        if status not in STATUSES:
            errors.append(f"{name}: {eid} bad status {status}")
        if not DATE.match(edate):
            errors.append(f"{name}: {eid} bad date {edate}")
        if eid not in triggers:
            errors.append(f"{name}: {eid} has no trigger")
            continue
        actors, recips = ents_of(act, eid), ents_of(rec, eid)
        if not actors:
            errors.append(f"{name}: {eid} has no actor")
        if joint and (recips or len(actors) < 2):
            errors.append(f"{name}: {eid} joint needs 2+ actors and no recipients")
        ts, te, _ = triggers[eid]
        out_events.append({"event_type": typ, "mode": mode, "actors": actors, "recipients": recips,
                           "joint": joint, "status": status, "date": edate,
                           "trigger_start": ts, "trigger_end": te, "trigger": text[ts:te]})
    for t in triggers:
        if t not in seen:
            errors.append(f"{name}: trigger {t} without event line")
    for mid in mentions:
        if mid not in used:
            errors.append(f"{name}: mention {mid} not used by any event")
    out_events.sort(key=lambda e: e["trigger_start"])
    for e in out_events:
        del e["trigger"]
    words = len(re.findall(r"\S+", text))
    if not 150 <= words <= 450:
        errors.append(f"{name}: {words} words (want 150-450)")
    return {"id": "own-events-" + name[:-4], "text": text, "date": date, "events": out_events}


def main():
    modes = load_modes()
    errors = []
    files = sorted(f for f in os.listdir(SRC) if re.match(r"\d\d-[a-z0-9-]+\.txt$", f))
    items = []
    for f in files:
        it = parse(os.path.join(SRC, f), modes, errors)
        if it:
            items.append((int(f[:2]), it))
    nums = [n for n, _ in items]
    if nums != list(range(1, len(nums) + 1)):
        errors.append(f"story numbers not consecutive: {nums}")
    parts = {"dev": [it for n, it in items if n % 3], "heldout": [it for n, it in items if n % 3 == 0]}
    for part, lst in parts.items():
        path = os.path.join(ROOT, "eval", "own", f"events-{part}.jsonl")
        with open(path, "w", encoding="utf-8") as f:
            for it in lst:
                f.write(json.dumps(it, ensure_ascii=False) + "\n")
        evs = [e for it in lst for e in it["events"]]
        types = Counter(e["event_type"] for e in evs)
        print(f"{part}: {len(lst)} stories, {len(evs)} events -> {os.path.relpath(path, ROOT)}")
        print("  types:   " + ", ".join(f"{t} {types[t]}" for t in TYPES if types[t]))
        print("  status:  " + ", ".join(f"{k} {v}" for k, v in Counter(e['status'] for e in evs).most_common()))
        print(f"  dated: {sum(bool(re.search(r'[0-9]', e['date'])) for e in evs)}; "
              f"with mode: {sum(e['mode'] is not None for e in evs)}; joint: {sum(e['joint'] for e in evs)}; "
              f"with recipients: {sum(bool(e['recipients']) for e in evs)}")
    if errors:
        print(f"{len(errors)} problem(s):", file=sys.stderr)
        for e in errors:
            print("  " + e, file=sys.stderr)
        sys.exit(1)
    print("checks passed")


if __name__ == "__main__":
    main()
