#!/usr/bin/env python3
"""Build the Parley demo corpus from its hand-written sources.

    python3 data/demo/tools/build_demo.py          # render pages + gold, check everything
    python3 data/demo/tools/build_demo.py --check  # only check; fail if a file would change

Input: data/demo/tools/src/*.article, one per article, written by hand:

    id: 2025-02-12-meridianpost-trump-putin-call      (file name without extension)
    template: jsonld | opengraph | byline | syndicated | microdata | wire | cp1251
    title: ...
    dek: ...                                          (subtitle / description)
    author: Name; Other Name
    date: 2025-02-12T21:40:00+00:00
    section: World
    ---
    First body paragraph.

    Second body paragraph. [[link text|https://example/url]] is rendered as a link.
    ===gold
    kind | content text | cue | speaker mention | actor-id  or  anon:Party

The paragraphs, the statements in the gold section and every one of their fields are decided by a person
reading the article. This script only renders the pages from templates and LOCATES the hand-written strings
in the body text to turn them into character offsets:

  * body text = the text of each body paragraph (entities decoded, whitespace collapsed, trimmed), joined by
    "\\n\\n"; for .txt wire files the whole file (\\r\\n -> \\n). It is computed from the rendered bytes, not
    from the source, exactly as DemoCorpusTests.BodyText does it in C#.
  * content text must occur exactly once in the body text (otherwise the gold line fails loudly);
  * the speaker mention (and the cue) are searched as whole words and the occurrence nearest to the content
    span is taken; "he@3" forces the third occurrence (1-based) when the nearest would be wrong.
"""
from __future__ import annotations

import html
import json
import re
import sys
import textwrap
from html.parser import HTMLParser
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent          # data/demo
SRC = ROOT / "tools" / "src"
ARTICLES = ROOT / "articles"
GOLD = ROOT / "gold"
SYNTHETIC = "Illustrative synthetic article written for the Parley demo; not a source of record."

ACTORS = {
    "vladimir-putin": ("Vladimir Putin", "Russia"),
    "dmitry-peskov": ("Dmitry Peskov", "Russia"),
    "sergei-lavrov": ("Sergei Lavrov", "Russia"),
    "yuri-ushakov": ("Yuri Ushakov", "Russia"),
    "kirill-dmitriev": ("Kirill Dmitriev", "Russia"),
    "maria-zakharova": ("Maria Zakharova", "Russia"),
    "vladimir-medinsky": ("Vladimir Medinsky", "Russia"),
    "volodymyr-zelensky": ("Volodymyr Zelensky", "Ukraine"),
    "andriy-yermak": ("Andriy Yermak", "Ukraine"),
    "andrii-sybiha": ("Andrii Sybiha", "Ukraine"),
    "rustem-umerov": ("Rustem Umerov", "Ukraine"),
    "donald-trump": ("Donald Trump", "United States"),
    "jd-vance": ("JD Vance", "United States"),
    "marco-rubio": ("Marco Rubio", "United States"),
    "steve-witkoff": ("Steve Witkoff", "United States"),
    "keith-kellogg": ("Keith Kellogg", "United States"),
    "pete-hegseth": ("Pete Hegseth", "United States"),
    "karoline-leavitt": ("Karoline Leavitt", "United States"),
    "emmanuel-macron": ("Emmanuel Macron", "Europe"),
    "keir-starmer": ("Keir Starmer", "Europe"),
    "friedrich-merz": ("Friedrich Merz", "Europe"),
    "ursula-von-der-leyen": ("Ursula von der Leyen", "Europe"),
    "kaja-kallas": ("Kaja Kallas", "Europe"),
    "antonio-costa": ("António Costa", "Europe"),
    "giorgia-meloni": ("Giorgia Meloni", "Europe"),
    "mark-rutte": ("Mark Rutte", "Other"),
    "recep-tayyip-erdogan": ("Recep Tayyip Erdoğan", "Other"),
    "viktor-orban": ("Viktor Orbán", "Europe"),
    "kremlin": ("the Kremlin", "Russia"),
    "russian-foreign-ministry": ("Russian Foreign Ministry", "Russia"),
    "white-house": ("the White House", "United States"),
    "us-state-department": ("US State Department", "United States"),
    "ukrainian-presidential-office": ("Office of the President of Ukraine", "Ukraine"),
    "ukrainian-foreign-ministry": ("Ukrainian Foreign Ministry", "Ukraine"),
    "european-commission": ("European Commission", "Europe"),
    "nato": ("NATO", "Other"),
    "government-of-russia": ("Government of Russia", "Russia"),
    "government-of-ukraine": ("Government of Ukraine", "Ukraine"),
    "government-of-united-states": ("Government of the United States", "United States"),
}
PARTIES = {"United States", "Russia", "Ukraine", "Europe", "Other", "Unknown"}

