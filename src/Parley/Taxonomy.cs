using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Parley.Serialization;

namespace Parley;

/// <summary>
/// The parties, issues and stances of one negotiation. The default is the 2025 Russia–Ukraine peace talks,
/// embedded from <c>data/taxonomy/default.json</c>.
/// </summary>
/// <remarks>
/// Issues are propositions: a stance of <c>support</c> (+1) always means support for the proposition,
/// so positions from different statements can be averaged and charted on one axis.
/// </remarks>
public sealed record Taxonomy
{
    /// <summary>The party id for speakers who could not be placed.</summary>
    public const string UnknownParty = "Unknown";

    /// <summary>A human-readable name for the negotiation.</summary>
    public string Name { get; init; } = "";

    /// <summary>Version of the taxonomy file.</summary>
    public string Version { get; init; } = "1";

    /// <summary>The parties, in display order.</summary>
    public IReadOnlyList<TaxonomyParty> Parties { get; init; } = [];

    /// <summary>The issues, in display order.</summary>
    public IReadOnlyList<TaxonomyIssue> Issues { get; init; } = [];

    /// <summary>The stances and their values on the position axis.</summary>
    public IReadOnlyList<TaxonomyStance> Stances { get; init; } = [];

    /// <summary>The value of a stance on the position axis (support +1, neutral 0, oppose −1).</summary>
    /// <exception cref="KeyNotFoundException">The stance is not in the taxonomy.</exception>
    public double StanceValue(string stance) =>
        Stances.FirstOrDefault(s => string.Equals(s.Id, stance, StringComparison.OrdinalIgnoreCase))?.Value
        ?? throw new KeyNotFoundException($"Stance '{stance}' is not in taxonomy '{Name}'.");

    /// <summary>A short hash of the taxonomy's content, stored with models so a model is never run on another taxonomy.</summary>
    public string Fingerprint()
    {
        var json = JsonSerializer.Serialize(this, ParleyJson.Options);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(json)))[..16];
    }

    /// <summary>The embedded default taxonomy (Russia–Ukraine peace talks, 2025).</summary>
    public static Taxonomy Default { get; } = LoadEmbedded("Parley.data.taxonomy.default.json");

    /// <summary>Loads a taxonomy file of the same shape as <c>data/taxonomy/default.json</c>.</summary>
    public static Taxonomy Load(string path)
    {
        using var stream = File.OpenRead(path);
        return Parse(stream, path);
    }

    /// <summary>Parses a taxonomy from JSON.</summary>
    public static Taxonomy Parse(Stream json, string? origin = null)
    {
        var taxonomy = JsonSerializer.Deserialize<Taxonomy>(json, ParleyJson.Options)
            ?? throw new InvalidDataException($"Taxonomy {origin} is empty.");
        if (taxonomy.Parties.Count == 0 || taxonomy.Issues.Count == 0 || taxonomy.Stances.Count == 0)
            throw new InvalidDataException($"Taxonomy {origin} must name at least one party, issue and stance.");
        return taxonomy;
    }

    private static Taxonomy LoadEmbedded(string name)
    {
        using var stream = typeof(Taxonomy).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Embedded resource {name} is missing from {typeof(Taxonomy).Assembly.GetName().Name}.");
        return Parse(stream, name);
    }
}

/// <summary>A side in the negotiation.</summary>
/// <param name="Id">Stable id used in statements and positions ("Russia").</param>
/// <param name="Label">Display name.</param>
/// <param name="Color">Chart colour (CSS).</param>
public sealed record TaxonomyParty(string Id, string Label, string? Color = null);

/// <summary>An issue, stated as the proposition that stances are toward.</summary>
/// <param name="Id">Stable id ("nato").</param>
/// <param name="Label">Display name ("NATO membership").</param>
/// <param name="Proposition">The proposition a <c>support</c> stance supports ("Ukraine joins NATO").</param>
/// <param name="Terms">Seed words and phrases that point to the issue ("Article 5", "membership"), each form listed
/// ("annex", "annexed"); the classifier sees each occurrence as a feature of the issue. Null or empty: none.</param>
public sealed record TaxonomyIssue(string Id, string Label, string Proposition,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<string>? Terms = null);

/// <summary>A stance and its value on the position axis.</summary>
/// <param name="Id">support, oppose, neutral.</param>
/// <param name="Value">+1, −1, 0.</param>
public sealed record TaxonomyStance(string Id, double Value);
