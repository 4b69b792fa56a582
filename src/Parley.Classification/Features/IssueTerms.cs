namespace Parley.Classification.Features;

/// <summary>
/// Seed terms per issue (a taxonomy's <c>terms</c>): a word or phrase of an issue's list, wherever it occurs in a text,
/// adds the issue's class as one more word feature, the way a stance cue adds its class.
/// </summary>
/// <remarks>
/// <para>Terms let a model tie a word it never saw in training to the issue an analyst says it belongs to
/// ("Zaporizhzhia" to territory, "reassurance force" to security guarantees): a term rare in the labels counts like the
/// common ones of its issue. This is the keyword-seeding of keyword-assisted topic models, applied to a classifier's
/// features; the learner still decides how much each class feature weighs.</para>
/// <para>A term matches whole words, after the same normalization as the n-grams (case, apostrophes and periods inside
/// words ignored; hyphens and other punctuation separate words): list each form ("annex", "annexed", "annexation").
/// Phrases of up to <see cref="MaxWords"/> words match consecutive words.</para>
/// </remarks>
internal sealed class IssueTerms
{
    /// <summary>The longest phrase matched, in words.</summary>
    public const int MaxWords = 4;

    private readonly Dictionary<ulong, int[]> _issuesOf = [];
    private readonly HashSet<ulong> _lastWords = [];

    /// <summary>Builds the matcher.</summary>
    /// <param name="entries">Per issue, its terms (order kept: it is stored with models).</param>
    /// <exception cref="ArgumentException">A term has no word, or more than <see cref="MaxWords"/>.</exception>
    public IssueTerms(IReadOnlyList<(string Issue, IReadOnlyList<string> Terms)> entries)
    {
        Entries = entries;
        Grams = entries.Select(e => NGramHashing.TermClassGram(e.Issue)).ToArray();
        var issuesOf = new Dictionary<ulong, List<int>>();
        for (var i = 0; i < entries.Count; i++)
            foreach (var term in entries[i].Terms)
            {
                var words = NGramHashing.WordKeys(term);
                if (words.Length is 0 or > MaxWords)
                    throw new ArgumentException($"Term '{term}' of issue '{entries[i].Issue}' must have 1 to {MaxWords} words.", nameof(entries));
                var key = NGramHashing.PhraseKey(words);
                if (!issuesOf.TryGetValue(key, out var list))
                    issuesOf[key] = list = [];
                if (!list.Contains(i))
                    list.Add(i);
                _lastWords.Add(words[^1]);
            }
        foreach (var (key, list) in issuesOf)
            _issuesOf[key] = [.. list];
    }

    /// <summary>Per issue, its terms as given.</summary>
    public IReadOnlyList<(string Issue, IReadOnlyList<string> Terms)> Entries { get; }

    /// <summary>Per issue (in <see cref="Entries"/> order), the word feature its terms add.</summary>
    public ulong[] Grams { get; }

    /// <summary>The seed terms of a taxonomy's issues; null when no issue has any.</summary>
    public static IssueTerms? Of(Taxonomy taxonomy)
    {
        var entries = taxonomy.Issues.Where(i => i.Terms is { Count: > 0 })
            .Select(i => (i.Id, (IReadOnlyList<string>)[.. i.Terms!])).ToArray();
        return entries.Length == 0 ? null : new IssueTerms(entries);
    }

    /// <summary>Whether some term ends with this word (checked before the phrases that end there are looked up).</summary>
    public bool EndsTerm(ulong word) => _lastWords.Contains(word);

    /// <summary>The issues (indices into <see cref="Entries"/>) whose term is exactly this phrase, or null.</summary>
    public int[]? IssuesOf(ulong phraseKey) => _issuesOf.GetValueOrDefault(phraseKey);

    /// <summary>Whether two matchers hold the same terms for the same issues (two nulls are the same: no terms).</summary>
    public static bool Same(IssueTerms? a, IssueTerms? b) =>
        ReferenceEquals(a, b) || (a is not null && b is not null && a.Entries.Count == b.Entries.Count
            && a.Entries.Zip(b.Entries).All(p => p.First.Issue == p.Second.Issue && p.First.Terms.SequenceEqual(p.Second.Terms)));

    /// <summary>Writes the terms (a model stores them with its vocabulary).</summary>
    public static void Write(BinaryWriter writer, IssueTerms? terms)
    {
        writer.Write(terms?.Entries.Count ?? 0);
        foreach (var (issue, list) in terms?.Entries ?? [])
        {
            writer.Write(issue);
            writer.Write(list.Count);
            foreach (var t in list)
                writer.Write(t);
        }
    }

    /// <summary>Reads terms written by <see cref="Write"/>; null when there were none.</summary>
    public static IssueTerms? Read(BinaryReader reader)
    {
        var entries = new (string, IReadOnlyList<string>)[reader.ReadInt32()];
        for (var i = 0; i < entries.Length; i++)
        {
            var issue = reader.ReadString();
            var list = new string[reader.ReadInt32()];
            for (var j = 0; j < list.Length; j++)
                list[j] = reader.ReadString();
            entries[i] = (issue, list);
        }
        return entries.Length == 0 ? null : new IssueTerms(entries);
    }
}