# Body containers, in the order DemoCorpusTests looks for them. Only <p> elements that are direct children count.
BODY_CONTAINERS = [
    ("div", "class", "article-body"),      # jsonld      (The Meridian Post)
    ("div", "class", "story-content"),     # opengraph   (Harbor Line)
    ("div", "id", "story-body"),           # byline      (Northgate Courier)
    ("div", "class", "entry-content"),     # syndicated  (Lakeside Ledger, from Atlas Wire)
    ("div", "itemprop", "articleBody"),    # microdata   (Eastbridge Chronicle)
    ("div", "class", "news-text"),         # cp1251      (Severny Vestnik, English edition)
]
EXCLUDED_PARAGRAPH = re.compile(r"^(By [A-Z][^.]{2,80}$|Originally published|©|Copyright)")


# ----------------------------------------------------------------------------------------------------------
# Sources

class Source:
    def __init__(self, path: Path):
        text = path.read_text(encoding="utf-8")
        head, _, rest = text.partition("\n---\n")
        body, _, gold = rest.partition("\n===gold\n")
        self.path = path
        self.meta = {}
        for line in head.splitlines():
            if line.strip():
                key, _, value = line.partition(":")
                self.meta[key.strip()] = value.strip()
        self.id = self.meta["id"]
        if self.id != path.stem:
            raise SystemExit(f"{path.name}: id {self.id} differs from file name")
        self.template = self.meta["template"]
        self.paragraphs = [re.sub(r"\s+", " ", p).strip() for p in re.split(r"\n\s*\n", body.strip()) if p.strip()]
        self.gold_lines = [l for l in gold.splitlines() if l.strip() and not l.lstrip().startswith("#")]
        self.date = self.meta["date"]
        self.authors = [a.strip() for a in self.meta.get("author", "").split(";") if a.strip()]

    @property
    def file_name(self) -> str:
        return self.id + (".txt" if self.template == "wire" else ".html")

    def plain(self, p: str) -> str:
        return re.sub(r"\[\[([^|\]]+)\|[^\]]+\]\]", r"\1", p)


def esc(s: str) -> str:
    return html.escape(s, quote=True)


def inline(p: str, style: str) -> str:
    """Escape a paragraph for HTML, keep [[text|url]] links, and encode punctuation in the outlet's style."""
    parts = re.split(r"(\[\[[^|\]]+\|[^\]]+\]\])", p)
    out = []
    for part in parts:
        m = re.fullmatch(r"\[\[([^|\]]+)\|([^\]]+)\]\]", part)
        if m:
            out.append(f'<a href="{esc(m.group(2))}">{encode(esc(m.group(1)), style)}</a>')
        else:
            out.append(encode(html.escape(part, quote=False), style))
    return "".join(out)


def encode(s: str, style: str) -> str:
    if style == "named":
        return (s.replace("“", "&ldquo;").replace("”", "&rdquo;").replace("‘", "&lsquo;")
                .replace("’", "&rsquo;").replace("—", "&mdash;").replace("–", "&ndash;"))
    if style == "numeric":
        return "".join(f"&#{ord(c)};" if c in "“”‘’—–…" else c for c in s)
    return s


def wrap(s: str, indent: str) -> str:
    return textwrap.fill(s, width=108, initial_indent=indent, subsequent_indent=indent,
                         break_long_words=False, break_on_hyphens=False)


# ----------------------------------------------------------------------------------------------------------
# Templates

NAV = ["World", "Politics", "Business", "Europe", "Opinion", "Culture", "Science", "Sport"]


def human_date(iso: str) -> str:
    y, m, d = int(iso[0:4]), int(iso[5:7]), int(iso[8:10])
    months = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
              "October", "November", "December"]
    return f"{months[m - 1]} {d}, {y}"


def slug(s: Source) -> str:
    return s.id.split("-", 4)[4]


def related(s: Source, all_sources: list[Source], n: int = 4) -> list[Source]:
    others = [o for o in all_sources if o.id != s.id]
    others.sort(key=lambda o: abs(int(o.date[5:7]) * 31 + int(o.date[8:10]) - int(s.date[5:7]) * 31 - int(s.date[8:10])))
    return others[:n]


def comments_block(names_and_texts, cls="comments") -> str:
    items = "\n".join(
        f'      <li class="comment"><p class="comment-author">{esc(n)}</p><p class="comment-text">{esc(t)}</p></li>'
        for n, t in names_and_texts)
    return f'''  <section class="{cls}" id="comments">
    <h2>Comments ({len(names_and_texts)})</h2>
    <ol class="comment-list">
{items}
    </ol>
    <form class="comment-form"><textarea name="c" placeholder="Join the discussion"></textarea><button>Post</button></form>
  </section>'''


COMMENTS = [
    [("northwind88", "“Peace through strength,” they said. We will see what is left of that by spring."),
     ("Halyna K.", "Nobody asked the people who actually live there what they think of any of this.")],
    [("realist_ed", "The sanctions talk is the real story here, read the last paragraph twice."),
     ("marta_w", "Another round of talks, another round of headlines. I'll believe it when the guns are quiet.")],
    [("j.osborne", "Good reporting. Would be useful to see a map of the front line with this."),
     ("Viktor P.", "He said “never” last month too.")],
]


