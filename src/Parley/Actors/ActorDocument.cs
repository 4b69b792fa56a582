using System.Text.Json.Serialization;

namespace Parley.Actors;

// The on-disk shape of data/actors/actors.json (see data/actors/README.md).
internal sealed record ActorDocument
{
    public string Version { get; init; } = "1";
    public List<ActorEntry> Actors { get; init; } = [];
    public Dictionary<string, List<string>> Affiliations { get; init; } = [];
}

internal sealed record ActorEntry
{
    public string Id { get; init; } = "";
    public string Name { get; init; } = "";
    public string Type { get; init; } = "person";
    public string? Gender { get; init; }
    public string? Party { get; init; }
    public string? Wikidata { get; init; }
    public List<string> Aliases { get; init; } = [];
    public List<string> Nouns { get; init; } = [];
    public List<ActorRole> Roles { get; init; } = [];

    [JsonIgnore]
    public bool IsPerson => !string.Equals(Type, "institution", StringComparison.OrdinalIgnoreCase);
}

internal sealed record ActorRole
{
    public string Title { get; init; } = "";
    public string? Party { get; init; }
    public DateOnly? From { get; init; }
    public DateOnly? To { get; init; }
    public List<string> Nouns { get; init; } = [];

    public bool Covers(DateOnly day) => (From is null || From <= day) && (To is null || day <= To);
}

/// <summary>Grammatical gender of a person, for pronoun resolution.</summary>
internal enum ActorGender
{
    Unknown,
    Male,
    Female,
}
