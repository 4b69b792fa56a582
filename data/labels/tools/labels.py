#!/usr/bin/env python3
"""Maintain data/labels/statements.csv.

  labels.py append  < batch.txt    append a hand-written batch (format below), assigning ids and article ids
  labels.py stats [--readme]       print label counts (and rewrite the counts section of README.md)

Batch format (one statement per line, '|' separated; '#' lines are comments):
  @ 2025-03-11                      starts a new synthetic article dated that day (article id lbl-2025-03-11-<letter>)
  speaker|party|issue|stance|text   one statement of that article; speaker may be empty (anonymous)
"""
import csv, io, json, os, re, sys, collections

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", "..", ".."))
CSV_PATH = os.path.join(ROOT, "data", "labels", "statements.csv")
README = os.path.join(ROOT, "data", "labels", "README.md")
TAXONOMY = json.load(open(os.path.join(ROOT, "data", "taxonomy", "default.json"), encoding="utf-8"))
ISSUES = [i["id"] for i in TAXONOMY["issues"]]
PARTIES = [p["id"] for p in TAXONOMY["parties"]]
STANCES = ["support", "oppose", "neutral"]
HEADER = ["id", "articleId", "date", "speaker", "party", "issue", "stance", "text"]


def load():
    if not os.path.exists(CSV_PATH):
        return []
    with open(CSV_PATH, encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    return rows


def save(rows):
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=HEADER, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    w.writeheader()
    w.writerows(rows)
    with open(CSV_PATH, "w", encoding="utf-8", newline="") as f:
        f.write(buf.getvalue())


def norm(text):
    return re.sub(r"\W+", " ", text.lower()).strip()


def append(lines):
    rows = load()
    seen = {norm(r["text"]) for r in rows}
    used_articles = {r["articleId"] for r in rows}
    next_id = max([int(r["id"][1:]) for r in rows], default=0) + 1
    errors, new, article, date = [], [], None, None
    sizes = collections.Counter()
    for n, raw in enumerate(lines, 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("@"):
            date = line[1:].strip()
            if not re.fullmatch(r"2025-\d\d-\d\d", date):
                errors.append(f"line {n}: bad date {date!r}")
            letter = 0
            while f"lbl-{date}-{chr(97 + letter)}" in used_articles:
                letter += 1
            article = f"lbl-{date}-{chr(97 + letter)}"
            used_articles.add(article)
            continue
        parts = line.split("|")
        if len(parts) != 5:
            errors.append(f"line {n}: expected 5 fields, got {len(parts)}: {line[:60]}")
            continue
        speaker, party, issue, stance, text = (p.strip() for p in parts)
        if article is None:
            errors.append(f"line {n}: statement before any '@ date' line")
            continue
        if party not in PARTIES: errors.append(f"line {n}: party {party!r}")
        if issue not in ISSUES: errors.append(f"line {n}: issue {issue!r}")
        if stance not in STANCES: errors.append(f"line {n}: stance {stance!r}")
        if not text: errors.append(f"line {n}: empty text")
        key = norm(text)
        if key in seen: errors.append(f"line {n}: duplicate text: {text[:60]}")
        seen.add(key)
        words = len(text.split())
        if words < 5 or words > 70:
            print(f"warning line {n}: {words} words", file=sys.stderr)
        sizes[article] += 1
        new.append({"id": f"L{next_id:04d}", "articleId": article, "date": date, "speaker": speaker,
                    "party": party, "issue": issue, "stance": stance, "text": text})
        next_id += 1
    for a, c in sizes.items():
        if c < 2 or c > 8:
            print(f"warning: article {a} has {c} statements", file=sys.stderr)
    if errors:
        print("\n".join(errors), file=sys.stderr)
        sys.exit(1)
    save(rows + new)
    print(f"appended {len(new)} statements; total {len(rows) + len(new)}", file=sys.stderr)


def table(rows):
    out = []
    cells = collections.Counter((r["issue"], r["stance"]) for r in rows)
    out.append("| issue | support | oppose | neutral | total |")
    out.append("|---|---:|---:|---:|---:|")
    for i in ISSUES:
        c = [cells[(i, s)] for s in STANCES]
        out.append(f"| {i} | {c[0]} | {c[1]} | {c[2]} | {sum(c)} |")
    c = [sum(cells[(i, s)] for i in ISSUES) for s in STANCES]
    out.append(f"| **all** | {c[0]} | {c[1]} | {c[2]} | {sum(c)} |")
    out.append("")
    parties = collections.Counter(r["party"] for r in rows)
    pi = collections.Counter((r["party"], r["issue"]) for r in rows)
    out.append("| party | " + " | ".join(ISSUES) + " | total |")
    out.append("|---|" + "---:|" * (len(ISSUES) + 1))
    for p in PARTIES:
        out.append(f"| {p} | " + " | ".join(str(pi[(p, i)]) for i in ISSUES) + f" | {parties[p]} |")
    out.append("")
    ps = collections.Counter((r["party"], r["stance"]) for r in rows)
    out.append("| party | support | oppose | neutral |")
    out.append("|---|---:|---:|---:|")
    for p in PARTIES:
        out.append(f"| {p} | " + " | ".join(str(ps[(p, s)]) for s in STANCES) + " |")
    out.append("")
    arts = collections.Counter(r["articleId"] for r in rows)
    anon = sum(1 for r in rows if not r["speaker"])
    speakers = len({r["speaker"] for r in rows if r["speaker"]})
    words = sorted(len(r["text"].split()) for r in rows)
    dates = sorted(r["date"] for r in rows)
    out.append(f"{len(rows)} statements in {len(arts)} synthetic articles "
               f"({min(arts.values())}–{max(arts.values())} statements each); {speakers} named speakers, "
               f"{anon} statements with no named speaker; {words[0]}–{words[-1]} words "
               f"(median {words[len(words) // 2]}); dated {dates[0]} to {dates[-1]}.")
    return "\n".join(out)


def stats(readme):
    rows = load()
    text = table(rows)
    print(text)
    if readme:
        content = open(README, encoding="utf-8").read()
        start, end = "<!-- counts:start -->", "<!-- counts:end -->"
        a, b = content.index(start) + len(start), content.index(end)
        content = content[:a] + "\n" + text + "\n" + content[b:]
        open(README, "w", encoding="utf-8", newline="\n").write(content)


if __name__ == "__main__":
    cmd = sys.argv[1] if len(sys.argv) > 1 else ""
    if cmd == "append":
        append(sys.stdin.read().splitlines())
    elif cmd == "stats":
        stats("--readme" in sys.argv)
    else:
        print(__doc__)
        sys.exit(2)