def page_jsonld(s: Source, alls: list[Source]) -> str:
    url = f"https://www.meridianpost.example/world/{s.date[0:4]}/{s.date[5:7]}/{s.date[8:10]}/{slug(s)}"
    ld = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "mainEntityOfPage": {"@type": "WebPage", "@id": url},
        "headline": s.meta["title"],
        "description": s.meta.get("dek", ""),
        "datePublished": s.date,
        "dateModified": s.meta.get("modified", s.date),
        "author": [{"@type": "Person", "name": a, "url": "https://www.meridianpost.example/by/" + a.lower().replace(" ", "-")}
                   for a in s.authors],
        "publisher": {"@type": "NewsMediaOrganization", "name": "The Meridian Post",
                      "logo": {"@type": "ImageObject", "url": "https://www.meridianpost.example/static/logo-600.png"}},
        "articleSection": s.meta.get("section", "World"),
        "inLanguage": "en",
        "image": [f"https://img.meridianpost.example/{slug(s)}/1200x675.jpg"],
    }
    paras = []
    for i, p in enumerate(s.paragraphs):
        paras.append(f"        <p>{inline(p, 'raw')}</p>")
        if i == 2:
            rel = related(s, alls, 2)
            paras.append('        <aside class="inline-related"><h3>Read more</h3><ul>' + "".join(
                f'<li><a href="/{o.id}">{esc(o.meta["title"])}</a></li>' for o in rel) + "</ul></aside>")
    body = "\n".join(paras)
    byline = " and ".join(f'<a rel="author" href="/by/{a.lower().replace(" ", "-")}">{esc(a)}</a>' for a in s.authors)
    rel = "\n".join(f'        <li><a href="/{o.id}"><span class="rel-title">{esc(o.meta["title"])}</span>'
                    f'<span class="rel-date">{human_date(o.date)}</span></a></li>' for o in related(s, alls, 4))
    nav = "".join(f'<li><a href="/{n.lower()}">{n}</a></li>' for n in NAV)
    comments = comments_block(COMMENTS[hash_index(s.id, 3)])
    return f'''<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>{esc(s.meta["title"])} | The Meridian Post</title>
  <meta name="description" content="{esc(s.meta.get("dek", ""))}">
  <meta name="parley:synthetic" content="{SYNTHETIC}">
  <link rel="canonical" href="{url}">
  <link rel="stylesheet" href="https://www.meridianpost.example/static/css/site.4f2a1c.css">
  <script type="application/ld+json">
{json.dumps(ld, ensure_ascii=False, indent=2)}
  </script>
  <script async src="https://ads.meridianpost.example/gpt/loader.js"></script>
</head>
<body class="template-article section-world">
  <a class="skip-link" href="#main">Skip to main content</a>
  <header class="site-header">
    <div class="masthead"><a class="logo" href="/">The Meridian Post</a><span class="tagline">Independent journalism since 1921</span></div>
    <nav class="primary-nav" aria-label="Sections"><ul>{nav}</ul></nav>
    <form class="site-search" action="/search"><input type="search" name="q" placeholder="Search"><button>Go</button></form>
    <a class="subscribe-button" href="/subscribe">Subscribe</a>
  </header>
  <div class="ad-slot ad-leaderboard" data-ad-unit="/mp/world/top"><span class="ad-label">Advertisement</span></div>
  <main id="main">
    <article class="story">
      <header class="story-header">
        <p class="kicker"><a href="/world/europe">{esc(s.meta.get("section", "World"))}</a></p>
        <h1 class="headline">{esc(s.meta["title"])}</h1>
        <p class="dek">{esc(s.meta.get("dek", ""))}</p>
        <div class="byline">By {byline}</div>
        <time class="published" datetime="{s.date}">{human_date(s.date)}</time>
      </header>
      <div class="share-bar" role="group" aria-label="Share">
        <a class="share share-x" href="https://x.example/intent/post?url={url}">Share on X</a>
        <a class="share share-fb" href="https://facebook.example/sharer?u={url}">Facebook</a>
        <a class="share share-mail" href="mailto:?subject={esc(s.meta["title"])}">Email</a>
        <button class="share-copy">Copy link</button>
      </div>
      <figure class="lead-image">
        <img src="https://img.meridianpost.example/{slug(s)}/1200x675.jpg" alt="" width="1200" height="675">
        <figcaption>File photo. <span class="credit">Meridian Post photo desk</span></figcaption>
      </figure>
      <div class="article-body">
{body}
      </div>
      <ul class="tags"><li><a href="/topic/ukraine">Ukraine</a></li><li><a href="/topic/russia">Russia</a></li><li><a href="/topic/diplomacy">Diplomacy</a></li></ul>
    </article>
    <section class="newsletter-signup">
      <h2>The Morning Dispatch</h2>
      <p>The day's most important world news, in your inbox before breakfast.</p>
      <form action="/newsletters/subscribe"><input type="email" name="email" placeholder="Your email"><button>Sign up</button></form>
    </section>
    <section class="related-stories">
      <h2>More on the peace talks</h2>
      <ul>
{rel}
      </ul>
    </section>
{comments}
  </main>
  <footer class="site-footer">
    <nav><a href="/about">About us</a> <a href="/contact">Contact</a> <a href="/privacy">Privacy</a> <a href="/terms">Terms of use</a></nav>
    <p>© 2025 The Meridian Post. All rights reserved.</p>
  </footer>
  <script>window.mpData = {{"section":"world","template":"article","paywall":false}};</script>
</body>
</html>
'''


