using System.Collections.Frozen;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Parley.Serialization;

namespace Parley.Actors;

/// <summary>
/// The people and institutions who speak for the parties to a negotiation: names, aliases, transliterations,
/// role nouns ("the Ukrainian president") with date ranges, and capitals standing for governments ("Kyiv").
/// </summary>
/// <remarks>
/// <para>The default gazetteer is embedded from <c>data/actors/actors.json</c>; <see cref="Load"/> reads another file
/// of the same shape (documented in <c>data/actors/README.md</c>).</para>
/// <para>Matching ignores case, periods ("U.S." = "US"), curly apostrophes, diacritics and a leading "the"; a
/// titled name ("Ukrainian President Volodymyr Zelensky", "Mr. Putin") resolves through its name.
/// A person speaks for a party only while holding a role: on a day outside all of their roles the match's party is
/// the actor's standing party, or "Unknown" when the file gives none. Role nouns resolve to whoever held the role on
/// the given day (with no day: the current holder).</para>
/// <para>Instances are immutable and safe to share across threads.</para>
/// </remarks>
/// <example><code>
/// var match = Gazetteer.Default.Resolve("the German chancellor", new DateOnly(2025, 6, 1));
/// // match.ActorId == "friedrich-merz", match.Party == "Europe"
/// </code></example>
public sealed class Gazetteer
{
    private static readonly Lazy<Gazetteer> LazyDefault = new(() => LoadEmbedded("Parley.data.actors.actors.json"));

    private readonly FrozenDictionary<string, ActorEntry> _byId;
    private readonly FrozenDictionary<string, ActorEntry> _byName;
    private readonly FrozenDictionary<string, (ActorEntry Actor, ActorRole? Role)[]> _byNoun;
    private readonly FrozenDictionary<string, string> _affiliations;
    private readonly FrozenSet<string> _nameStarts;

