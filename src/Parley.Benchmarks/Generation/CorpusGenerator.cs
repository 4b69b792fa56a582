using System.Globalization;
using System.Text;

namespace Parley.Benchmarks.Generation;

/// <summary>How a synthetic corpus looks.</summary>
internal sealed record GeneratorOptions
{
    /// <summary>Smallest page size in bytes. <value>50 KB.</value></summary>
    public int MinBytes { get; init; } = 50 * 1024;

    /// <summary>Largest page size in bytes (the page is padded with comments and scripts up to a size drawn between the two). <value>300 KB.</value></summary>
    public int MaxBytes { get; init; } = 300 * 1024;

    /// <summary>Share of pages with a JSON-LD NewsArticle block. <value>0.6.</value></summary>
    public double JsonLdShare { get; init; } = 0.6;

    /// <summary>The year the articles are dated across. <value>2025.</value></summary>
    public int Year { get; init; } = 2025;
}

/// <summary>What the generator wrote.</summary>
/// <param name="Files">Pages written.</param>
/// <param name="Bytes">Total size.</param>
/// <param name="Statements">Quotes and reported statements placed in the bodies.</param>
internal sealed record GeneratedCorpus(int Files, long Bytes, int Statements);

/// <summary>
/// Writes synthetic news pages that look like real ones in size and structure: navigation, tickers, related links,
/// comments, inline scripts, ads and (on some) JSON-LD around an article body in which the gazetteer's actors speak on
/// the taxonomy's issues, in direct quotes and reported speech, dated across a year.
/// </summary>
/// <remarks>
/// Page <c>i</c> depends only on the seed and <c>i</c>, so a corpus is reproducible byte for byte and any page can be
/// regenerated alone. Pages are streamed to disk one at a time; memory does not grow with the corpus.
/// The text is synthetic and illustrative, not a record of what anyone said.
/// </remarks>
internal sealed class CorpusGenerator(GeneratorOptions? options = null)
{
    private readonly GeneratorOptions _options = options ?? new GeneratorOptions();

