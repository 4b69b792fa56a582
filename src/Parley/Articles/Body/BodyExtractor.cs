using System.Text;
using HtmlAgilityPack;
using Parley.Articles.Metadata;
using Parley.Articles.Text;

namespace Parley.Articles.Body;

/// <summary>
/// Finds the main content of a page and returns it as paragraphs in reading order.
/// </summary>
/// <remarks>
/// Three steps: boilerplate subtrees are removed by tag, role, hidden state and class/id hints (a subtree that
/// holds most of the page's text is never removed on a hint alone); the remaining containers are scored
/// Readability-style by the paragraphs they hold (text length, commas, link density, class hints), helped by the
/// JSON-LD <c>articleBody</c> when the page has one; then the winning container and its related siblings are
/// flattened into blocks, skipping link lists and boilerplate lines, never emitting the same paragraph twice.
/// Every walk is iterative.
/// </remarks>
internal sealed class BodyExtractor
{
    private static readonly HashSet<string> BlockTags = new(StringComparer.Ordinal)
    {
        "p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dd", "dt",
        "blockquote", "pre", "table", "thead", "tbody", "tfoot", "tr", "caption", "figure", "header", "footer", "form", "hr",
        "address", "center", "details", "summary", "fieldset", "aside", "nav", "body", "html",
    };

    private static readonly HashSet<string> InlineTags = new(StringComparer.Ordinal)
    {
        "a", "span", "em", "strong", "b", "i", "u", "s", "sup", "sub", "small", "mark", "q", "cite", "abbr", "time", "font",
        "code", "kbd", "var", "dfn", "bdi", "bdo", "ins", "del", "big", "tt", "label", "data", "wbr", "nobr", "strike",
    };

    private static readonly HashSet<string> RemovedTags = new(StringComparer.Ordinal)
    {
        "nav", "aside", "footer", "header", "figure", "figcaption", "dialog", "menu", "picture", "img", "form", "noscript",
    };

    private static readonly HashSet<string> RemovedRoles = new(StringComparer.OrdinalIgnoreCase)
    {
        "navigation", "complementary", "banner", "contentinfo", "dialog", "alertdialog", "menu", "menubar", "search", "toolbar",
    };

    private sealed class Stat
    {
        public int Text;
        public int Link;
        public int Commas;
        public int OwnInline;
        public int Prose;
        public double Score;
        public bool Scored;
    }

    private int _totalProse = 1;
    private readonly Dictionary<HtmlNode, Stat> _stats = new(ReferenceEqualityComparer.Instance);
    // A page repeats its class names many times over; each distinct class token is matched against the hint patterns
    // once. A hint never spans two tokens (the patterns match within "a-b_c" runs, and tokens are space-separated), so
    // the kind of a class list is the union of its tokens' kinds: utility-class pages give every element a different
    // list but reuse the same few hundred tokens.
    private readonly Dictionary<string, HintKind> _hintKinds = new(StringComparer.Ordinal);

    [Flags]
    private enum HintKind { None = 0, Negative = 1, Positive = 2, StrongBody = 4 }

    private HintKind Kind(string hints)
    {
        var kind = HintKind.None;
        var lookup = _hintKinds.GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (var range in hints.AsSpan().Split(' '))
        {
            if (range.Start.Value == range.End.Value) continue;
            var token = hints.AsSpan()[range];
            if (!lookup.TryGetValue(token, out var k))
            {
                var text = token.ToString();
                k = (Hints.Negative().IsMatch(text) ? HintKind.Negative : 0)
                  | (Hints.Positive().IsMatch(text) ? HintKind.Positive : 0)
                  | (Hints.StrongBody().IsMatch(text) ? HintKind.StrongBody : 0);
                _hintKinds[text] = k;
            }
            kind |= k;
        }
        return kind;
    }

