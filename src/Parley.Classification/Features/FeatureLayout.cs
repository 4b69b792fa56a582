using Microsoft.ML.Data;
using Parley.Classification.Embeddings;

namespace Parley.Classification.Features;

/// <summary>The hash slots seen in training, numbered in slot order: the columns of a model's n-gram features.</summary>
/// <remarks>A slot never seen in training has no column. Values are normalised over all of a text's slots, seen or
/// not, so the vocabulary only compacts the columns: a slot seen only in held-out rows would get weight 0 from the
/// learner anyway, so a vocabulary built from more rows (all folds) gives the same predictions as one built from the
/// training folds alone.</remarks>
internal sealed class Vocabulary
{
    private readonly int[] _columnOf;

    public Vocabulary(int[] slots, IssueTerms? terms = null)
    {
        Slots = slots;
        Terms = terms;
        _columnOf = new int[NGramHashing.Space];
        Array.Fill(_columnOf, -1);
        for (var i = 0; i < slots.Length; i++)
            _columnOf[slots[i]] = i;
    }

    /// <summary>The slots, ascending; a slot's column is its index here.</summary>
    public int[] Slots { get; }

    public int Count => Slots.Length;

    /// <summary>The issue seed terms the texts are hashed with (part of the featurization), or null.</summary>
    public IssueTerms? Terms { get; }

    public int ColumnOf(int slot) => _columnOf[slot];

    /// <summary>The vocabulary of the texts' word and character n-grams.</summary>
    public static Vocabulary OfTexts(IEnumerable<string> texts, IssueTerms? terms = null)
    {
        var seen = new bool[NGramHashing.Space];
        var scratch = new NGramScratch();
        foreach (var text in texts)
        {
            NGramHashing.Hash(text, scratch, terms);
            for (var i = 0; i < scratch.TouchedCount; i++)
                seen[scratch.SlotAt(i)] = true;
        }
        return FromMarks(seen, terms);
    }

    /// <summary>The vocabulary of the texts' context-tagged word n-grams (rows without a context add nothing).</summary>
    /// <remarks>Issue seed terms add no word n-gram, so the tags do not depend on them.</remarks>
    public static Vocabulary OfTags(IEnumerable<(string Text, string? Context)> rows)
    {
        var seen = new bool[NGramHashing.Space];
        var scratch = new NGramScratch();
        foreach (var (text, context) in rows)
        {
            if (string.IsNullOrEmpty(context))
                continue;
            NGramHashing.Hash(text, scratch);
            var tag = NGramHashing.ContextHash(context);
            for (var i = 0; i < scratch.WordGramCount; i++)
                seen[NGramHashing.TaggedSlot(scratch.WordGrams[i], tag)] = true;
        }
        return FromMarks(seen, null);
    }

    private static Vocabulary FromMarks(bool[] seen, IssueTerms? terms)
    {
        var slots = new List<int>();
        for (var s = 0; s < seen.Length; s++)
            if (seen[s])
                slots.Add(s);
        return new Vocabulary([.. slots], terms);
    }

    public bool SameAs(Vocabulary other) => ReferenceEquals(this, other) || Matches(other.Slots, other.Terms);

    /// <summary>Whether this vocabulary has exactly these slots and terms (so it can stand for a copy not yet built).</summary>
    public bool Matches(int[] slots, IssueTerms? terms) => Slots.AsSpan().SequenceEqual(slots) && IssueTerms.Same(Terms, terms);
}

/// <summary>
/// The columns a head's learner sees, in order: text n-grams (the shared <see cref="Text"/> vocabulary), the context
/// one-hot, the condition one-hot, context-tagged word n-grams, the sentence embedding, and the embedding copied into
/// its context's block.
/// </summary>
/// <remarks><para>The same layout builds ML.NET's feature vectors in training and drives the hand-written scorer in
/// prediction, so both see identical features.</para>
/// <para>A context may carry a qualifier (<see cref="Qualify"/>: the issue, qualified by the speaker's party): the part
/// before it is the context (one-hot, tags, embedding block); the qualified whole is a <em>condition</em>, one more
/// one-hot column when it was seen in training. A qualifier never seen in training adds nothing.</para></remarks>
internal sealed class FeatureLayout
{
    private const char QualifierSeparator = '\u001f';
    private readonly Dictionary<string, int> _contextIndex;
    private readonly Dictionary<string, int> _conditionIndex;
    private readonly ulong[] _contextHash;