    private Gazetteer(ActorDocument document)
    {
        Version = document.Version;
        var byId = new Dictionary<string, ActorEntry>(StringComparer.Ordinal);
        var byName = new Dictionary<string, ActorEntry>(StringComparer.Ordinal);
        var byNoun = new Dictionary<string, List<(ActorEntry, ActorRole?)>>(StringComparer.Ordinal);
        foreach (var actor in document.Actors)
        {
            if (string.IsNullOrWhiteSpace(actor.Id) || string.IsNullOrWhiteSpace(actor.Name))
                throw new InvalidDataException("Every actor needs an id and a name.");
            if (!byId.TryAdd(actor.Id, actor))
                throw new InvalidDataException($"Actor id '{actor.Id}' appears twice.");
        }
        // Full names and explicit aliases first, so that a surname derived below never shadows them.
        foreach (var actor in document.Actors)
            foreach (var name in actor.Aliases.Prepend(actor.Name))
                byName.TryAdd(Key(name), actor);
        foreach (var actor in document.Actors.Where(a => a.IsPerson))
        {
            var parts = actor.Name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length > 1) byName.TryAdd(Key(parts[^1]), actor);
        }
        foreach (var actor in document.Actors)
        {
            foreach (var noun in actor.Nouns)
                Add(byNoun, Key(noun), (actor, null));
            foreach (var role in actor.Roles)
                foreach (var noun in role.Nouns)
                    Add(byNoun, Key(noun), (actor, role));
        }
        var affiliations = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (party, words) in document.Affiliations)
            foreach (var word in words)
                affiliations.TryAdd(Key(word), party);
        _byId = byId.ToFrozenDictionary(StringComparer.Ordinal);
        _byName = byName.ToFrozenDictionary(StringComparer.Ordinal);
        _byNoun = byNoun.ToFrozenDictionary(kv => kv.Key, kv => kv.Value.ToArray(), StringComparer.Ordinal);
        _affiliations = affiliations.ToFrozenDictionary(StringComparer.Ordinal);
        MaxNameTokens = byName.Keys.Concat(byNoun.Keys).Max(k => k.Count(c => c == ' ') + 1);
        _nameStarts = byName.Keys.Select(k => k.Split(' ')[0]).ToFrozenSet(StringComparer.OrdinalIgnoreCase);

        static void Add(Dictionary<string, List<(ActorEntry, ActorRole?)>> map, string key, (ActorEntry, ActorRole?) value)
        {
            if (!map.TryGetValue(key, out var list)) map[key] = list = [];
            list.Add(value);
        }
    }

    /// <summary>The embedded gazetteer for the 2025 Russia–Ukraine peace talks.</summary>
    public static Gazetteer Default => LazyDefault.Value;

    /// <summary>The version string of the gazetteer file.</summary>
    public string Version { get; }

    /// <summary>The number of actors (people and institutions).</summary>
    public int Count => _byId.Count;

    /// <summary>Every actor id in the gazetteer, sorted.</summary>
    public IReadOnlyList<string> ActorIds => [.. _byId.Keys.Order(StringComparer.Ordinal)];

    internal int MaxNameTokens { get; }

    /// <summary>Loads a gazetteer file of the same shape as <c>data/actors/actors.json</c>.</summary>
    /// <exception cref="InvalidDataException">The file is not a valid gazetteer.</exception>
    public static Gazetteer Load(string path)
    {
        using var stream = File.OpenRead(path);
        return Parse(stream, path);
    }

    /// <summary>Parses a gazetteer from JSON.</summary>
    /// <exception cref="InvalidDataException">The JSON is not a valid gazetteer.</exception>
    public static Gazetteer Parse(Stream json, string? origin = null)
    {
        ActorDocument? document;
        try
        {
            document = JsonSerializer.Deserialize<ActorDocument>(json, ParleyJson.Options);
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"Gazetteer {origin} is not valid JSON: {ex.Message}", ex);
        }
        if (document is null || document.Actors.Count == 0)
            throw new InvalidDataException($"Gazetteer {origin} lists no actors.");
        return new Gazetteer(document);
    }

    /// <summary>Resolves a mention ("Zelenskyy", "the Kremlin leader", "Kyiv") to an actor.</summary>
    /// <param name="mention">The mention as it stands in the text.</param>
    /// <param name="date">The day of the statement; role nouns and parties depend on it. Null means "now".</param>
    /// <returns>The actor, or null when the mention names nobody the gazetteer knows.</returns>
    public ActorMatch? Resolve(string mention, DateOnly? date = null)
    {
        var key = Key(mention);
        if (key.Length == 0) return null;
        if (Lookup(key, date) is { } direct) return direct;
        // A titled name: "ukrainian president volodymyr zelensky" → "volodymyr zelensky"; "mr putin" → "putin".
        int space = key.IndexOf(' ');
        while (space >= 0)
        {
            var rest = key[(space + 1)..];
            if (_byName.TryGetValue(rest, out var actor)) return Match(actor, date);
            space = key.IndexOf(' ', space + 1);
        }
        return null;
    }

    private ActorMatch? Lookup(string key, DateOnly? date)
    {
        if (_byName.TryGetValue(key, out var actor)) return Match(actor, date);
        if (!_byNoun.TryGetValue(key, out var holders)) return null;
        (ActorEntry Actor, ActorRole? Role)? best = null;
        foreach (var holder in holders)
        {
            if (holder.Role is null) return Match(holder.Actor, date);
            bool holds = date is { } day ? holder.Role.Covers(day) : holder.Role.To is null;
            if (holds && (best is null || (holder.Role.From ?? DateOnly.MinValue) > (best.Value.Role!.From ?? DateOnly.MinValue)))
                best = holder;
        }
        return best is { } b ? Match(b.Actor, date) : null;
    }

    private static ActorMatch Match(ActorEntry actor, DateOnly? date) =>
        new(actor.Id, actor.Name, PartyOf(actor, date), actor.IsPerson);

    private static string PartyOf(ActorEntry actor, DateOnly? date)
    {
        if (date is { } day)
        {
            var role = actor.Roles.Where(r => r.Covers(day) && r.Party is not null).MaxBy(r => r.From ?? DateOnly.MinValue);
            return role?.Party ?? actor.Party ?? Taxonomy.UnknownParty;
        }
        return actor.Party
            ?? actor.Roles.Where(r => r.Party is not null).MaxBy(r => r.From ?? DateOnly.MinValue)?.Party
            ?? Taxonomy.UnknownParty;
    }

    /// <summary>The actor with this id, or null.</summary>
    internal ActorEntry? Find(string actorId) => _byId.GetValueOrDefault(actorId);

    internal ActorGender GenderOf(string actorId) =>
        _byId.TryGetValue(actorId, out var actor) ? actor.Gender?.ToLowerInvariant() switch
        {
            "male" or "m" => ActorGender.Male,
            "female" or "f" => ActorGender.Female,
            _ => ActorGender.Unknown,
        } : ActorGender.Unknown;

    /// <summary>Whether the actor, on that day, held a role whose title or role nouns contain the word ("president").</summary>
    internal bool HoldsRoleNamed(string actorId, string roleWord, DateOnly? date)
    {
        if (!_byId.TryGetValue(actorId, out var actor)) return false;
        foreach (var role in actor.Roles)
        {
            if (date is { } day && !role.Covers(day)) continue;
            if (role.Title.Contains(roleWord, StringComparison.OrdinalIgnoreCase)) return true;
            foreach (var noun in role.Nouns)
                if (noun.Contains(roleWord, StringComparison.OrdinalIgnoreCase)) return true;
        }
        return false;
    }

    /// <summary>The party of the first affiliation word in a phrase ("a senior European official" → Europe).</summary>
    internal string? AffiliationParty(string phrase)
    {
        var key = Key(phrase);
        if (key.Length == 0) return null;
        var words = key.Split(' ');
        for (int i = 0; i < words.Length; i++)
        {
            if (i + 1 < words.Length && _affiliations.TryGetValue(words[i] + " " + words[i + 1], out var two)) return two;
            var word = words[i].EndsWith("'s", StringComparison.Ordinal) ? words[i][..^2] : words[i];
            if (_affiliations.TryGetValue(word, out var one)) return one;
        }
        // "Emmanuel Macron's diplomatic adviser", "an aide to Zelensky": the party of the actor named.
        for (int i = 0; i < words.Length; i++)
        {
            var word = words[i].EndsWith("'s", StringComparison.Ordinal) ? words[i][..^2] : words[i];
            if (_byName.TryGetValue(word, out var actor) && PartyOf(actor, null) is var party && party != Taxonomy.UnknownParty)
                return party;
        }
        return null;
    }

    /// <summary>Whether a word can start a known name ("Zelensky", "Vladimir", "White"); a cheap filter before
    /// building n-gram keys from running text.</summary>
    internal bool CanStartName(ReadOnlySpan<char> word)
    {
        int apostrophe = word.IndexOfAny('\'', '\u2019');
        if (apostrophe > 0) word = word[..apostrophe];
        if (word.IndexOf('.') >= 0) return true; // "U.S.", "J.D." — rare, let the full key decide
        return _nameStarts.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word);
    }

    /// <summary>Whether a normalized key is a known name or alias (used to find antecedents in running text).</summary>
    internal bool IsName(string key) => _byName.ContainsKey(key);

    /// <summary>Normalizes a mention for lookup: lower case, no periods, plain apostrophes, no diacritics,
    /// single spaces, no leading "the", no trailing possessive.</summary>
    internal static string Key(string text)
    {
        var sb = new StringBuilder(text.Length);
        bool space = false;
        bool ascii = true;
        foreach (var c in text)
            if (c > 127) { ascii = false; break; }
        foreach (var c in ascii ? text : text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark || c == '.') continue;
            if (char.IsWhiteSpace(c))
            {
                space = sb.Length > 0;
                continue;
            }
            if (space) sb.Append(' ');
            space = false;
            sb.Append(c is '\u2019' or '\u2018' or '`' ? '\'' : char.ToLowerInvariant(c));
        }
        var key = sb.ToString();
        if (key.StartsWith("the ", StringComparison.Ordinal)) key = key[4..];
        if (key.EndsWith("'s", StringComparison.Ordinal)) key = key[..^2];
        else if (key.EndsWith('\'')) key = key[..^1];
        return key.Trim(',', ';', ':', ' ');
    }

    private static Gazetteer LoadEmbedded(string name)
    {
        using var stream = typeof(Gazetteer).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Embedded resource {name} is missing from {typeof(Gazetteer).Assembly.GetName().Name}.");
        return Parse(stream, name);
    }
}