def page_opengraph(s: Source, alls: list[Source]) -> str:
    url = f"https://harborline.example/news/{slug(s)}-{s.date[0:10].replace('-', '')}"
    body = "\n".join(f"          <p>{inline(p, 'named')}</p>" for p in s.paragraphs)
    author = ", ".join(s.authors)
    rel = "\n".join(f'          <li><a href="/news/{o.id}">{inline(o.meta["title"], "named")}</a></li>' for o in related(s, alls, 5))
    nav = "\n".join(f'        <a href="/{n.lower()}">{n}</a>' for n in NAV[:6])
    return f'''<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<title>{esc(s.meta["title"])} – Harbor Line</title>
<meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="parley:synthetic" content="{SYNTHETIC}">
<meta property="og:site_name" content="Harbor Line">
<meta property="og:type" content="article">
<meta property="og:title" content="{esc(s.meta["title"])}">
<meta property="og:description" content="{esc(s.meta.get("dek", ""))}">
<meta property="og:url" content="{url}">
<meta property="og:image" content="https://cdn.harborline.example/images/{slug(s)}.jpg">
<meta property="og:locale" content="en_GB">
<meta property="article:published_time" content="{s.date}">
<meta property="article:section" content="{esc(s.meta.get("section", "World"))}">
<meta property="article:author" content="{esc(author)}">
<meta name="twitter:card" content="summary_large_image">
<link rel="stylesheet" href="https://cdn.harborline.example/css/main.css?v=2025">
<script src="https://cdn.harborline.example/js/consent.js" defer></script>
</head>
<body>
  <div id="consent-banner" class="consent">We use cookies to improve your experience. <button>Accept</button> <button>Manage</button></div>
  <header class="hl-header">
    <a href="/" class="hl-logo">Harbor Line</a>
    <nav class="hl-nav">
{nav}
    </nav>
  </header>
  <div class="hl-wrap">
    <main class="hl-main">
      <div class="story">
        <h1 class="story-title">{inline(s.meta["title"], "named")}</h1>
        <h2 class="story-standfirst">{inline(s.meta.get("dek", ""), "named")}</h2>
        <div class="story-meta"><span class="author-name">{esc(author)}</span> · <span class="story-date">{human_date(s.date)}</span> · <span class="read-time">4 min read</span></div>
        <ul class="share-tools"><li><a href="#" data-share="x">X</a></li><li><a href="#" data-share="whatsapp">WhatsApp</a></li><li><a href="#" data-share="copy">Copy</a></li></ul>
        <div class="story-content">
{body}
        </div>
        <div class="newsletter-box">
          <h3>Get Harbor Line's Europe briefing</h3>
          <p>Every weekday at 7am. Free.</p>
          <form><input type="email" placeholder="Email address"><button type="submit">Subscribe</button></form>
        </div>
      </div>
    </main>
    <aside class="hl-sidebar">
      <div class="ad-unit ad-mpu" id="ad-mpu-1"><!-- ad: mpu --></div>
      <h3>Most read</h3>
      <ol class="most-read">
{rel}
      </ol>
    </aside>
  </div>
  <footer class="hl-footer">
    <p>Harbor Line is a reader-funded newsroom. <a href="/support">Support us</a></p>
    <p><a href="/privacy">Privacy</a> · <a href="/cookies">Cookies</a> · <a href="/complaints">Complaints</a></p>
    <p>© Harbor Line Media Ltd 2025</p>
  </footer>
</body>
</html>
'''