    public FeatureLayout(Vocabulary text, IReadOnlyList<string> contexts, Vocabulary? tags, bool embeddings, float embeddingWeight, bool contextEmbeddings,
        IReadOnlyList<string>? conditions = null)
    {
        Text = text;
        Contexts = [.. contexts];
        Conditions = [.. conditions ?? []];
        _contextIndex = Contexts.Select((c, i) => (c, i)).ToDictionary(x => x.c, x => x.i, StringComparer.Ordinal);
        _conditionIndex = Conditions.Select((c, i) => (c, i)).ToDictionary(x => x.c, x => x.i, StringComparer.Ordinal);
        _contextHash = Contexts.Select(NGramHashing.ContextHash).ToArray();
        Tags = tags;
        Embeddings = embeddings;
        EmbeddingWeight = embeddingWeight;
        ContextEmbeddings = contextEmbeddings && embeddings && Contexts.Length > 0;
        ContextOffset = text.Count;
        ConditionOffset = ContextOffset + Contexts.Length;
        TagOffset = ConditionOffset + Conditions.Length;
        EmbeddingOffset = TagOffset + (tags?.Count ?? 0);
        ContextEmbeddingOffset = EmbeddingOffset + (embeddings ? SentenceEmbedder.Dimensions : 0);
        Dimension = ContextEmbeddingOffset + (ContextEmbeddings ? Contexts.Length * SentenceEmbedder.Dimensions : 0);
    }

    public Vocabulary Text { get; }
    public string[] Contexts { get; }
    /// <summary>The qualified contexts seen in training (<see cref="Qualify"/>), each a one-hot column.</summary>
    public string[] Conditions { get; }
    public Vocabulary? Tags { get; }
    public bool Embeddings { get; }
    public float EmbeddingWeight { get; }
    public bool ContextEmbeddings { get; }
    public int ContextOffset { get; }
    public int ConditionOffset { get; }
    public int TagOffset { get; }
    public int EmbeddingOffset { get; }
    public int ContextEmbeddingOffset { get; }
    public int Dimension { get; }

    /// <summary>The index of a context, or -1 for none or one not seen in training (it then adds no feature).</summary>
    public int ContextIndex(string? context)
    {
        if (string.IsNullOrEmpty(context))
            return -1;
        var cut = context.IndexOf(QualifierSeparator);
        return cut < 0
            ? _contextIndex.GetValueOrDefault(context, -1)
            : _contextIndex.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(context.AsSpan(0, cut), out var i) ? i : -1;
    }

    /// <summary>The index of a qualified context among the <see cref="Conditions"/>, or -1 (none, unqualified, or not
    /// seen in training).</summary>
    public int ConditionIndex(string? context) =>
        !string.IsNullOrEmpty(context) && _conditionIndex.TryGetValue(context, out var i) ? i : -1;

    /// <summary>A context qualified by a second value (the issue by the speaker's party): see the remarks.</summary>
    public static string Qualify(string context, string qualifier) => $"{context}{QualifierSeparator}{qualifier}";

    /// <summary>Whether a context carries a qualifier.</summary>
    public static bool IsQualified(string context) => context.Contains(QualifierSeparator);

    /// <summary>The context without its qualifier.</summary>
    public static string Unqualified(string context) => context.IndexOf(QualifierSeparator) is var cut and >= 0 ? context[..cut] : context;

    /// <summary>Puts the text's n-gram columns and values into <see cref="NGramScratch.Columns"/>/<see cref="NGramScratch.Values"/>
    /// (unsorted) and keeps its word n-gram hashes for <see cref="FeaturizeTags"/>.</summary>
    public static void FeaturizeText(Vocabulary vocabulary, ReadOnlySpan<char> text, NGramScratch s)
    {
        NGramHashing.Hash(text, s, vocabulary.Terms);
        var norm = s.Norm();
        s.EnsureCapacity(s.TouchedCount);
        var n = 0;
        var columns = s.Columns;
        var values = s.Values;
        for (var i = 0; i < s.TouchedCount; i++)
        {
            var column = vocabulary.ColumnOf(s.SlotAt(i));
            if (column >= 0)
            {
                columns[n] = column;
                values[n++] = s.CountAt(i) / norm;
            }
        }
        s.Count = n;
    }

    /// <summary>Puts the context-tagged word n-grams of the last featurized text into
    /// <see cref="NGramScratch.TagColumns"/>/<see cref="NGramScratch.TagValues"/>; none without tags or context.</summary>
    public void FeaturizeTags(int context, NGramScratch s)
    {
        s.TagCount = 0;
        if (Tags is null || context < 0 || s.WordGramCount == 0)
            return;
        var tag = _contextHash[context];
        s.Reset();
        for (var i = 0; i < s.WordGramCount; i++)
            s.Add(NGramHashing.TaggedSlot(s.WordGrams[i], tag));
        var norm = s.Norm();
        s.EnsureTagCapacity(s.TouchedCount);
        var n = 0;
        for (var i = 0; i < s.TouchedCount; i++)
        {
            var column = Tags.ColumnOf(s.SlotAt(i));
            if (column >= 0)
            {
                s.TagColumns[n] = column;
                s.TagValues[n++] = s.CountAt(i) / norm;
            }
        }
        s.TagCount = n;
    }