    /// <summary>Writes <paramref name="count"/> pages under <paramref name="outDir"/> (<c>YYYY-MM/article-NNNNNN.html</c>).</summary>
    public async Task<GeneratedCorpus> WriteAsync(string outDir, int count, int seed, IProgress<int>? progress = null, CancellationToken ct = default)
    {
        long bytes = 0;
        int statements = 0;
        for (int i = 0; i < count; i++)
        {
            ct.ThrowIfCancellationRequested();
            var page = Page(seed, i);
            var path = Path.Combine(outDir, page.Date.ToString("yyyy-MM", CultureInfo.InvariantCulture), $"article-{i:D6}.html");
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await using (var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 64 * 1024, useAsync: true))
            await using (var writer = new StreamWriter(stream, new UTF8Encoding(false), 64 * 1024))
            {
                statements += await WritePageAsync(writer, page, ct);
            }
            bytes += new FileInfo(path).Length;
            progress?.Report(i + 1);
        }
        return new GeneratedCorpus(count, bytes, statements);
    }

    internal sealed record PageSpec(int Index, int Seed, DateOnly Date, Outlet Outlet, int TargetBytes);

    internal PageSpec Page(int seed, int index)
    {
        var rng = new Random(unchecked(seed * 1_000_003 + index));
        var start = new DateOnly(_options.Year, 1, 1);
        int days = DateTime.IsLeapYear(_options.Year) ? 366 : 365;
        return new PageSpec(index, seed, start.AddDays(rng.Next(days)), Outlets[rng.Next(Outlets.Length)],
            rng.Next(_options.MinBytes, _options.MaxBytes + 1));
    }

    /// <summary>Writes one page and returns how many statements its body holds.</summary>
    internal async Task<int> WritePageAsync(TextWriter w, PageSpec page, CancellationToken ct)
    {
        var rng = new Random(unchecked(page.Seed * 7_919 + page.Index * 104_729 + 17));
        var counter = new CountingWriter(w);
        var published = page.Date.ToDateTime(new TimeOnly(rng.Next(6, 22), rng.Next(60)));
        var offset = TimeSpan.FromHours(page.Outlet.UtcOffset);
        var when = new DateTimeOffset(published, offset);
        var issue = Issues[rng.Next(Issues.Length)];
        var lead = Actors[rng.Next(Actors.Length)];
        var title = Pick(rng, Headlines).Replace("{surname}", lead.Surname).Replace("{topic}", issue.Topic);
        var slug = Slug(title);
        var url = $"https://www.{page.Outlet.Domain}/world/{page.Date.ToString("yyyy/MM/dd", CultureInfo.InvariantCulture)}/{slug}-{page.Index:D6}";
        var author = $"{Pick(rng, FirstNames)} {Pick(rng, LastNames)}";
        var stamp = when.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

        var (body, statements) = Body(rng, issue, lead, page.Date);

        counter.Write($"""
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <title>{Html(title)} | {page.Outlet.Name}</title>
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="description" content="{Html(body[0])}">
            <link rel="canonical" href="{url}">
            <meta property="og:type" content="article">
            <meta property="og:title" content="{Html(title)}">
            <meta property="og:url" content="{url}">
            <meta property="og:site_name" content="{page.Outlet.Name}">
            <meta property="article:published_time" content="{stamp}">
            <meta name="twitter:card" content="summary_large_image">
            <meta name="author" content="{author}">
            <link rel="stylesheet" href="https://static.{page.Outlet.Domain}/css/main.{rng.Next():x8}.css">
            <style>{Css(rng)}</style>

            """);
        WriteScript(counter, rng, 1 + rng.Next(3));
        if (rng.NextDouble() < _options.JsonLdShare)
        {
            var modified = when.AddHours(rng.Next(1, 9)).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
            counter.Write("<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@type\":\"NewsArticle\"," +
                $"\"headline\":\"{Json(title)}\",\"datePublished\":\"{stamp}\",\"dateModified\":\"{modified}\"," +
                $"\"author\":[{{\"@type\":\"Person\",\"name\":\"{author}\"}}]," +
                $"\"publisher\":{{\"@type\":\"Organization\",\"name\":\"{page.Outlet.Name}\"}}," +
                $"\"mainEntityOfPage\":\"{url}\",\"articleSection\":\"World\"}}</script>\n");
        }
        counter.Write("</head>\n<body class=\"article-page\">\n");
        WriteHeader(counter, rng, page.Outlet);
        counter.Write($"""
            <main id="main"><article class="story">
            <header class="story-header"><p class="kicker">Ukraine war</p><h1 class="headline">{Html(title)}</h1>
            <p class="byline">By <a href="/authors/{Slug(author)}" rel="author">{author}</a>, {Pick(rng, Desks)}</p>
            <time datetime="{stamp}">{when.ToString("MMMM d, yyyy h:mm tt", CultureInfo.InvariantCulture)}</time>
            <div class="share-bar"><a href="#">Share on X</a> <a href="#">Facebook</a> <a href="#">Email</a> <a href="#">Copy link</a></div></header>
            <figure class="lead-image"><img src="https://static.{page.Outlet.Domain}/img/{rng.Next():x8}.jpg" alt="">
            <figcaption>File photo. Credit: {Pick(rng, LastNames)}/Agency</figcaption></figure>
            <div class="story-body">

            """);
        for (int p = 0; p < body.Count; p++)
        {
            counter.Write($"<p>{Html(body[p])}</p>\n");
            if (p % 4 == 3) WriteAd(counter, rng);
            if (p == body.Count / 2) WriteInlineRelated(counter, rng, page.Outlet);
        }
        counter.Write($"""
            </div>
            <p class="copyright">© {page.Date.Year} {page.Outlet.Name}. All rights reserved.</p>
            </article>

            """);
        WriteRelated(counter, rng, page.Outlet);
        counter.Write("<section id=\"comments\" class=\"comments\"><h2>Comments</h2>\n");
        // Pad to the target size with reader comments and the script payloads real pages carry.
        int footerAllowance = 6_000;
        while (counter.Count < page.TargetBytes - footerAllowance)
        {
            ct.ThrowIfCancellationRequested();
            if (rng.NextDouble() < 0.7) WriteComment(counter, rng);
            else WriteScript(counter, rng, 1);
        }
        counter.Write("</section></main>\n");
        WriteFooter(counter, rng, page.Outlet);
        counter.Write("</body>\n</html>\n");
        await w.FlushAsync(ct);
        return statements;
    }

    private (List<string> Paragraphs, int Statements) Body(Random rng, Issue issue, Actor lead, DateOnly date)
    {
        var paragraphs = new List<string>();
        int count = rng.Next(8, 26);
        int statements = 0;
        var weekday = date.DayOfWeek.ToString();
        paragraphs.Add(Fill(rng, Pick(rng, Ledes), issue, lead, weekday));
        for (int i = 1; i < count; i++)
        {
            if (rng.NextDouble() < 0.45)
            {
                var actor = rng.NextDouble() < 0.5 ? lead : Actors[rng.Next(Actors.Length)];
                var topic = rng.NextDouble() < 0.7 ? issue : Issues[rng.Next(Issues.Length)];
                bool support = rng.NextDouble() < actor.SupportBias(topic.Id);
                var claim = Pick(rng, support ? topic.Support : topic.Oppose);
                // Real statements rarely repeat word for word; a qualifier keeps synthetic ones from doing so
                // (otherwise caches keyed by text would make classification look faster than it is).
                if (rng.NextDouble() < 0.9) claim += " " + Fill(rng, Pick(rng, Qualifiers), topic, actor, weekday);
                if (rng.NextDouble() < 0.6) claim += ", " + Fill(rng, Pick(rng, Qualifiers), topic, actor, weekday);
                paragraphs.Add(Statement(rng, actor, claim, weekday));
                statements++;
            }
            else
            {
                paragraphs.Add(Fill(rng, Pick(rng, Background), issue, lead, weekday) + " " + Fill(rng, Pick(rng, Background), issue, lead, weekday));
            }
        }
        return (paragraphs, statements);
    }

    private static string Statement(Random rng, Actor actor, string claim, string weekday)
    {
        var sentence = char.ToUpperInvariant(claim[0]) + claim[1..];
        return rng.Next(6) switch
        {
            0 => $"“{sentence},” {actor.Name} said on {weekday}.",
            1 => $"“{sentence},” said {actor.Role}.",
            2 => $"{actor.Name} said that {claim}.",
            3 => $"According to {actor.Name}, {claim}.",
            4 => $"{actor.Role[0..1].ToUpperInvariant()}{actor.Role[1..]} told reporters that {claim}, adding: “We have been clear about this.”",
            _ => $"“{sentence}. That is our position,” {actor.Surname} told reporters in {Capitals[rng.Next(Capitals.Length)]}.",
        };
    }

    private static string Fill(Random rng, string template, Issue issue, Actor lead, string weekday) => template
        .Replace("{surname}", lead.Surname).Replace("{name}", lead.Name).Replace("{topic}", issue.Topic)
        .Replace("{weekday}", weekday).Replace("{city}", Capitals[rng.Next(Capitals.Length)])
        .Replace("{n}", rng.Next(2, 400).ToString(CultureInfo.InvariantCulture))
        .Replace("{region}", Regions[rng.Next(Regions.Length)]);

    private static void WriteHeader(CountingWriter w, Random rng, Outlet outlet)
    {
        w.Write($"<div class=\"cookie-banner\">We use cookies to improve your experience. <button>Accept all</button> <button>Manage</button></div>\n");
        w.Write($"<header class=\"site-header\"><a class=\"logo\" href=\"https://www.{outlet.Domain}/\">{outlet.Name}</a>\n<nav class=\"main-nav\"><ul>\n");
        int links = rng.Next(30, 120);
        for (int i = 0; i < links; i++)
            w.Write($"<li><a href=\"/{Pick(rng, Sections).ToLowerInvariant()}/{rng.Next(1000)}\">{Pick(rng, Sections)}</a></li>\n");
        w.Write("</ul></nav>\n<div class=\"ticker\">Breaking: ");
        for (int i = 0; i < 5; i++) w.Write($"<a href=\"/live/{rng.Next(100000)}\">{Pick(rng, Teasers)}</a> · ");
        w.Write("</div></header>\n");
    }

    private static void WriteAd(CountingWriter w, Random rng) =>
        w.Write($"<div class=\"ad-slot\" data-ad-unit=\"/{rng.Next(100000)}/article_inline\" id=\"ad-{rng.Next():x8}\"><span class=\"ad-label\">Advertisement</span><script>googletag.cmd.push(function(){{googletag.display('ad-{rng.Next():x8}');}});</script></div>\n");

    private static void WriteInlineRelated(CountingWriter w, Random rng, Outlet outlet) =>
        w.Write($"<aside class=\"read-more\"><strong>Read more:</strong> <a href=\"https://www.{outlet.Domain}/world/{rng.Next(100000)}\">{Pick(rng, Teasers)}</a></aside>\n");

    private static void WriteRelated(CountingWriter w, Random rng, Outlet outlet)
    {
        w.Write("<section class=\"related\"><h2>Related stories</h2><ul>\n");
        int n = rng.Next(10, 30);
        for (int i = 0; i < n; i++)
            w.Write($"<li><a href=\"https://www.{outlet.Domain}/world/{rng.Next(100000)}\">{Pick(rng, Teasers)}</a><span class=\"time\">{rng.Next(1, 23)} hours ago</span></li>\n");
        w.Write("</ul></section>\n<div class=\"newsletter\"><h3>Sign up for our daily briefing</h3><form><input type=\"email\" placeholder=\"Email address\"><button>Subscribe</button></form></div>\n");
    }

    private static void WriteComment(CountingWriter w, Random rng)
    {
        w.Write($"<div class=\"comment\" id=\"c{rng.Next():x8}\"><span class=\"user\">{Pick(rng, Handles)}{rng.Next(1000)}</span> <span class=\"ago\">{rng.Next(1, 59)} min ago</span><p>");
        int sentences = rng.Next(1, 5);
        for (int i = 0; i < sentences; i++) w.Write(Pick(rng, CommentLines) + " ");
        w.Write($"</p><a class=\"reply\" href=\"#\">Reply</a> <span class=\"likes\">{rng.Next(200)}</span></div>\n");
    }

    private static void WriteScript(CountingWriter w, Random rng, int blobs)
    {
        w.Write("<script>window.__STATE__=window.__STATE__||{};window.__STATE__.modules=[");
        for (int b = 0; b < blobs * 20; b++)
            w.Write($"{{\"id\":\"m{rng.Next():x8}\",\"type\":\"{Pick(rng, Sections).ToLowerInvariant()}\",\"ttl\":{rng.Next(3600)},\"flags\":[{rng.Next(9)},{rng.Next(9)},{rng.Next(9)}],\"track\":\"https://metrics.example/p?id={rng.Next():x8}&amp;r={rng.Next():x8}\"}},");
        w.Write("null];(function(){var d=document,s=d.createElement('script');s.async=true;s.src='https://cdn.example/analytics.js';d.head.appendChild(s);})();</script>\n");
    }

    private static void WriteFooter(CountingWriter w, Random rng, Outlet outlet)
    {
        w.Write("<footer class=\"site-footer\"><nav><ul>\n");
        foreach (var item in FooterLinks) w.Write($"<li><a href=\"/{Slug(item)}\">{item}</a></li>\n");
        w.Write($"</ul></nav><p>© {outlet.Name}. Registered in {Capitals[rng.Next(Capitals.Length)]}.</p></footer>\n");
        WriteScript(w, rng, 1);
    }

    private static string Css(Random rng)
    {
        var sb = new StringBuilder();
        for (int i = 0; i < 40; i++) sb.Append(CultureInfo.InvariantCulture, $".c{rng.Next():x6}{{margin:{rng.Next(24)}px;color:#{rng.Next(0xffffff):x6}}}");
        return sb.ToString();
    }

    private static T Pick<T>(Random rng, T[] items) => items[rng.Next(items.Length)];

    private static string Html(string text) => System.Net.WebUtility.HtmlEncode(text);

    private static string Json(string text) => text.Replace("\\", "\\\\").Replace("\"", "\\\"");

    private static string Slug(string text)
    {
        var sb = new StringBuilder();
        foreach (var c in text.ToLowerInvariant())
            if (char.IsAsciiLetterOrDigit(c)) sb.Append(c);
            else if (sb.Length > 0 && sb[^1] != '-') sb.Append('-');
        return sb.ToString().Trim('-');
    }

    /// <summary>Counts the UTF-16 units written, which for these mostly-ASCII pages is close to the byte size.</summary>
    private sealed class CountingWriter(TextWriter inner)
    {
        public long Count { get; private set; }

        public void Write(string text)
        {
            inner.Write(text);
            Count += text.Length;
        }
    }

    internal sealed record Outlet(string Name, string Domain, int UtcOffset);

    internal sealed record Actor(string Name, string Surname, string Role, string Party)
    {
        // Parties lean as in the 2025 talks, so synthetic positions differ by party (illustrative only).
        public double SupportBias(string issue) => (Party, issue) switch
        {
            ("Russia", "nato") => 0.05,
            ("Russia", "territory") => 0.9,
            ("Russia", "sanctions") => 0.95,
            ("Russia", "ceasefire") => 0.3,
            ("Russia", "security-guarantees") => 0.1,
            ("Ukraine", "nato") => 0.9,
            ("Ukraine", "territory") => 0.05,
            ("Ukraine", "sanctions") => 0.05,
            ("Ukraine", "ceasefire") => 0.8,
            ("Ukraine", "security-guarantees") => 0.95,
            ("United States", "nato") => 0.2,
            ("United States", "us-proposal") => 0.95,
            ("Europe", "security-guarantees") => 0.9,
            ("Europe", "sanctions") => 0.05,
            _ => 0.5,
        };
    }

    internal sealed record Issue(string Id, string Topic, string[] Support, string[] Oppose);

    private static readonly Outlet[] Outlets =
    [
        new("Harbor Post", "harborpost.example", 0), new("Daily Meridian", "dailymeridian.example", 1),
        new("Northern Ledger", "northernledger.example", 2), new("The Continental", "continental.example", 1),
        new("Capital Wire", "capitalwire.example", -5), new("Eastern Courier", "easterncourier.example", 3),
        new("Morning Dispatch", "morningdispatch.example", -5), new("Riverside Tribune", "riversidetribune.example", 0),
        new("Atlas Review", "atlasreview.example", 2), new("Global Sentinel", "globalsentinel.example", -4),
    ];

    private static readonly Actor[] Actors =
    [
        new("Vladimir Putin", "Putin", "the Russian president", "Russia"),
        new("Dmitry Peskov", "Peskov", "the Kremlin spokesman", "Russia"),
        new("Sergei Lavrov", "Lavrov", "Russia's foreign minister", "Russia"),
        new("Yuri Ushakov", "Ushakov", "the Kremlin aide", "Russia"),
        new("Kirill Dmitriev", "Dmitriev", "the Russian envoy", "Russia"),
        new("Maria Zakharova", "Zakharova", "the Russian foreign ministry spokeswoman", "Russia"),
        new("Volodymyr Zelensky", "Zelensky", "the Ukrainian president", "Ukraine"),
        new("Andriy Yermak", "Yermak", "the head of Ukraine's presidential office", "Ukraine"),
        new("Andrii Sybiha", "Sybiha", "Ukraine's foreign minister", "Ukraine"),
        new("Rustem Umerov", "Umerov", "Ukraine's chief negotiator", "Ukraine"),
        new("Donald Trump", "Trump", "the US president", "United States"),
        new("JD Vance", "Vance", "the US vice president", "United States"),
        new("Marco Rubio", "Rubio", "the US secretary of state", "United States"),
        new("Steve Witkoff", "Witkoff", "the US special envoy", "United States"),
        new("Keith Kellogg", "Kellogg", "the US envoy for Ukraine", "United States"),
        new("Karoline Leavitt", "Leavitt", "the White House press secretary", "United States"),
        new("Emmanuel Macron", "Macron", "the French president", "Europe"),
        new("Keir Starmer", "Starmer", "the British prime minister", "Europe"),
        new("Friedrich Merz", "Merz", "the German chancellor", "Europe"),
        new("Ursula von der Leyen", "von der Leyen", "the European Commission president", "Europe"),
        new("Kaja Kallas", "Kallas", "the EU foreign policy chief", "Europe"),
        new("Mark Rutte", "Rutte", "the NATO secretary general", "Other"),
    ];

    private static readonly Issue[] Issues =
    [
        new("territory", "territory",
            ["any settlement must recognise the new territorial realities on the ground", "the regions that voted to join Russia are not up for discussion", "Crimea will stay Russian under any deal"],
            ["Ukraine will never recognise the occupied territories as Russian", "not a single square metre of Ukrainian land will be given away", "borders cannot be redrawn by force"]),
        new("nato", "NATO membership",
            ["Ukraine's future lies in NATO and the door must stay open", "membership of the alliance is the only real guarantee for Ukraine", "NATO's open-door policy still applies to Kyiv"],
            ["NATO membership for Ukraine is out of the question", "Ukraine's neutrality is a precondition for any agreement", "the alliance will not be expanding to Ukraine"]),
        new("sanctions", "sanctions",
            ["the sanctions should be lifted as part of a settlement", "easing economic restrictions would help the talks", "the restrictions on Russian banks must go"],
            ["sanctions must stay in place until Russia ends the war", "pressure on Moscow has to increase, not decrease", "the new package of sanctions will be adopted this month"]),
        new("ceasefire", "a ceasefire",
            ["an unconditional ceasefire along the current line should start immediately", "a thirty-day truce would open the way to talks", "the guns must fall silent first"],
            ["a ceasefire now would only let the other side regroup", "there can be no truce before the root causes are addressed", "a pause in fighting is not on the table"]),
        new("security-guarantees", "security guarantees",
            ["European troops should help guarantee any peace deal", "Ukraine needs binding security guarantees from its partners", "a reassurance force is ready to deploy after a ceasefire"],
            ["foreign troops in Ukraine would be unacceptable", "any Western contingent would be a legitimate target", "guarantees from the West are worthless"]),
        new("us-proposal", "the US peace plan",
            ["the American plan is a good basis for an agreement", "Washington's proposal deserves serious consideration", "the framework offers a real chance for peace"],
            ["the US plan rewards aggression", "the draft proposal is unacceptable in its current form", "the plan ignores our key concerns"]),
        new("direct-talks", "direct talks",
            ["the two leaders should meet face to face", "direct negotiations in Istanbul are the right format", "a summit between the presidents could settle the main questions"],
            ["a meeting of the leaders is premature", "there is no point in talks with an illegitimate government", "direct talks will only come after the technical work is done"]),
    ];

    private static readonly string[] Headlines =
    [
        "{surname} says talks on {topic} have reached a turning point", "Envoys meet as {surname} sets out terms on {topic}",
        "What {surname} said about {topic}, and what it means", "Pressure grows over {topic} after {surname} remarks",
        "Diplomats trade proposals on {topic} ahead of new round", "Live: the latest on {topic} as {surname} speaks",
    ];

    private static readonly string[] Ledes =
    [
        "Negotiators met in {city} on {weekday} for a new round of talks, with {topic} at the centre of the agenda.",
        "{name} set out new conditions on {weekday} as diplomats in {city} struggled to bridge the gap over {topic}.",
        "The question of {topic} dominated a day of meetings in {city}, officials said on {weekday}.",
    ];

    private static readonly string[] Background =
    [
        "Fighting continued along the front line in the {region} region overnight, local officials said.",
        "The delegations spent {n} hours behind closed doors, according to a schedule seen by reporters.",
        "Analysts cautioned that earlier rounds had ended without agreement.",
        "Energy infrastructure in the {region} region was hit again, leaving thousands without power.",
        "The talks follow weeks of shuttle diplomacy between {city} and other capitals.",
        "A prisoner exchange involving {n} people on each side took place last week.",
        "Markets reacted cautiously to the reports from {city}.",
        "Officials have not published the text of the draft framework.",
        "The next round is expected to take place in {city} within {n} days.",
        "Humanitarian groups said more than {n} villages in the {region} region had been evacuated.",
    ];

    private static readonly string[] Qualifiers =
    [
        "after {n} hours of talks in {city}", "whatever is said in {city} this week", "as the fighting in {region} goes on",
        "and that will not change in the next {n} days", "despite what was heard in {city} on {weekday}",
        "even after {n} rounds of negotiations", "as long as the strikes on {region} continue", "at least for the next {n} months",
        "and the partners in {city} know it", "whatever the delegations agree in {city}", "now more than ever",
        "given what happened in {region} on {weekday}", "in the view of the team that travelled to {city}",
    ];

    private static readonly string[] Capitals = ["Geneva", "Istanbul", "Riyadh", "Brussels", "London", "Paris", "Berlin", "Washington", "Moscow", "Kyiv", "Abu Dhabi", "Helsinki"];

    private static readonly string[] Regions = ["Donetsk", "Zaporizhzhia", "Kharkiv", "Kherson", "Sumy", "Dnipropetrovsk", "Luhansk", "Odesa"];

    private static readonly string[] Sections = ["World", "Europe", "Politics", "Business", "Markets", "Opinion", "Video", "Podcasts", "Climate", "Tech", "Sport", "Culture", "Travel", "Science", "Health", "Investigations"];

    private static readonly string[] Teasers =
    [
        "Markets edge higher as investors weigh talks", "Explainer: the sticking points in the negotiations", "Opinion: why this round is different",
        "In pictures: a week on the front line", "Energy prices climb after new strikes", "Podcast: inside the diplomacy", "Analysis: who gains from a truce",
        "Weather warning issued for the weekend", "Football: late goal settles derby", "How sanctions have changed trade routes",
    ];

    private static readonly string[] Desks = ["Diplomatic Correspondent", "Europe Editor", "in Brussels", "in Kyiv", "Senior Reporter", "Staff Writer"];

    private static readonly string[] FirstNames = ["Anna", "James", "Olena", "Marc", "Sofia", "Daniel", "Irina", "Thomas", "Claire", "Pavel", "Laura", "Michael"];

    private static readonly string[] LastNames = ["Hart", "Kowalski", "Brennan", "Moreau", "Lindqvist", "Petrenko", "Novak", "Adams", "Fischer", "Rossi", "Walsh", "Berger"];

    private static readonly string[] Handles = ["reader", "observer", "citizen", "newsfan", "skeptic", "analyst", "localview", "tom_k", "marie.l", "frontrow"];

    private static readonly string[] CommentLines =
    [
        "I'll believe it when I see it.", "Great reporting as always.", "Has anyone read the actual document?", "This has been going on for far too long.",
        "The comments section here is getting worse.", "Thanks for the balanced coverage.", "Prices at my local shop keep going up.", "Who pays for all of this?",
        "Let's hope for the best.", "Same story as last month.", "Source?", "Well said.", "History will judge.", "Not sure about the headline.",
    ];

    private static readonly string[] FooterLinks = ["About us", "Contact", "Careers", "Advertise", "Privacy policy", "Cookie settings", "Terms of use", "Accessibility", "Corrections", "Newsletters", "Archive", "Sitemap"];
}