def page_byline(s: Source, alls: list[Source]) -> str:
    paras = [f"      <p>By {esc(s.authors[0])}, {esc(s.meta.get('role', 'Courier staff'))}</p>"]
    for p in s.paragraphs:
        paras.append("      <p>\n" + wrap(inline(p, "raw"), "        ") + "\n      </p>")
    body = "\n".join(paras)
    rel = "\n".join(f'      <li><a href="/stories/{o.id}.html">{esc(o.meta["title"])}</a></li>' for o in related(s, alls, 3))
    return f'''<!DOCTYPE html>
<html>
<head>
<meta charset="utf-8">
<meta name="parley:synthetic" content="{SYNTHETIC}">
<title>{esc(s.meta["title"])}</title>
<meta name="viewport" content="width=device-width">
<style>
  body {{ font-family: Georgia, serif; max-width: 720px; margin: auto; }}
  #topbar a {{ margin-right: 1em; }}
  .promo {{ border: 1px solid #ccc; padding: 8px; }}
</style>
</head>
<body>
<table id="topbar" width="100%"><tr>
  <td><a href="/"><b>THE NORTHGATE COURIER</b></a></td>
  <td align="right"><a href="/news.html">News</a> <a href="/world.html">World</a> <a href="/letters.html">Letters</a> <a href="/archive.html">Archive</a></td>
</tr></table>
<hr>
<div id="content">
  <h2>{esc(s.meta["title"])}</h2>
  <div id="story-body">
{body}
  </div>
  <div class="promo">
    <p><b>Share this story:</b> <a href="mailto:?body={s.id}">Email</a> | <a href="/print/{s.id}.html">Print</a></p>
    <p>Sign up for the Courier's weekly world roundup: <a href="/newsletter.html">subscribe here</a>.</p>
  </div>
  <h3>Also in World</h3>
  <ul>
{rel}
  </ul>
</div>
<hr>
<div id="footer">
  <p>The Northgate Courier · 14 Mill Street · Northgate</p>
  <p>Letters to the editor: letters@northgatecourier.example</p>
</div>
</body>
</html>
'''


def page_syndicated(s: Source, alls: list[Source]) -> str:
    paras = ["          <p>" + inline(p, "raw") + "</p>" for p in s.paragraphs]
    paras.append('          <p class="syndication-note"><em>Originally published on <a href="https://atlaswire.example/">The Atlas Wire</a>.</em></p>')
    paras.append('          <p class="copyright">© 2025 Atlas Wire Services. Republished with permission.</p>')
    body = "\n".join(paras)
    rel = "\n".join(f'            <li class="jp-relatedposts-post"><a href="/{o.date[0:4]}/{o.date[5:7]}/{slug(o)}/">{esc(o.meta["title"])}</a></li>'
                    for o in related(s, alls, 3))
    author = s.authors[0] if s.authors else "Atlas Wire"
    return f'''<!DOCTYPE html>
<html lang="en-US">
<head>
<meta charset="UTF-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="parley:synthetic" content="{SYNTHETIC}">
<title>{esc(s.meta["title"])} &#8211; The Lakeside Ledger</title>
<meta name="generator" content="WordPress 6.7.2">
<link rel="canonical" href="https://atlaswire.example/story/{slug(s)}">
<link rel="stylesheet" id="ledger-style-css" href="https://lakesideledger.example/wp-content/themes/ledger/style.css?ver=3.2" media="all">
<link rel="alternate" type="application/rss+xml" title="The Lakeside Ledger &raquo; Feed" href="https://lakesideledger.example/feed/">
<script src="https://lakesideledger.example/wp-includes/js/jquery/jquery.min.js?ver=3.7.1" id="jquery-core-js"></script>
</head>
<body class="post-template-default single single-post postid-{abs(hash_index(s.id, 90000)) + 10000} single-format-standard">
<div id="page" class="site">
  <header id="masthead" class="site-header">
    <div class="site-branding"><p class="site-title"><a href="https://lakesideledger.example/" rel="home">The Lakeside Ledger</a></p>
      <p class="site-description">News for the lakes region and the world</p></div>
    <nav id="site-navigation" class="main-navigation"><ul id="primary-menu" class="menu">
      <li class="menu-item"><a href="/category/local/">Local</a></li><li class="menu-item"><a href="/category/world/">World</a></li>
      <li class="menu-item"><a href="/category/business/">Business</a></li><li class="menu-item"><a href="/category/sports/">Sports</a></li>
      <li class="menu-item"><a href="/obituaries/">Obituaries</a></li></ul></nav>
  </header>
  <div id="content" class="site-content">
    <div id="primary" class="content-area"><main id="main" class="site-main">
      <article class="post type-post status-publish format-standard hentry category-world">
        <header class="entry-header">
          <h1 class="entry-title">{esc(s.meta["title"])}</h1>
          <div class="entry-meta"><span class="posted-on">Posted on <time class="entry-date published" datetime="{s.date}">{human_date(s.date)}</time></span>
            <span class="byline"> by <span class="author vcard"><a class="url fn n" href="/author/wire/">{esc(author)}</a></span></span></div>
        </header>
        <div class="entry-content">
{body}
          <div class="sharedaddy sd-sharing-enabled"><h3 class="sd-title">Share this:</h3>
            <ul><li><a class="share-facebook" href="?share=facebook">Facebook</a></li><li><a class="share-x" href="?share=x">X</a></li><li><a class="share-print" href="#print">Print</a></li></ul></div>
          <div id="jp-relatedposts" class="jp-relatedposts"><h3 class="jp-relatedposts-headline">Related</h3><ul>
{rel}
          </ul></div>
        </div>
        <footer class="entry-footer"><span class="cat-links">Posted in <a href="/category/world/" rel="category tag">World</a></span></footer>
      </article>
      <div id="comments" class="comments-area"><p class="no-comments">Comments are closed.</p></div>
    </main></div>
    <aside id="secondary" class="widget-area">
      <section class="widget widget_mc4wp_form_widget"><h2 class="widget-title">Daily headlines</h2><form><input type="email" name="EMAIL" placeholder="Your email address"><input type="submit" value="Sign up"></form></section>
      <section class="widget"><div class="ad-slot" data-slot="sidebar-300x250">Advertisement</div></section>
    </aside>
  </div>
  <footer id="colophon" class="site-footer"><div class="site-info">© 2025 The Lakeside Ledger · Proudly powered by WordPress</div></footer>
</div>
</body>
</html>
'''