    /// <summary>Extracts the body blocks from a parsed page (the document is modified).</summary>
    public static List<BodyBlock> Extract(HtmlDocument doc, PageMetadata meta) => new BodyExtractor().Run(doc, meta);

    private List<BodyBlock> Run(HtmlDocument doc, PageMetadata meta)
    {
        // The whole document, not <body>: a stray </body> or </html> leaves the rest of the page outside it.
        var body = doc.DocumentNode;
        ComputeStats(body);
        int total = Math.Max(1, _stats[body].Text);
        _totalProse = Math.Max(1, _stats[body].Prose);
        RemoveBoilerplate(body, total);
        _stats.Clear();
        ComputeStats(body);

        var roots = SelectContent(body, meta, out var fromJsonLd);
        var blocks = Clean(fromJsonLd ?? Flatten(roots), meta);
        // A chosen container that comes to nothing (a carousel, a list of links) was the wrong choice, not proof of an
        // empty page: the page's own text, with its boilerplate already removed, is the better answer.
        if (blocks.Count == 0 && fromJsonLd is null && !(roots.Count == 1 && roots[0] == body))
        {
            blocks = Clean(Flatten([body]), meta);
            if (blocks.Count > 0) meta.Warnings.Add("no main content block found: the body is the page's text without its boilerplate");
        }
        return blocks;
    }

    private static int Len(string s)
    {
        int n = 0;
        foreach (var c in s) if (!char.IsWhiteSpace(c)) n++;
        return n;
    }

    /// <summary>Post-order pass: text, link text and comma counts per element.</summary>
    private void ComputeStats(HtmlNode root)
    {
        var stack = new Stack<(HtmlNode Node, bool Exit)>();
        stack.Push((root, false));
        while (stack.Count > 0)
        {
            var (node, exit) = stack.Pop();
            if (node.NodeType != HtmlNodeType.Element && node.NodeType != HtmlNodeType.Document) continue;
            if (!exit)
            {
                stack.Push((node, true));
                for (var c = node.LastChild; c is not null; c = c.PreviousSibling)
                    if (c.NodeType == HtmlNodeType.Element) stack.Push((c, false));
                continue;
            }
            var st = new Stat();
            bool isLink = node.Name == "a";
            for (var c = node.FirstChild; c is not null; c = c.NextSibling)
            {
                if (c.NodeType == HtmlNodeType.Text)
                {
                    var t = ((HtmlTextNode)c).Text;
                    int l = Len(t);
                    st.Text += l;
                    st.OwnInline += l;
                    foreach (var ch in t) if (ch is ',' or '，' or '、' or '،') st.Commas++;
                    if (isLink) st.Link += l;
                }
                else if (c.NodeType == HtmlNodeType.Element && _stats.TryGetValue(c, out var cs))
                {
                    if (Dom.NonContent.Contains(c.Name)) continue;
                    st.Text += cs.Text;
                    st.Commas += cs.Commas;
                    st.Link += isLink ? cs.Text : cs.Link;
                    if (InlineTags.Contains(c.Name)) st.OwnInline += cs.Text;
                    st.Prose += cs.Prose;
                }
            }
            // Prose: paragraphs of running text with few links, the stuff articles are made of.
            if ((node.Name == "p" || st.OwnInline >= 80) && st.Text >= 80 && st.Link * 3 < st.Text && st.Prose == 0) st.Prose = st.Text;
            _stats[node] = st;
        }
    }

    private Stat S(HtmlNode n) => _stats.TryGetValue(n, out var s) ? s : new Stat();

    private double LinkDensity(HtmlNode n)
    {
        var s = S(n);
        return s.Text == 0 ? 0 : (double)s.Link / s.Text;
    }

