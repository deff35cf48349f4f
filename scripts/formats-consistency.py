#!/usr/bin/env python3
"""Self-consistency of the input formats: a story wrapped in HTML, NewsML-G2, NITF or IPTC 7901
framing must give what its plain text gives.

Takes N stories from a corpus of plain stories (default: every k-th of the TempEval-3 news
stories in ../shared, with their dates from its MANIFEST.tsv), wraps each in every format the
way an agency or a web site would (an HTML page puts navigation, a cookie banner, share
buttons, related links, scripts and a footer around the article; the markup states the
headline and the date), runs `statements parse` on the plain stories (as JSON Lines, with the
same date) and on the wrapped files, and reports per format the share of stories whose
statements (text and speaker), date expressions (text and value) and metadata (headline, date,
agency, place, byline, document type) agree.

    python3 scripts/formats-consistency.py [--n 200] [--binary target/release/statements]
                                           [--corpus DIR] [--show 3]

Prints a Markdown table and exits 0, or with --guard P exits 1 when a format's share of
stories agreeing in everything is below P %. Skips with a message when the corpus is absent.
"""

import argparse
import html
import json
import re
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MONTHS = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()


def stories(corpus: Path, n: int):
    """(name, text, date) of every k-th story of the corpus, in name order."""
    manifest = corpus / "MANIFEST.tsv"
    dates = {}
    if manifest.exists():
        for line in manifest.read_text().splitlines()[1:]:
            cols = line.split("\t")
            if len(cols) > 3:
                dates[cols[0]] = day_of(cols[3], cols[1])
    names = sorted(p.name for p in (corpus / "stories").iterdir())
    step = max(1, len(names) // n)
    for name in names[::step][:n]:
        text = (corpus / "stories" / name).read_text(encoding="utf-8", errors="replace")
        yield name, text, dates.get(name)


def day_of(dct: str, docid: str):
    """The story's day, YYYY-MM-DD: from the manifest's dct when it is ISO, else from the
    document id (`APW19980807.0261`), else None."""
    if re.match(r"\d{4}-\d\d-\d\d", dct):
        return dct[:10]
    m = re.match(r"(\d\d?)-([A-Z]{3})-(\d{4})", dct)  # Reuters-21578: 26-FEB-1987
    if m and m[2].title() in MONTHS:
        return f"{m[3]}-{MONTHS.index(m[2].title()) + 1:02d}-{int(m[1]):02d}"
    m = re.search(r"((?:19|20)\d\d)(\d\d)(\d\d)", docid)
    return f"{m[1]}-{m[2]}-{m[3]}" if m else None


def split(text: str):
    """The headline and the paragraphs of a plain story. The headline is the first line when
    it reads as one (what an agency would put in its headline element: short, neither a
    byline nor a sentence of the body); otherwise the story goes in without a headline.
    Paragraphs are apart by blank lines, or start with an indented line (the Reuters 1987
    layout)."""
    text = text.replace("\r\n", "\n").strip("\n")
    # An agency's picture marker (`= (PICTURES) =`) is furniture, in no headline element.
    text = re.sub(r"\A=\s*\(PICTURES?\)\s*=[ \t]*\n+", "", text)
    first, _, rest = text.partition("\n")
    first = first.strip()
    headline = None
    # a dateline line (`HONG KONG, Dec 4 , 2005`) is no headline either
    dateline = re.match(r"[A-Z][A-Z .'-]+,( [A-Za-z .'-]+,)? (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|"
                        r"Sep|Oct|Nov|Dec)[a-z]*\.? \d", first) is not None
    if first and len(first.split()) <= 25 and not first.lower().startswith("by ") \
            and not first.endswith(".") and not dateline:
        headline, text = first, rest
    paras = []
    for chunk in text.split("\n\n"):
        paras += [p.strip() for p in re.split(r"\n(?=[ \t]+\S)", chunk.strip("\n"))]
    return headline, [p for p in paras if p]


def esc(s: str) -> str:
    return html.escape(s, quote=True)


def as_html(headline, paras, date):
    body = "\n".join(f"<p>{esc(p)}</p>" for p in paras)
    og = f'<meta property="og:title" content="{esc(headline)}">' if headline else ""
    h1 = f"<h1>{esc(headline)}</h1>" if headline else ""
    meta = f'<meta property="article:published_time" content="{date}T08:00:00Z">' if date else ""
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>{esc(headline + " | ") if headline else ""}World News Daily</title>
<meta property="og:site_name" content="World News Daily">
{og}
{meta}
<script>var tracking = {{"a": 1}}; if (x < 3) {{ send(); }}</script>
<style>.menu {{ color: red }}</style>
</head><body>
<header class="site-header"><a href="/">World News Daily</a>
<nav><ul><li><a href="/world">World</a></li><li><a href="/business">Business</a></li>
<li><a href="/opinion">Opinion</a></li></ul></nav></header>
<div class="cookie-notice">This site uses cookies. <button>OK</button></div>
<main><article>
{h1}
<div class="share-tools"><a href="#">Share</a> <a href="#">Tweet</a> <a href="#">Email</a></div>
<div class="article-body">
{body}
</div>
<aside class="related"><h3>Related stories</h3><ul><li><a href="/1">Markets close higher</a></li>
<li><a href="/2">Storm hits the coast</a></li></ul></aside>
</article></main>
<footer><p>Copyright World News Daily. All rights reserved.</p><a href="/terms">Terms</a></footer>
</body></html>
"""


def as_newsml(headline, paras, date, guid):
    hl = f"<headline>{esc(headline)}</headline>" if headline else ""
    sent = f"<sent>{date}T09:00:00Z</sent>" if date else ""
    created = f"<contentCreated>{date}T08:00:00Z</contentCreated>" if date else ""
    body = "\n".join(f"<p>{esc(p)}</p>" for p in paras)
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<newsMessage xmlns="http://iptc.org/std/nar/2006-10-01/">
<header>{sent}</header>
<itemSet><newsItem guid="{esc(guid)}" standard="NewsML-G2" standardversion="2.33">
<itemMeta><itemClass qcode="ninat:text"/></itemMeta>
<contentMeta>{created}{hl}</contentMeta>
<contentSet><inlineXML contenttype="application/xhtml+xml">
<html xmlns="http://www.w3.org/1999/xhtml"><head><title/></head><body>
{body}
</body></html></inlineXML></contentSet></newsItem></itemSet></newsMessage>
"""


def as_nitf(headline, paras, date):
    hl = f"<hedline><hl1>{esc(headline)}</hl1></hedline>" if headline else ""
    issue = f'<date.issue norm="{date.replace("-", "")}T080000Z"/>' if date else ""
    body = "\n".join(f"<p>{esc(p)}</p>" for p in paras)
    return f"""<?xml version="1.0" encoding="utf-8"?>
<nitf><head><docdata>{issue}</docdata></head>
<body><body.head>{hl}</body.head>
<body.content>
{body}
</body.content></body></nitf>
"""


def as_7901(headline, paras, date):
    trailer = ""
    if date:
        y, m, d = date.split("-")
        trailer = f"{d}0800 GMT {MONTHS[int(m) - 1]} {y[2:]}"
    body = "\n\n".join(paras)
    heading = f"{headline} =\n\n" if headline else ""
    text = (f"\x01xyz0001 3 i {len(body.split())}  agn 0800\n\nslug/\n\x02{heading}"
            f"{body}\n\nagn ab cd\n\n\x03{trailer}\n\x7f")
    return text.replace("\n", "\r\n")


FORMATS = {
    "html": (".html", lambda h, p, d, g: as_html(h, p, d)),
    "newsml_g2": (".xml", as_newsml),
    "nitf": (".xml", lambda h, p, d, g: as_nitf(h, p, d)),
    "iptc7901": (".txt", lambda h, p, d, g: as_7901(h, p, d)),
}


def parse(binary, args, stdin=None):
    # Exit status 1 means some record is an error record; they are counted as disagreements.
    run = subprocess.run([binary, "parse", "-q", *args], input=stdin, capture_output=True)
    if run.returncode not in (0, 1):
        raise SystemExit(f"{binary} failed: {run.stderr.decode()}")
    out = run.stdout
    return [json.loads(line) for line in out.decode().splitlines()]


def facets(record):
    """What must agree: statements, date expressions and metadata."""
    # White space inside markup is not significant (a page shows a line break as a space):
    # texts are compared squeezed.
    squeeze = lambda v: " ".join(v.split()) if isinstance(v, str) else v
    quotes = Counter((squeeze(q["text"]), (q["speaker"] or {}).get("name")) for q in record["quotes"])
    dates = Counter((squeeze(d["text"]), d["value"]) for d in record["dates"])
    m = record["metadata"]
    meta = tuple(squeeze(m[k]) for k in META)
    return {"statements": quotes, "dates": dates, "metadata": meta}


META = ("headline", "date", "agency", "place", "byline", "doc_type")


def kept(wrapped, plain):
    """Whether every metadata field the plain story gave is the same in the wrapped one (the
    markup may add fields the plain text lacks, such as a page's publisher)."""
    return all(p is None or w == p for w, p in zip(wrapped, plain))


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=200)
    ap.add_argument("--binary", default=str(ROOT / "target/release/statements"))
    ap.add_argument("--corpus", default=str(ROOT / "../shared/corpus/tempeval3-news"))
    ap.add_argument("--show", type=int, default=0, help="print this many disagreements")
    ap.add_argument("--guard", type=float, default=None,
                    help="exit 1 when a format's share of stories agreeing in all is below this")
    args = ap.parse_args()
    corpus = Path(args.corpus)
    if not (corpus / "stories").is_dir():
        print(f"skipped: {corpus} is absent")
        return 0
    picked = list(stories(corpus, args.n))
    with tempfile.TemporaryDirectory() as work:
        work = Path(work)
        lines = [json.dumps({"id": name, "text": text, "date": date}) for name, text, date in picked]
        plain = {r["id"]: r for r in parse(args.binary, ["--jsonl", "-"], "\n".join(lines).encode())}
        rows = []
        for fmt, (ext, wrap) in FORMATS.items():
            folder = work / fmt
            folder.mkdir()
            for name, text, date in picked:
                headline, paras = split(text)
                doc = wrap(headline, paras, date, f"urn:test:{name}")
                (folder / (name + ext)).write_bytes(doc.encode("utf-8"))
            wrapped = {Path(r["path"]).name[: -len(ext)]: r for r in parse(args.binary, [str(folder)])}
            agree = Counter()
            shown = 0
            for name, _, _ in picked:
                got, want = wrapped.get(name), plain.get(name)
                if got is None or want is None or got["error"]:
                    continue
                a, b = facets(got), facets(want)
                same = {k: a[k] == b[k] for k in a}
                for k, v in same.items():
                    agree[k] += v
                agree["all"] += all(same.values())
                agree["metadata kept"] += kept(a["metadata"], b["metadata"])
                agree["all, metadata kept"] += same["statements"] and same["dates"] and kept(
                    a["metadata"], b["metadata"])
                agree["format"] += got["metadata"]["format"] == fmt
                if not all(same.values()) and shown < args.show:
                    shown += 1
                    for k in a:
                        if not same[k]:
                            print(f"{fmt} {name} {k}:\n  wrapped {a[k]}\n  plain   {b[k]}", file=sys.stderr)
            n = len(picked)
            rows.append((fmt, n, agree))
    print("| format | stories | all agree | statements | dates | metadata | metadata kept "
          "| all, metadata kept | format told |")
    print("|---|---|---|---|---|---|---|---|---|")
    for fmt, n, agree in rows:
        pct = lambda k: f"{100 * agree[k] / n:.1f} %"
        print(f"| {fmt} | {n} | {pct('all')} | {pct('statements')} | {pct('dates')} | "
              f"{pct('metadata')} | {pct('metadata kept')} | {pct('all, metadata kept')} | "
              f"{pct('format')} |")
    if args.guard is not None:
        low = [fmt for fmt, n, agree in rows if 100 * agree["all"] / n < args.guard]
        if low:
            print(f"below {args.guard} %: {', '.join(low)}")
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