def page_microdata(s: Source, alls: list[Source]) -> str:
    body = "\n".join(f"            <p>{inline(p, 'numeric')}</p>" for p in s.paragraphs)
    authors = ", ".join(
        f'<span itemprop="author" itemscope itemtype="https://schema.org/Person"><a itemprop="url" href="/staff/{a.lower().replace(" ", "-")}"><span itemprop="name">{esc(a)}</span></a></span>'
        for a in s.authors)
    rel = "\n".join(f'          <div class="card"><a href="/a/{o.id}"><h4>{esc(o.meta["title"])}</h4></a><time datetime="{o.date[0:10]}">{human_date(o.date)}</time></div>'
                    for o in related(s, alls, 3))
    return f'''<!doctype html>
<html lang="en">
<head>
    <meta charset="utf-8">
    <meta http-equiv="X-UA-Compatible" content="IE=edge">
    <meta name="parley:synthetic" content="{SYNTHETIC}">
    <title>{esc(s.meta["title"])} · Eastbridge Chronicle</title>
    <meta name="description" content="{esc(s.meta.get("dek", ""))}">
    <meta name="robots" content="max-image-preview:large">
    <link rel="stylesheet" href="/static/chronicle.min.css">
    <script>(function(w){{w.ebc=w.ebc||{{}};w.ebc.section="world";}})(window);</script>
</head>
<body class="layout-article">
    <div class="top-strip">Eastbridge Chronicle · <a href="/e-paper">E-paper</a> · <a href="/login">Log in</a></div>
    <header class="ebc-header">
        <div class="ebc-logo"><a href="/" title="Eastbridge Chronicle">Eastbridge Chronicle</a></div>
        <nav class="ebc-menu"><a href="/news">News</a><a href="/world">World</a><a href="/analysis">Analysis</a><a href="/podcasts">Podcasts</a></nav>
    </header>
    <div class="breadcrumbs"><a href="/">Home</a> › <a href="/world">World</a> › <a href="/world/europe">Europe</a></div>
    <main>
        <article itemscope itemtype="https://schema.org/NewsArticle">
            <meta itemprop="inLanguage" content="en">
            <h1 itemprop="headline">{inline(s.meta["title"], "numeric")}</h1>
            <p class="standfirst" itemprop="description">{inline(s.meta.get("dek", ""), "numeric")}</p>
            <div class="meta">By {authors} · <time itemprop="datePublished" datetime="{s.date}">{human_date(s.date)}</time>
                <span itemprop="publisher" itemscope itemtype="https://schema.org/Organization"><meta itemprop="name" content="Eastbridge Chronicle"></span></div>
            <div class="social"><button data-net="x">Post</button><button data-net="linkedin">LinkedIn</button><button data-net="mail">Mail</button></div>
            <div class="article-text" >
            <div itemprop="articleBody">
{body}
            </div>
            </div>
            <div class="ad-container"><ins class="adsbygoogle" data-ad-slot="4412"></ins></div>
        </article>
        <section class="more-cards">
          <h3>More from World</h3>
{rel}
        </section>
        <section class="signup"><h3>The Chronicle Daily</h3><p>Sign up to our free morning email.</p><input type="email"><button>Sign up</button></section>
{comments_block(COMMENTS[hash_index(s.id, 3)], "reader-comments")}
    </main>
    <footer class="ebc-footer"><p>© 2025 Eastbridge Chronicle Ltd.</p><p><a href="/about">About</a> | <a href="/ethics">Editorial standards</a> | <a href="/contact">Contact</a></p></footer>
</body>
</html>
'''


RU_MONTHS = ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября",
             "ноября", "декабря"]