    private void RemoveBoilerplate(HtmlNode body, int total)
    {
        var remove = new List<HtmlNode>();
        var stack = new Stack<HtmlNode>();
        stack.Push(body);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            if (node != body && ShouldRemove(node, total)) { remove.Add(node); continue; }
            for (var c = node.LastChild; c is not null; c = c.PreviousSibling)
            {
                if (c.NodeType == HtmlNodeType.Element) stack.Push(c);
                else if (c.NodeType == HtmlNodeType.Comment) remove.Add(c);
            }
        }
        foreach (var n in remove) n.Remove();
    }

    private bool ShouldRemove(HtmlNode node, int total)
    {
        if (Dom.NonContent.Contains(node.Name)) return true;
        var st = S(node);
        double share = st.Text / (double)total;
        bool holdsTheText = share > 0.5 || (share > 0.25 && LinkDensity(node) < 0.5) || st.Prose > 0.5 * _totalProse;
        if (node.Name is "img" or "picture" or "figcaption" or "hr") return true;
        if (RemovedTags.Contains(node.Name) && !holdsTheText) return true;
        if (Dom.IsHidden(node) && share < 0.5) return true;
        if (node.HasAttributes)
        {
            var role = node.GetAttributeValue("role", "");
            if (role.Length > 0 && RemovedRoles.Contains(role) && !holdsTheText) return true;
            var hints = Dom.Hints(node);
            if (hints.Length > 0 && !holdsTheText && node.Name is not ("body" or "html" or "main")
                && (Kind(hints) & (HintKind.Negative | HintKind.StrongBody)) == HintKind.Negative
                && node.GetAttributeValue("itemprop", "") != "articleBody")
                return true;
        }
        return false;
    }

    /// <summary>Scores containers by the paragraphs under them and picks the body (plus related siblings).</summary>
    private List<HtmlNode> SelectContent(HtmlNode body, PageMetadata meta, out List<BodyBlock>? fromJsonLd)
    {
        fromJsonLd = null;
        var candidates = new List<HtmlNode>();
        foreach (var node in Dom.Descendants(body))
        {
            if (node.NodeType != HtmlNodeType.Element) continue;
            var st = S(node);
            bool textBlock = node.Name is "p" or "pre" or "td" or "blockquote" ? st.Text >= 25 : st.OwnInline >= 25 && !InlineTags.Contains(node.Name);
            if (!textBlock) continue;
            double own = node.Name is "p" or "pre" or "td" or "blockquote" ? st.Text : st.OwnInline;
            double contribution = (1 + st.Commas + Math.Min(Math.Floor(own / 100), 3)) * (1 - LinkDensity(node));
            if (contribution <= 0) continue;
            var ancestor = node.ParentNode;
            for (int level = 0; level < 5 && ancestor is not null && ancestor.NodeType == HtmlNodeType.Element; level++, ancestor = ancestor.ParentNode)
            {
                var ast = S(ancestor);
                if (!ast.Scored) { ast.Scored = true; ast.Score = InitialScore(ancestor); candidates.Add(ancestor); }
                ast.Score += contribution / (level == 0 ? 1 : level == 1 ? 2 : level * 3);
            }
        }
        if (candidates.Count == 0) return [body];
        double Final(HtmlNode n) => S(n).Score * (1 - LinkDensity(n));
        var ranked = candidates.OrderByDescending(Final).ToList();
        var top = ranked[0];

        // Several strong candidates under one ancestor: the ancestor is the article (split bodies).
        var strong = ranked.Skip(1).Take(5).Where(c => Final(c) >= 0.75 * Final(top)).ToList();
        if (strong.Count >= 2)
        {
            for (var p = top.ParentNode; p is not null && p.Name != "body"; p = p.ParentNode)
            {
                int contained = strong.Count(c => IsAncestor(p, c));
                if (contained >= 2) { top = p; break; }
            }
        }
        // A lone child is not the container; its parent is.
        while (top.ParentNode is { } parent && parent.Name is not ("body" or "html" or "#document") && ElementChildren(parent) == 1 && S(parent).Text <= S(top).Text + 40)
            top = parent;

        // The JSON-LD body says what the article is: take the container that matches it best.
        if (meta.ArticleBody is { } articleBody)
        {
            var truth = Bag(articleBody);
            int truthCount = truth.Values.Sum();
            var pool = new List<HtmlNode>();
            foreach (var c in ranked.Take(15))
                for (var p = c; p is not null && p.Name is not ("html" or "#document") && pool.Count < 200; p = p.ParentNode)
                    if (!pool.Contains(p)) pool.Add(p);
            foreach (var n in Dom.Descendants(body))
                if (n.NodeType == HtmlNodeType.Element && n.GetAttributeValue("itemprop", "") == "articleBody" && !pool.Contains(n)) pool.Add(n);
            // A truncated JSON-LD body ("…") is a prefix: judge containers by how much of it they contain.
            bool truncated = articleBody.TrimEnd().EndsWith('…') || articleBody.TrimEnd().EndsWith("...", StringComparison.Ordinal) || truthCount < 60;
            HtmlNode? best = null;
            double bestF = 0, bestCover = 0;
            foreach (var c in pool)
            {
                var (f, cover) = BagMatch(truth, Bag(Dom.Text(c)));
                double key = truncated ? cover : f;
                double current = truncated ? bestCover : bestF;
                if (key > current + 0.01 || (Math.Abs(key - current) <= 0.01 && best is not null && IsAncestor(best, c)))
                { bestF = f; bestCover = cover; best = c; }
            }
            if (best is not null && !truncated && bestF >= 0.6) return [best];
            if (best is not null && truncated && bestCover >= 0.8 && IsAncestor(best, top)) return [top];
            if (!truncated && bestCover < 0.3 && truthCount >= 40)
            {
                fromJsonLd = articleBody.Replace("\r\n", "\n").Split('\n')
                    .Select(TextNormalizer.Normalize).Where(t => t.Length > 0).Select(t => new BodyBlock(t, BlockKind.Paragraph)).ToList();
                meta.Warnings.Add("body taken from the JSON-LD articleBody: the page's markup did not contain it");
                return [];
            }
        }

        // Siblings that belong to the article (bodies split by ads or widgets).
        var result = new List<HtmlNode>();
        var parentNode = top.ParentNode;
        if (parentNode is null || parentNode.Name is "html" or "#document") return [top];
        double threshold = Math.Max(10, Final(top) * 0.2);
        var topClass = top.GetAttributeValue("class", "");
        for (var sib = parentNode.FirstChild; sib is not null; sib = sib.NextSibling)
        {
            if (sib.NodeType != HtmlNodeType.Element) continue;
            if (sib == top) { result.Add(sib); continue; }
            var st = S(sib);
            double bonus = topClass.Length > 0 && sib.GetAttributeValue("class", "") == topClass ? Final(top) * 0.2 : 0;
            if (st.Scored && Final(sib) + bonus >= threshold) { result.Add(sib); continue; }
            if (sib.Name == "p" || (sib.Name is "div" or "section" && st.OwnInline == st.Text))
            {
                double ld = LinkDensity(sib);
                var text = st.Text;
                if (text > 80 && ld < 0.25) result.Add(sib);
                else if (text is > 0 and <= 80 && ld == 0 && EndsSentence(Dom.Text(sib))) result.Add(sib);
            }
        }
        return result;
    }

    private static bool EndsSentence(string t) => t.Length > 0 && t[^1] is '.' or '!' or '?' or '"' or '”' or '»' or '…';

    private static int ElementChildren(HtmlNode n)
    {
        int count = 0;
        for (var c = n.FirstChild; c is not null; c = c.NextSibling)
            if (c.NodeType == HtmlNodeType.Element) count++;
            else if (c.NodeType == HtmlNodeType.Text && Len(((HtmlTextNode)c).Text) > 0) count++;
        return count;
    }

    private static bool IsAncestor(HtmlNode ancestor, HtmlNode node)
    {
        for (var p = node; p is not null; p = p.ParentNode) if (p == ancestor) return true;
        return false;
    }

    private double InitialScore(HtmlNode n)
    {
        double score = n.Name switch
        {
            "div" or "article" or "section" or "main" => 5,
            "pre" or "td" or "blockquote" => 3,
            "address" or "ol" or "ul" or "dl" or "dd" or "dt" or "li" or "form" => -3,
            "h1" or "h2" or "h3" or "h4" or "h5" or "h6" or "th" => -5,
            _ => 0,
        };
        if (n.Name is "article" or "main") score += 10;
        var hints = Dom.Hints(n);
        if (hints.Length > 0)
        {
            var kind = Kind(hints);
            if ((kind & HintKind.Negative) != 0) score -= 25;
            if ((kind & HintKind.Positive) != 0) score += 25;
            if ((kind & HintKind.StrongBody) != 0) score += 25;
        }
        if (n.GetAttributeValue("itemprop", "") == "articleBody") score += 50;
        return score;
    }

    private static Dictionary<string, int> Bag(string text)
    {
        var bag = new Dictionary<string, int>(StringComparer.Ordinal);
        var sb = new StringBuilder();
        void Flush() { if (sb.Length > 0) { var w = sb.ToString(); bag[w] = bag.GetValueOrDefault(w) + 1; sb.Clear(); } }
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c)) sb.Append(char.ToLowerInvariant(c));
            else Flush();
        }
        Flush();
        return bag;
    }

    /// <summary>Bag-of-words F1 and coverage (recall) of <paramref name="truth"/> by <paramref name="predicted"/>.</summary>
    private static (double F1, double Cover) BagMatch(Dictionary<string, int> truth, Dictionary<string, int> predicted)
    {
        int tp = 0, t = 0, p = 0;
        foreach (var (w, c) in truth) { t += c; tp += Math.Min(c, predicted.GetValueOrDefault(w)); }
        foreach (var c in predicted.Values) p += c;
        if (tp == 0) return (0, 0);
        double precision = tp / (double)p, recall = tp / (double)t;
        return (2 * precision * recall / (precision + recall), recall);
    }

    /// <summary>Flattens the chosen containers into blocks in document order.</summary>
    private List<BodyBlock> Flatten(List<HtmlNode> roots)
    {
        var blocks = new List<BodyBlock>();
        var buffer = new StringBuilder();
        int linkRaw = 0;
        var kinds = new Stack<BlockKind>();
        kinds.Push(BlockKind.Paragraph);
        int linkDepth = 0;
        bool lastWasBr = false;

        void Flush()
        {
            if (buffer.Length == 0) return;
            var raw = buffer.ToString();
            var text = TextNormalizer.Normalize(raw);
            if (text.Length > 0)
            {
                int rawLen = Math.Max(1, Len(raw));
                int links = (int)Math.Round(linkRaw * (double)text.Length / rawLen);
                blocks.Add(new BodyBlock(text, kinds.Peek(), Math.Min(links, text.Length)));
            }
            buffer.Clear();
            linkRaw = 0;
        }

        foreach (var root in roots)
        {
            var stack = new Stack<(HtmlNode Node, bool Exit)>();
            stack.Push((root, false));
            while (stack.Count > 0)
            {
                var (node, exit) = stack.Pop();
                if (node.NodeType == HtmlNodeType.Text)
                {
                    var t = ((HtmlTextNode)node).Text;
                    if (Len(t) > 0) lastWasBr = false;
                    buffer.Append(t);
                    if (linkDepth > 0) linkRaw += Len(t);
                    continue;
                }
                if (node.NodeType == HtmlNodeType.Document)
                {
                    for (var c = node.LastChild; c is not null; c = c.PreviousSibling) stack.Push((c, false));
                    continue;
                }
                if (node.NodeType != HtmlNodeType.Element) continue;
                var name = node.Name;
                bool block = BlockTags.Contains(name);
                if (!exit && name is "td" or "th") buffer.Append(' ');
                if (exit)
                {
                    if (name == "a") linkDepth--;
                    if (block) { Flush(); if (KindOf(name) is not null) kinds.Pop(); }
                    continue;
                }
                if (Dom.NonContent.Contains(name)) continue;
                if (name == "br")
                {
                    if (lastWasBr) Flush();
                    else buffer.Append(' ');
                    lastWasBr = true;
                    continue;
                }
                if (block && node != root && SkipInside(node)) continue;
                if (block)
                {
                    Flush();
                    lastWasBr = false;
                    if (KindOf(name) is { } k) kinds.Push(kinds.Peek() == BlockKind.Quote && k == BlockKind.Paragraph ? BlockKind.Quote : k);
                }
                if (name == "a") linkDepth++;
                stack.Push((node, true));
                for (var c = node.LastChild; c is not null; c = c.PreviousSibling) stack.Push((c, false));
            }
            Flush();
        }
        return blocks;
    }

    private static BlockKind? KindOf(string name) => name switch
    {
        "p" => BlockKind.Paragraph,
        "h1" or "h2" or "h3" or "h4" or "h5" or "h6" => BlockKind.Heading,
        "li" or "dd" or "dt" => BlockKind.ListItem,
        "blockquote" => BlockKind.Quote,
        "pre" => BlockKind.Preformatted,
        "tr" => BlockKind.TableRow,
        _ => null,
    };

    /// <summary>Conditional cleaning inside the body: link lists and link-heavy widgets are not article text.</summary>
    private bool SkipInside(HtmlNode node)
    {
        var st = S(node);
        if (st.Text == 0) return false;
        double ld = LinkDensity(node);
        if (node.Name is "ul" or "ol" && ld > 0.6) return true;
        if (node.Name is "div" or "section" or "table" or "aside" or "nav" && ld > 0.5 && st.Text < 600) return true;
        if (node.Name is "li" && ld > 0.8 && st.Text < 200) return true;
        return false;
    }

    /// <summary>A short line at the top that is only a byline or a date ("By Jane Doe | April 9, 2025", "12 березня 2025").</summary>
    internal static bool IsBylineOrDateline(string text)
    {
        if (text.Length > 120) return false;
        if (Hints.BylineStart().IsMatch(text)) return true;
        if (DateParser.FindWritten(text) is null) return false;
        int letters = 0;
        foreach (var w in text.Split([' ', ',', '|', '-', '–', '—', '·', '•'], StringSplitOptions.RemoveEmptyEntries))
            if (w.Any(char.IsLetter) && w.Length > 3) letters++;
        return letters <= 4;
    }

    /// <summary>Drops boilerplate lines, the title and byline repeated at the top, and duplicates.</summary>
    private static List<BodyBlock> Clean(List<BodyBlock> blocks, PageMetadata meta)
    {
        var result = new List<BodyBlock>(blocks.Count);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var titleKey = meta.Title is null ? null : TitleCleaner.Key(meta.Title);
        var headlineKey = meta.Headline is null ? null : TitleCleaner.Key(meta.Headline);
        foreach (var b in blocks)
        {
            var text = b.Text;
            if (Hints.JunkLine().IsMatch(text)) continue;
            if (b.LinkDensity > 0.6 && text.Length < 300) continue;
            if (result.Count == 0 || result.All(r => r.Kind == BlockKind.Heading || r.Text.Length < 120))
            {
                var key = TitleCleaner.Key(text);
                if (key.Length > 0 && (key == titleKey || key == headlineKey)) continue;
                if (IsBylineOrDateline(text)) continue;
            }
            if (text.Length > 30 && !seen.Add(text)) continue;
            result.Add(b);
        }
        // Headings with nothing after them are section labels of widgets, not the article.
        while (result.Count > 0 && result[^1].Kind == BlockKind.Heading) result.RemoveAt(result.Count - 1);
        return result;
    }
}
