using System.Globalization;
using System.Text;

namespace Parley.Fetching.Politeness;

/// <summary>
/// The rules of one host's robots.txt for one user agent (RFC 9309): the longest matching
/// <c>Allow</c>/<c>Disallow</c> path wins, <c>*</c> and <c>$</c> wildcards are honoured, and <c>Allow</c> wins a tie.
/// </summary>
public sealed class RobotsTxt
{
    private readonly IReadOnlyList<(string Pattern, bool Allow)> _rules;

    private RobotsTxt(IReadOnlyList<(string, bool)> rules, TimeSpan? crawlDelay)
    {
        _rules = rules;
        CrawlDelay = crawlDelay;
    }

    /// <summary>Allows everything (no robots.txt, or a 4xx answer for it).</summary>
    public static RobotsTxt AllowAll { get; } = new([], null);

    /// <summary>Disallows everything (robots.txt unreachable or answering 5xx: RFC 9309 §2.3.1.4).</summary>
    public static RobotsTxt DisallowAll { get; } = new([("/", false)], null);

    /// <summary>The <c>Crawl-delay</c> the group asks for, if any.</summary>
    public TimeSpan? CrawlDelay { get; }

    /// <summary>Parses robots.txt and keeps the group that applies to <paramref name="userAgent"/>.</summary>
    /// <remarks>The most specific group whose <c>User-agent</c> token is a prefix of the agent's product token wins;
    /// otherwise the <c>*</c> group; otherwise everything is allowed.</remarks>
    public static RobotsTxt Parse(string content, string userAgent)
    {
        var product = userAgent.Split('/', ' ')[0].ToLowerInvariant();
        var groups = new List<(List<string> Agents, List<(string, bool)> Rules, TimeSpan? Delay)>();
        (List<string> Agents, List<(string, bool)> Rules, TimeSpan? Delay)? current = null;
        bool lastWasAgent = false;
        foreach (var raw in content.Split('\n'))
        {
            var line = raw;
            int comment = line.IndexOf('#');
            if (comment >= 0) line = line[..comment];
            int colon = line.IndexOf(':');
            if (colon < 0) continue;
            var key = line[..colon].Trim().ToLowerInvariant();
            var value = line[(colon + 1)..].Trim();
            switch (key)
            {
                case "user-agent":
                    if (!lastWasAgent || current is null)
                    {
                        current = (new List<string>(), new List<(string, bool)>(), null);
                        groups.Add(current.Value);
                    }
                    current.Value.Agents.Add(value.ToLowerInvariant());
                    lastWasAgent = true;
                    continue;
                case "allow" or "disallow" when current is not null:
                    if (value.Length > 0 || key == "allow") current.Value.Rules.Add((value, key == "allow"));
                    break;
                case "crawl-delay" when current is not null:
                    if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds >= 0)
                    {
                        var index = groups.FindIndex(g => ReferenceEquals(g.Agents, current.Value.Agents));
                        current = (current.Value.Agents, current.Value.Rules, TimeSpan.FromSeconds(Math.Min(seconds, 60)));
                        groups[index] = current.Value;
                    }
                    break;
            }
            lastWasAgent = false;
        }
        var best = groups
            .SelectMany(g => g.Agents.Select(a => (Group: g, Agent: a)))
            .Where(x => x.Agent != "*" && product.StartsWith(x.Agent, StringComparison.Ordinal))
            .OrderByDescending(x => x.Agent.Length)
            .Select(x => x.Group)
            .Cast<(List<string>, List<(string, bool)>, TimeSpan?)?>()
            .FirstOrDefault()
            ?? groups.Where(g => g.Agents.Contains("*")).Cast<(List<string>, List<(string, bool)>, TimeSpan?)?>().FirstOrDefault();
        return best is { } chosen ? new RobotsTxt(chosen.Item2, chosen.Item3) : AllowAll;
    }

    /// <summary>Whether the agent may fetch <paramref name="pathAndQuery"/> (e.g. <c>/news/a?id=1</c>).</summary>
    public bool IsAllowed(string pathAndQuery)
    {
        if (pathAndQuery == "/robots.txt") return true;
        int bestLength = -1;
        bool allowed = true;
        foreach (var (pattern, allow) in _rules)
        {
            if (!Matches(pattern, pathAndQuery)) continue;
            int length = pattern.Length;
            if (length > bestLength || (length == bestLength && allow))
            {
                bestLength = length;
                allowed = allow;
            }
        }
        return allowed;
    }

    private static bool Matches(string pattern, string path)
    {
        if (pattern.Length == 0) return true;
        bool anchored = pattern.EndsWith('$');
        if (anchored) pattern = pattern[..^1];
        var parts = pattern.Split('*');
        int position = 0;
        for (int i = 0; i < parts.Length; i++)
        {
            var part = Decode(parts[i]);
            if (i == 0)
            {
                if (!path.StartsWith(part, StringComparison.Ordinal)) return false;
                position = part.Length;
                continue;
            }
            if (i == parts.Length - 1 && anchored)
                return path.Length - part.Length >= position && path.EndsWith(part, StringComparison.Ordinal);
            int found = path.IndexOf(part, position, StringComparison.Ordinal);
            if (found < 0) return false;
            position = found + part.Length;
        }
        return !anchored || position == path.Length;
    }

    // Percent-encoding in patterns is compared decoded-unreserved as servers see it; keep %2F encoded.
    private static string Decode(string part)
    {
        if (!part.Contains('%')) return part;
        var builder = new StringBuilder(part.Length);
        for (int i = 0; i < part.Length; i++)
        {
            if (part[i] == '%' && i + 2 < part.Length && int.TryParse(part.AsSpan(i + 1, 2), NumberStyles.HexNumber, null, out var b)
                && b is >= 0x20 and < 0x7f && b != '/' && b != '%')
            {
                builder.Append((char)b);
                i += 2;
            }
            else builder.Append(part[i]);
        }
        return builder.ToString();
    }
}