def page_cp1251(s: Source, alls: list[Source]) -> str:
    body = "\n".join(f"\t\t<p>{inline(p, 'raw')}</p>" for p in s.paragraphs)
    d = f"{int(s.date[8:10])} {RU_MONTHS[int(s.date[5:7]) - 1]} {s.date[0:4]}, {s.date[11:16]}"
    kicker = s.meta.get("kicker", "Переговоры")
    return f'''<!DOCTYPE html>
<html lang="ru">
<head>
<meta charset="windows-1251">
<meta name="parley:synthetic" content="{SYNTHETIC}">
<title>{esc(s.meta["title"])} — Северный вестник (English edition)</title>
<meta name="keywords" content="Украина, Россия, переговоры, Ukraine, Russia, talks">
<link rel="stylesheet" href="/css/style.css">
</head>
<body>
<div id="header">
\t<a href="/" class="logo">Северный вестник</a>
\t<ul class="menu"><li><a href="/ru/">Главная</a></li><li><a href="/ru/politics/">Политика</a></li><li><a href="/ru/world/">В мире</a></li><li><a href="/ru/economy/">Экономика</a></li><li><a href="/en/">English</a></li></ul>
\t<div class="search"><form action="/search/"><input type="text" name="q" value="Поиск по сайту"></form></div>
</div>
<div id="banner-top"><a href="/adv/"><img src="/b/top.gif" width="728" height="90" alt="Реклама"></a></div>
<div id="main">
\t<div class="rubric">{esc(kicker)}</div>
\t<h1>{esc(s.meta["title"])}</h1>
\t<div class="date">{d}</div>
\t<div class="lead">{esc(s.meta.get("dek", ""))}</div>
\t<div class="news-text">
{body}
\t</div>
\t<div class="author">Автор: {esc(", ".join(s.authors))}</div>
\t<div class="share">Поделиться: <a href="#">ВКонтакте</a> <a href="#">Telegram</a> <a href="#">Одноклассники</a></div>
\t<div class="subscribe">Подпишитесь на нашу рассылку: <input type="text" name="email"> <input type="submit" value="OK"></div>
\t<div class="related"><h3>Читайте также</h3><ul>
{chr(10).join(f'		<li><a href="/en/{o.id}.html">{esc(o.meta["title"])}</a></li>' for o in related(s, alls, 3))}
\t</ul></div>
</div>
<div id="footer">© 2003–2025 «Северный вестник». Все права защищены. При перепечатке ссылка обязательна.</div>
</body>
</html>
'''


def page_wire(s: Source) -> str:
    paras = "\n\n".join(s.plain(p) for p in s.paragraphs)
    return (f'{s.meta["title"]}\n{s.meta.get("dek", "")}\n\n{paras}\n\n'
            f"Originally published on The Atlas Wire (atlaswire.example)\n"
            f"© 2025 Atlas Wire Services. All rights reserved.\n")


def hash_index(s: str, n: int) -> int:
    h = 0
    for c in s:
        h = (h * 31 + ord(c)) % 1000003
    return h % n


def render(s: Source, alls: list[Source]) -> bytes:
    t = s.template
    if t == "wire":
        return page_wire(s).encode("utf-8")
    if t == "cp1251":
        return page_cp1251(s, alls).encode("windows-1251")
    fn = {"jsonld": page_jsonld, "opengraph": page_opengraph, "byline": page_byline,
          "syndicated": page_syndicated, "microdata": page_microdata}[t]
    return fn(s, alls).encode("utf-8")


# ----------------------------------------------------------------------------------------------------------
# Body text, computed from the rendered bytes (the same rule as DemoCorpusTests.BodyText)

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class BodyParser(HTMLParser):
    def __init__(self, container):
        super().__init__(convert_charrefs=True)
        self.container = container
        self.stack: list[bool] = []      # per open element: is it the body container?
        self.in_p = 0
        self.buf: list[str] = []
        self.paragraphs: list[str] = []
        self.found = False

    def handle_starttag(self, tag, attrs):
        if tag in VOID:
            return
        a = dict(attrs)
        tagname, attr, value = self.container
        is_container = tag == tagname and value in (a.get(attr) or "").split() and not self.found
        if tag == "p" and self.stack and self.stack[-1] and not self.in_p:
            self.in_p = len(self.stack) + 1
            self.buf = []
        if is_container:
            self.found = True
        self.stack.append(is_container)

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        if self.in_p and tag == "p" and len(self.stack) == self.in_p:
            self.paragraphs.append(re.sub(r"\s+", " ", "".join(self.buf)).strip())
            self.in_p = 0
        if self.stack:
            self.stack.pop()

    def handle_data(self, data):
        if self.in_p:
            self.buf.append(data)


def body_text(file_name: str, data: bytes) -> str:
    if file_name.endswith(".txt"):
        return data.decode("utf-8").replace("\r\n", "\n")
    m = re.search(rb'charset="?([\w-]+)', data[:2048])
    text = data.decode(m.group(1).decode() if m else "utf-8")
    for container in BODY_CONTAINERS:
        p = BodyParser(container)
        p.feed(text)
        if p.found:
            paras = [x for x in p.paragraphs if x and not EXCLUDED_PARAGRAPH.match(x)]
            return "\n\n".join(paras)
    raise SystemExit(f"{file_name}: no body container")


# ----------------------------------------------------------------------------------------------------------
# Gold: locate the hand-written strings

