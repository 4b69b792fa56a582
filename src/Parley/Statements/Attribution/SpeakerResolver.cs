using Parley.Actors;
using Parley.Statements.Segmentation;

namespace Parley.Statements.Attribution;

/// <summary>Who a speaker mention refers to.</summary>
internal readonly record struct Resolution(
    string? Speaker, string? ActorId, string Party, bool Anonymous, double Confidence);

/// <summary>
/// Resolves speaker mentions within one article: names and titled names through the gazetteer, role nouns
/// ("the Ukrainian president") by the article's date, pronouns and generic role nouns ("he", "the president")
/// to the nearest compatible earlier mention, and anonymous sources ("a senior European official") to the party
/// of their affiliation.
/// </summary>
/// <remarks>One instance per article: it remembers the article's mentions in reading order.</remarks>
internal sealed class SpeakerResolver(Gazetteer gazetteer, DateOnly? date)
{
    private readonly List<Entity> _entities = [];

    private sealed record Entity(int Position, ActorMatch? Match, ActorGender Gender, bool IsPerson, bool Plural, Resolution Resolution);

    private static readonly HashSet<string> AnonymousHeads = new(StringComparer.OrdinalIgnoreCase)
    {
        "source", "sources", "official", "officials", "diplomat", "diplomats", "person", "people", "insider", "insiders",
        "aide", "aides", "adviser", "advisers", "advisor", "advisors", "negotiator", "negotiators", "spokesperson",
        "spokesman", "spokeswoman", "representative", "representatives", "officer", "officers", "member", "members",
        "lawmaker", "lawmakers", "figure", "figures", "minister", "ministers", "analyst", "analysts", "envoy", "envoys",
        "staffer", "staffers", "participant", "participants", "delegate", "delegates", "leaders", "executive",
        "executives", "commander", "commanders", "mps", "deputy", "deputies", "governments", "capitals", "allies",
        "counterparts", "colleagues", "observers", "experts", "analyst",
    };