    /// <summary>The feature vector ML.NET sees (sorted sparse indices).</summary>
    public VBuffer<float> Vector(string text, string? context, float[]? embedding, NGramScratch s)
    {
        FeaturizeText(Text, text, s);
        var ctx = ContextIndex(context);
        var condition = ConditionIndex(context);
        FeaturizeTags(ctx, s);
        var dense = (Embeddings && embedding is not null ? SentenceEmbedder.Dimensions : 0) * (ContextEmbeddings && ctx >= 0 ? 2 : 1);
        var count = s.Count + (ctx >= 0 ? 1 : 0) + (condition >= 0 ? 1 : 0) + s.TagCount + dense;
        var indices = new int[count];
        var values = new float[count];
        Array.Copy(s.Columns, indices, s.Count);
        Array.Copy(s.Values, values, s.Count);
        Array.Sort(indices, values, 0, s.Count);
        var n = s.Count;
        if (ctx >= 0)
        {
            indices[n] = ContextOffset + ctx;
            values[n++] = 1;
        }
        if (condition >= 0)
        {
            indices[n] = ConditionOffset + condition;
            values[n++] = 1;
        }
        Array.Copy(s.TagColumns, 0, indices, n, s.TagCount);
        Array.Copy(s.TagValues, 0, values, n, s.TagCount);
        Array.Sort(indices, values, n, s.TagCount);
        for (var k = 0; k < s.TagCount; k++)
            indices[n + k] += TagOffset;
        n += s.TagCount;
        if (dense > 0)
        {
            for (var d = 0; d < SentenceEmbedder.Dimensions; d++)
            {
                indices[n] = EmbeddingOffset + d;
                values[n++] = embedding![d] * EmbeddingWeight;
            }
            if (ContextEmbeddings && ctx >= 0)
                for (var d = 0; d < SentenceEmbedder.Dimensions; d++)
                {
                    indices[n] = ContextEmbeddingOffset + ctx * SentenceEmbedder.Dimensions + d;
                    values[n++] = embedding![d] * EmbeddingWeight;
                }
        }
        return new VBuffer<float>(Dimension, count, values, indices);
    }

    /// <summary>Writes the layout (vocabularies, contexts, flags).</summary>
    public void Write(BinaryWriter writer)
    {
        writer.Write(FormatTag);
        writer.Write(NGramHashing.Bits);
        WriteSlots(writer, Text.Slots);
        IssueTerms.Write(writer, Text.Terms);
        writer.Write(Contexts.Length);
        foreach (var c in Contexts)
            writer.Write(c);
        writer.Write(Conditions.Length);
        foreach (var c in Conditions)
            writer.Write(c);
        writer.Write(Tags is not null);
        if (Tags is not null)
            WriteSlots(writer, Tags.Slots);
        writer.Write(Embeddings);
        writer.Write(EmbeddingWeight);
        writer.Write(ContextEmbeddings);
    }

    /// <summary>Reads a layout written by <see cref="Write"/>; null when it was written by another featurizer.</summary>
    /// <param name="reader">The stored layout.</param>
    /// <param name="shared">A text vocabulary already loaded (another head's): used instead of a copy when equal.</param>
    public static FeatureLayout? Read(BinaryReader reader, Vocabulary? shared = null)
    {
        // Models written before seed terms existed carry none: their features are the same without them.
        var format = reader.ReadString();
        if (format is not (FormatTag or FormatTagWithoutTerms) || reader.ReadInt32() != NGramHashing.Bits)
            return null;
        var slots = ReadSlots(reader);
        var terms = format == FormatTag ? IssueTerms.Read(reader) : null;
        var text = shared is not null && shared.Matches(slots, terms) ? shared : new Vocabulary(slots, terms);
        var contexts = new string[reader.ReadInt32()];
        for (var i = 0; i < contexts.Length; i++)
            contexts[i] = reader.ReadString();
        var conditions = new string[reader.ReadInt32()];
        for (var i = 0; i < conditions.Length; i++)
            conditions[i] = reader.ReadString();
        var tags = reader.ReadBoolean() ? new Vocabulary(ReadSlots(reader)) : null;
        var embeddings = reader.ReadBoolean();
        var weight = reader.ReadSingle();
        var contextEmbeddings = reader.ReadBoolean();
        return new FeatureLayout(text, contexts, tags, embeddings, weight, contextEmbeddings, conditions);
    }

    /// <summary>Names the featurization; a layout written by another one is not read.</summary>
    private const string FormatTag = "parley-ngrams-w2-neg-but-cue-terms-c5-cond";

    /// <summary>The format before issue seed terms (read as a vocabulary without terms).</summary>
    private const string FormatTagWithoutTerms = "parley-ngrams-w2-neg-but-cue-c5-cond";

    private static void WriteSlots(BinaryWriter writer, int[] slots)
    {
        writer.Write(slots.Length);
        foreach (var s in slots)
            writer.Write(s);
    }

    private static int[] ReadSlots(BinaryReader reader)
    {
        var slots = new int[reader.ReadInt32()];
        for (var i = 0; i < slots.Length; i++)
            slots[i] = reader.ReadInt32();
        return slots;
    }
}