def occurrences(hay: str, needle: str, words: bool) -> list[int]:
    if words:
        return [m.start() for m in re.finditer(r"(?<!\w)" + re.escape(needle) + r"(?!\w)", hay)]
    return [m.start() for m in re.finditer(re.escape(needle), hay)]


def locate_gold(s: Source, text: str) -> dict:
    statements = []
    errors = []
    for line in s.gold_lines:
        fields = [f.strip() for f in line.split(" | ")]
        if len(fields) != 5:
            errors.append(f"needs 5 fields: {line}")
            continue
        kind, content, cue, mention, who = fields
        content = content.replace("\\n", "\n")   # a quote that runs over paragraphs is written with \n
        if kind not in ("quote", "reported", "mixed"):
            errors.append(f"bad kind {kind}: {line}")
            continue
        hits = occurrences(text, content, False)
        if len(hits) != 1:
            errors.append(f"content found {len(hits)} times: {content!r}")
            continue
        start = hits[0]
        end = start + len(content)
        forced = None
        if re.search(r"@\d+$", mention):
            mention, _, k = mention.rpartition("@")
            forced = int(k)
        mhits = occurrences(text, mention, True)
        if not mhits:
            errors.append(f"mention not found: {mention!r}")
            continue
        if forced:
            ms = mhits[forced - 1]
        else:
            ms = min(mhits, key=lambda h: (0 if h >= end or h + len(mention) <= start else 1, distance(h, len(mention), start, end)))
        chits = occurrences(text, cue, True)
        if not chits or min(distance(h, len(cue), start, end) for h in chits) > 400:
            errors.append(f"cue {cue!r} not found near {content[:40]!r}")
            continue
        if who.startswith("anon:"):
            party = who[5:]
            if party not in PARTIES:
                errors.append(f"bad party {party}")
                continue
            speaker, actor = None, None
        else:
            if who not in ACTORS:
                errors.append(f"unknown actor {who}")
                continue
            speaker, party = ACTORS[who]
            actor = who
        statements.append({
            "kind": kind, "text": content, "start": start, "end": end, "cue": cue,
            "speakerMention": mention, "speakerMentionStart": ms, "speakerMentionEnd": ms + len(mention),
            "speaker": speaker, "actorId": actor, "party": party,
        })
    if errors:
        raise SystemExit(f"{s.id}: gold errors:\n  " + "\n  ".join(errors))
    statements.sort(key=lambda st: st["start"])
    return {"article": s.file_name, "statements": statements}


def distance(h: int, n: int, start: int, end: int) -> int:
    if h + n <= start:
        return start - (h + n)
    if h >= end:
        return h - end
    return 0


# ----------------------------------------------------------------------------------------------------------

def main() -> int:
    check = "--check" in sys.argv
    sources = [Source(p) for p in sorted(SRC.glob("*.article"))]
    ARTICLES.mkdir(exist_ok=True)
    GOLD.mkdir(exist_ok=True)
    changed = []
    problems = []
    for s in sources:
        data = render(s, sources)
        if s.template == "cp1251" and "cp1251" not in s.id:
            problems.append(f"{s.id}: windows-1251 page needs cp1251 in its name")
        if not ("2025-02-01" <= s.date[0:10] <= "2025-12-31") or not s.id.startswith(s.date[0:10]):
            problems.append(f"{s.id}: date {s.date} outside Feb–Dec 2025 or not in file name")
        text = body_text(s.file_name, data)
        words = len(re.findall(r"\w+", "\n\n".join(s.plain(p) for p in s.paragraphs)))
        if not 250 <= words <= 600:
            problems.append(f"{s.id}: {words} words")
        if s.template != "wire":
            expected = "\n\n".join(s.plain(p) for p in s.paragraphs)
            if text != expected:
                problems.append(f"{s.id}: body text differs from source paragraphs")
        outputs = [(ARTICLES / s.file_name, data)]
        if s.gold_lines:
            gold = locate_gold(s, text)
            outputs.append((GOLD / (s.id + ".json"), (json.dumps(gold, ensure_ascii=False, indent=2) + "\n").encode("utf-8")))
        for path, content in outputs:
            if not path.exists() or path.read_bytes() != content:
                changed.append(path.name)
                if not check:
                    path.write_bytes(content)
    produced = {s.file_name for s in sources} | {s.id + ".json" for s in sources if s.gold_lines}
    for folder in (ARTICLES, GOLD):
        for stale in folder.iterdir():
            if stale.name not in produced:
                changed.append(stale.name)
                if not check:
                    stale.unlink()
    gold_count = sum(1 for s in sources if s.gold_lines)
    templates = sorted({s.template for s in sources})
    print(f"{len(sources)} articles, {gold_count} gold files, templates: {', '.join(templates)}", file=sys.stderr)
    for p in problems:
        print("problem: " + p, file=sys.stderr)
    if check and changed:
        print("out of date: " + ", ".join(changed), file=sys.stderr)
        return 1
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