    private static readonly HashSet<string> RoleWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "president", "leader", "minister", "spokesman", "spokeswoman", "spokesperson", "envoy", "chancellor",
        "secretary", "premier", "diplomat", "aide", "negotiator", "chief", "official", "head",
    };

    /// <summary>Remembers the gazetteer names a sentence mentions, as antecedents for later pronouns.</summary>
    /// <remarks>Only the first name of a sentence is kept: it is usually the subject, which pronouns in the next
    /// sentence refer to far more often than to an object.</remarks>
    public void Observe(string text, List<Token> tokens)
    {
        if (tokens.Count == 0) return;
        int max = Math.Min(gazetteer.MaxNameTokens, 5);
        int sentenceEnd = tokens[^1].End;
        ActorMatch? subject = null;
        for (int i = 0; i < tokens.Count; i++)
        {
            if (!tokens[i].IsCapitalized(text) || !gazetteer.CanStartName(tokens[i].In(text))) continue;
            // Names are runs of capitalized words ("Vladimir Putin", "White House", "Ursula von der Leyen").
            int run = 1;
            while (run < max && i + run < tokens.Count && (tokens[i + run].IsCapitalized(text)
                   || tokens[i + run].Type == TokenType.Word && text[tokens[i + run].Start] is 'v' or 'd' && tokens[i + run].Length <= 3))
                run++;
            for (int n = run; n >= 1; n--)
            {
                var last = tokens[i + n - 1];
                if (last.Type != TokenType.Word) continue;
                var key = Gazetteer.Key(text[tokens[i].Start..last.End]);
                if (!gazetteer.IsName(key) || gazetteer.Resolve(key, date) is not { } match) continue;
                if (subject is null) subject = match;
                else Remember(tokens[i].Start, match);
                i += n - 1;
                break;
            }
        }
        // The first name is usually the subject, which a pronoun in the next sentence refers to far more often
        // than to an object: it is remembered last, as if nearest.
        if (subject is not null) Remember(sentenceEnd, subject);
    }

    public Resolution Resolve(string mention, int position)
    {
        var words = mention.Split([' ', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0) return Unknown(0.3);
        var first = words[0].ToLowerInvariant();

        if (words.Length == 1 && first is "he" or "him" or "she" or "her" or "they" or "it" or "who")
            return Pronoun(first, position);
        if (words.Length == 1 && first is "i" or "we" or "you") return Unknown(0.3);

        bool anonymous = IsAnonymous(words, out int head);
        if (anonymous && IsIndefinite(words, head)) return Anonymous(mention, words, head, position);

        if (gazetteer.Resolve(mention, date) is { } match)
            return Remember(position, match, 0.95);

        if (first == "the" && RoleWords.Contains(words[^1].TrimEnd('.', ',')))
        {
            var role = words[^1].TrimEnd('.', ',');
            for (int k = _entities.Count - 1; k >= 0; k--)
            {
                var e = _entities[k];
                if (e.Position >= position || e.Match is not { IsPerson: true } m) continue;
                if (gazetteer.HoldsRoleNamed(m.ActorId, role, date))
                    return Remember(position, m, 0.8);
            }
        }

        if (anonymous)
        {
            // "the source", "the official": the anonymous source mentioned before, else a new one.
            for (int k = _entities.Count - 1; k >= 0; k--)
                if (_entities[k].Position < position && _entities[k].Resolution.Anonymous)
                    return _entities[k].Resolution;
            return Anonymous(mention, words, head, position);
        }

        // A name inside a longer phrase: "a statement from the Kremlin", "Zelensky's office in Kyiv".
        if (FindName(words) is { } inner) return Remember(position, inner, 0.7);

        bool named = char.IsUpper(words[0][0]) && words.Length <= 4 && words.All(w => char.IsUpper(w[0]) || w is "de" or "von" or "van" or "der" or "al");
        var unknown = Unknown(named ? 0.6 : 0.4);
        var gender = first is "mr" or "mr." ? ActorGender.Male : first is "mrs" or "mrs." or "ms" or "ms." ? ActorGender.Female : ActorGender.Unknown;
        bool pluralPhrase = words[^1].EndsWith('s') && !named;
        _entities.Add(new Entity(position, null, gender, named || !pluralPhrase, pluralPhrase, unknown));
        return unknown;
    }

    private Resolution Anonymous(string mention, string[] words, int head, int position)
    {
        var party = gazetteer.AffiliationParty(mention) ?? Taxonomy.UnknownParty;
        var w = words[head].TrimEnd(',', '.');
        bool plural = w.EndsWith('s') && !w.EndsWith("ss", StringComparison.Ordinal) && w != "spokesperson";
        var resolution = new Resolution(null, null, party, true, party == Taxonomy.UnknownParty ? 0.6 : 0.75);
        _entities.Add(new Entity(position, null, ActorGender.Unknown, true, plural, resolution));
        return resolution;
    }

    // "a source close to …", "two diplomats", "Russian officials", "people familiar with …": never a named actor.
    private static bool IsIndefinite(string[] words, int head)
    {
        var first = words[0].ToLowerInvariant();
        if (first is "a" or "an" or "one" or "two" or "three" or "four" or "several" or "some" or "other" or "another"
            or "many" or "few" or "various" or "unnamed" or "anonymous" or "multiple" or "both" or "senior" or "most")
            return true;
        var w = words[head].TrimEnd(',', '.');
        if (w.EndsWith('s') && !w.EndsWith("ss", StringComparison.Ordinal) && first != "the") return true;
        for (int k = head + 1; k < words.Length; k++)
            if (words[k] is "close" or "familiar" or "who" or "briefed") return true;
        return false;
    }

    private static Resolution Unknown(double confidence) => new(null, null, Taxonomy.UnknownParty, false, confidence);

    private Resolution Remember(int position, ActorMatch match, double confidence = 0.9)
    {
        var resolution = new Resolution(match.Name, match.ActorId, match.Party, false, confidence);
        _entities.Add(new Entity(position, match, gazetteer.GenderOf(match.ActorId), match.IsPerson, false, resolution));
        return resolution;
    }

    private Resolution Pronoun(string pronoun, int position)
    {
        for (int k = _entities.Count - 1; k >= 0; k--)
        {
            var e = _entities[k];
            if (e.Position >= position) continue;
            bool compatible = pronoun switch
            {
                "he" or "him" => e.IsPerson && !e.Plural && e.Gender != ActorGender.Female,
                "she" or "her" => e.IsPerson && !e.Plural && e.Gender != ActorGender.Male,
                "they" => e.Plural || !e.IsPerson,
                "it" => !e.IsPerson && !e.Plural,
                "who" => true,
                _ => false,
            };
            if (!compatible) continue;
            var r = e.Resolution with { Confidence = Math.Min(e.Resolution.Confidence, 0.8) };
            _entities.Add(e with { Position = position, Resolution = r });
            return r;
        }
        return Unknown(0.3);
    }

    private static bool IsAnonymous(string[] words, out int head)
    {
        head = -1;
        for (int k = 0; k < words.Length && k < 6; k++)
        {
            var w = words[k].TrimEnd(',', '.').ToLowerInvariant();
            if (AnonymousHeads.Contains(w))
            {
                head = k;
                break;
            }
            if (w is "close" or "familiar" or "of" or "with" or "from" or "in" or "at" or "to" or "who") return false;
        }
        if (head < 0) return false;
        // Named people are not anonymous: "Kremlin spokesman Dmitry Peskov", "the minister, Sergei Lavrov".
        for (int k = head + 1; k < words.Length; k++)
            if (char.IsUpper(words[k][0]) && k == head + 1) return false;
        var first = words[0].ToLowerInvariant();
        return head == 0 || first is "a" or "an" or "one" or "two" or "three" or "several" or "some" or "other" or "another"
            or "senior" or "many" or "the" or "few" or "various" or "unnamed" or "anonymous" or "multiple" or "both"
            || char.IsUpper(words[0][0]) || words[0].EndsWith("'s", StringComparison.Ordinal) || words[0].EndsWith("\u2019s", StringComparison.Ordinal);
    }

    private ActorMatch? FindName(string[] words)
    {
        for (int n = Math.Min(words.Length, 5); n >= 1; n--)
            for (int i = 0; i + n <= words.Length; i++)
            {
                if (!char.IsUpper(words[i][0]) && !(n > 1 && words[i] is "the")) continue;
                var key = Gazetteer.Key(string.Join(' ', words, i, n));
                if (gazetteer.IsName(key) && gazetteer.Resolve(key, date) is { } m) return m;
            }
        return null;
    }
}
