using System.Text;
using HtmlAgilityPack;
using Parley.Articles.Text;

namespace Parley.Articles.Body;

/// <summary>Non-recursive walks over an HtmlAgilityPack tree: deep or broken pages must never overflow the stack.</summary>
internal static partial class Dom
{
    /// <summary>Elements whose content is never text for a reader.</summary>
    public static readonly HashSet<string> NonContent = new(StringComparer.Ordinal)
    {
        "script", "style", "template", "svg", "math", "iframe", "object", "embed", "canvas",
        "video", "audio", "source", "track", "map", "title", "select", "option", "textarea", "input", "button", "#comment",
    };

    /// <summary>Every node under <paramref name="root"/> (not the root itself) in document order.</summary>
    public static IEnumerable<HtmlNode> Descendants(HtmlNode root)
    {
        var stack = new Stack<HtmlNode>();
        for (var c = root.LastChild; c is not null; c = c.PreviousSibling) stack.Push(c);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            yield return node;
            for (var c = node.LastChild; c is not null; c = c.PreviousSibling) stack.Push(c);
        }
    }

    /// <summary>The elements under <paramref name="root"/> with the given tag name.</summary>
    public static IEnumerable<HtmlNode> Elements(HtmlNode root, string name) =>
        Descendants(root).Where(n => n.NodeType == HtmlNodeType.Element && n.Name == name);

    /// <summary>The readable text under a node, normalized; script, style and the like left out.</summary>
    public static string Text(HtmlNode root)
    {
        if (root.NodeType == HtmlNodeType.Text) return TextNormalizer.Normalize(((HtmlTextNode)root).Text);
        var sb = new StringBuilder();
        AppendRaw(root, sb);
        return TextNormalizer.Normalize(sb.ToString());
    }

    /// <summary>The normalized text under a node, or null when its raw text runs past <paramref name="maxRawChars"/>: a
    /// cheap way to look only at short elements (datelines, headlines) without flattening whole containers.</summary>
    public static string? ShortText(HtmlNode root, int maxRawChars)
    {
        if (root.NodeType == HtmlNodeType.Text)
        {
            var raw = ((HtmlTextNode)root).Text;
            return raw.Length > maxRawChars ? null : TextNormalizer.Normalize(raw);
        }
        var sb = new StringBuilder();
        return AppendRaw(root, sb, maxRawChars) ? TextNormalizer.Normalize(sb.ToString()) : null;
    }

    /// <summary>The normalized text of a node's own text children (not of its child elements), or null when it runs past
    /// <paramref name="maxRawChars"/>: the dateline written straight into a container that also holds the article.</summary>
    public static string? OwnText(HtmlNode node, int maxRawChars)
    {
        var sb = new StringBuilder();
        for (var c = node.FirstChild; c is not null; c = c.NextSibling)
        {
            if (c.NodeType != HtmlNodeType.Text) continue;
            sb.Append(((HtmlTextNode)c).Text).Append(' ');
            if (sb.Length > maxRawChars) return null;
        }
        return TextNormalizer.Normalize(sb.ToString());
    }

    /// <summary>Appends raw (entity-encoded) text under a node, with spaces at block and line breaks.</summary>
    /// <returns>False, with the text cut short, once more than <paramref name="maxChars"/> characters are in
    /// <paramref name="sb"/>.</returns>
    public static bool AppendRaw(HtmlNode root, StringBuilder sb, int maxChars = int.MaxValue)
    {
        var stack = new Stack<HtmlNode>();
        stack.Push(root);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            if (node.NodeType == HtmlNodeType.Text)
            {
                sb.Append(((HtmlTextNode)node).Text);
                if (sb.Length > maxChars) return false;
                continue;
            }
            if (node.NodeType == HtmlNodeType.Comment || (node != root && NonContent.Contains(node.Name))) continue;
            if (node.Name is "br" or "p" or "div" or "li" or "td" or "th" or "tr" or "h1" or "h2" or "h3" or "h4" or "h5" or "h6")
                sb.Append(' ');
            for (var c = node.LastChild; c is not null; c = c.PreviousSibling) stack.Push(c);
        }
        return true;
    }

    /// <summary>The class and id of an element, lower-cased, for hint matching.</summary>
    /// <remarks>Tokens that name layout or style rather than content are left out: page-builder classes
    /// ("elementor-widget-wrap", "wp-block-group") and utility classes ("tw-text-heading-xl", "md:flex", "text-lg",
    /// "text-gray-700"), whose "text" would otherwise read as an article-body hint on every card of a Tailwind page.</remarks>
    public static string Hints(HtmlNode node)
    {
        if (node.NodeType != HtmlNodeType.Element || !node.HasAttributes) return "";
        var cls = node.GetAttributeValue("class", "");
        var id = node.GetAttributeValue("id", "");
        if (cls.Length == 0 && id.Length == 0) return "";
        var hints = (id.Length == 0 ? cls : cls.Length == 0 ? id : string.Concat(cls, " ", id)).ToLowerInvariant();
        bool builder = hints.Contains("elementor", StringComparison.Ordinal) || hints.Contains("wp-block", StringComparison.Ordinal);
        if (!builder && hints.AsSpan().IndexOfAny(UtilityMarks) < 0 && !hints.Contains("text-", StringComparison.Ordinal)) return hints;
        return string.Join(' ', hints.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Where(t => !IsUtilityClass(t) && !(builder && (t.StartsWith("elementor", StringComparison.Ordinal) || t.StartsWith("wp-block", StringComparison.Ordinal) || t.StartsWith("e-", StringComparison.Ordinal)))));
    }

    private static readonly System.Buffers.SearchValues<char> UtilityMarks = System.Buffers.SearchValues.Create(":[");

    /// <summary>A utility (styling) class: a responsive or state variant ("md:…", "hover:…"), an arbitrary value
    /// ("w-[3px]"), Tailwind's "tw-" prefix, or a text size, alignment or colour ("text-lg", "text-center", "text-gray-700").</summary>
    private static bool IsUtilityClass(string token) =>
        token.AsSpan().IndexOfAny(UtilityMarks) >= 0 || token.StartsWith("tw-", StringComparison.Ordinal) || TextUtility().IsMatch(token);

    [System.Text.RegularExpressions.GeneratedRegex(@"^text-(?:xs|sm|base|lg|\d?xl|left|center|right|justify|start|end|wrap|nowrap|balance|pretty|white|black|inherit|current|transparent|(?:slate|gray|grey|zinc|neutral|stone|red|orange|amber|yellow|lime|green|emerald|teal|cyan|sky|blue|indigo|violet|purple|fuchsia|pink|rose)-\d{2,3})$", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex TextUtility();

    /// <summary>Whether the element is hidden by markup (hidden attribute, aria-hidden, inline display:none).</summary>
    public static bool IsHidden(HtmlNode node)
    {
        if (!node.HasAttributes) return false;
        if (node.Attributes["hidden"] is not null) return true;
        if (node.GetAttributeValue("aria-hidden", "") == "true" && node.Name is not ("span" or "i" or "svg")) return true;
        var style = node.GetAttributeValue("style", "");
        if (style.Length > 0)
        {
            var s = style.Replace(" ", "").ToLowerInvariant();
            if (s.Contains("display:none") || s.Contains("visibility:hidden")) return true;
        }
        return false;
    }

    /// <summary>The depth of the node (number of ancestors).</summary>
    public static int Depth(HtmlNode node)
    {
        int d = 0;
        for (var p = node.ParentNode; p is not null; p = p.ParentNode) d++;
        return d;
    }
}
