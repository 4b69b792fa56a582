using System.Runtime.CompilerServices;

namespace Parley.Classification.Features;

/// <summary>
/// Hashes a text's word uni+bigrams and character 5-grams into a fixed space of <see cref="Space"/> slots: the
/// featurization every head shares, in training and in prediction.
/// </summary>
/// <remarks>
/// <para>Normalisation: letters and digits are lower-cased (invariant culture); an apostrophe or period between two
/// letters or digits is dropped ("Ukraine's" → "ukraines", "U.S." → "us"); any other character separates words.
/// Character 5-grams run over the words joined by one space, with a space before the first and after the last, so
/// they span word boundaries. Counts are term frequencies.</para>
/// <para>Negation scope (as in classic sentiment work, Das &amp; Chen 2001, Pang et al. 2002): every word after a
/// negation cue — not, no, never, nor, neither, without, cannot, none, nothing, nobody, a word ending in "n't" (and
/// its apostrophe-less spellings "dont", "wont", …), refuse(s/d), "rule(s/d) out" — up to the next clause punctuation
/// (. , ; : ! ? and brackets) or "but" also gets a distinct "negated" word feature, so "will not accept" and "will
/// accept" share "accept" but differ in "NOT_accept". The negated features are word n-grams like the others (they
/// are tagged with the issue for stance). The cue words themselves are ordinary features.</para>
/// <para>Contrast scope: every word after "but", "however", "nevertheless", "nonetheless" or "still" up to the end of
/// the sentence (. ; ! ?) also gets a distinct "contrast" word feature: the clause after an adversative usually carries
/// the speaker's actual position ("we want peace, but not at any price").</para>
/// <para>Stance cues: a word of a small general English lexicon of stance verbs and adjectives (<see cref="StanceCue"/>:
/// endorsing, rejecting, hedging, insisting) also adds its class as one more word feature (negated or contrasted when
/// in such a scope), so a cue rare in the training data counts like the common ones of its class.</para>
/// <para>Issue seed terms (<see cref="IssueTerms"/>, from the taxonomy): each occurrence of an issue's word or phrase
/// adds that issue's class as one more feature (counted twice; not among the word n-grams tagged for stance).</para>
/// <para>The hash is a fixed function of the characters (no per-process seed), so a saved model's vocabulary stays
/// valid across runs and machines. No allocation per text: everything goes through a <see cref="NGramScratch"/>.</para>
/// </remarks>
internal static class NGramHashing
{
    public const int Bits = 20;
    public const int Space = 1 << Bits;
    private const int Mask = Space - 1;

    private const uint FnvOffset = 2166136261u;
    private const uint FnvPrime = 16777619u;
    private const ulong WordSeed = 0x9E3779B97F4A7C15ul;
    private const ulong BigramSeed = 0xC2B2AE3D27D4EB4Ful;
    private const ulong CharSeed = 0x165667B19E3779F9ul;
    private const ulong TagSeed = 0xD6E8FEB86659FD93ul;
    private const ulong NegatedSeed = 0x8EBC6AF09C88C6E3ul;
    private const ulong ContrastSeed = 0x2127599BF4325C37ul;
    private const ulong CueSeed = 0x5851F42D4C957F2Dul;
    private const ulong TermSeed = 0x4CF5AD432745937Ful;
    private const ulong PhraseSeed = 0x94D049BB133111EBul;


    // Character 5-grams: chosen by grouped 5-fold cross-validation on data/labels against 4 (ML.NET's former
    // setting), 3–5, 2–4, 4–5 and 6, and word 1–2-grams against 1–3 (docs/classification.md).
    private const int CharLength = 5;

    /// <summary>Hashes <paramref name="text"/> into <paramref name="scratch"/>: the distinct slots and their counts
    /// (<see cref="NGramScratch.SlotAt"/>, <see cref="NGramScratch.CountAt"/>), the word n-gram hashes in
    /// <see cref="NGramScratch.WordGrams"/> (for context tagging) and the words' keys in <see cref="NGramScratch.Words"/>.</summary>
    /// <param name="text">The text.</param>
    /// <param name="scratch">Receives the features.</param>
    /// <param name="terms">Seed terms per issue: each occurrence adds its issue's class as one more word feature.</param>
    public static void Hash(ReadOnlySpan<char> text, NGramScratch scratch, IssueTerms? terms = null)
    {
        scratch.BeginText();
        ulong window = ' '; // the last four characters, 16 bits each
        var filled = 1;
        var wordHash = FnvOffset;
        var inWord = false;
        var previous = 0ul;
        var hasPrevious = false;
        // Negation scope: the word's lower-cased letters (only the first few matter: cues are short), where an
        // apostrophe was dropped inside it, whether the scope is open, and whether the last word was "rule(s/d)".
        // Contrast scope: whether a "but"/"however" came earlier in the sentence.
        var letters = scratch.WordLetters;
        var length = 0;
        var apostropheAt = -1;
        var negated = false;
        var contrast = false;
        var afterRule = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsLetterOrDigit(c))
            {
                var lower = c < 128 ? (char)(c is >= 'A' and <= 'Z' ? c | 0x20 : c) : char.ToLowerInvariant(c);
                wordHash = (wordHash ^ lower) * FnvPrime;
                inWord = true;
                if (length < letters.Length)
                    letters[length] = lower;
                length++;
                PushChar(lower);
            }
            else if (inWord && IsJoiner(c) && i + 1 < text.Length && char.IsLetterOrDigit(text[i + 1]))
            {
                // "Ukraine's", "U.S": the mark is dropped and the word goes on.
                if (c != '.')
                    apostropheAt = length;
            }
            else
            {
                if (inWord)
                    EndWord();
                if (EndsClause(c))
                    negated = false;
                if (EndsSentence(c))
                    contrast = false;
            }
        }
        if (inWord)
            EndWord();
        return;

        void PushChar(char ch)
        {
            var fifth = window >> 48;
            window = (window << 16) | ch;
            if (++filled >= CharLength)
                scratch.Add(Slot(Mix(window ^ CharSeed) ^ fifth ^ CharSeed ^ ((ulong)CharLength << 58)));
        }

        void EndWord()
        {
            var word = Mix(wordHash ^ WordSeed);
            scratch.AddWordGram(word);
            scratch.AddWord(word);
            if (terms is not null && terms.EndsTerm(word))
                AddTermClasses(terms, scratch);
            if (hasPrevious)
                scratch.AddWordGram(Mix((previous * 31) ^ word ^ BigramSeed));
            var cue = false;
            var w = letters.AsSpan(0, Math.Min(length, letters.Length));
            if (length <= letters.Length)
            {
                cue = (apostropheAt == length - 1 && w.EndsWith("nt")) || IsNegationCue(w) || (afterRule && w is "out");
                if (w is "but")
                    negated = false;
            }
            if (negated)
                scratch.AddWordGram(Mix(word ^ NegatedSeed));
            if (length <= letters.Length && StanceCue(w) is var cueClass and > 0)
            {
                // The cue's class is one more word: "welcomed", "backs" and "endorse" share a weight, so a cue seen
                // rarely in training counts like its class; in a negation or contrast scope it gets that scope's feature too.
                var gram = Mix(CueSeed + (ulong)cueClass);
                scratch.AddWordGram(gram);
                if (negated)
                    scratch.AddWordGram(Mix(gram ^ NegatedSeed));
                if (contrast)
                    scratch.AddWordGram(Mix(gram ^ ContrastSeed));
            }
            negated |= cue;
            if (contrast)
                scratch.AddWordGram(Mix(word ^ ContrastSeed));
            contrast |= w is "but" or "however" or "nevertheless" or "nonetheless" or "still";
            afterRule = length <= letters.Length && w is "rule" or "rules" or "ruled" or "ruling";
            previous = word;
            hasPrevious = true;
            wordHash = FnvOffset;
            inWord = false;
            length = 0;
            apostropheAt = -1;
            PushChar(' ');
        }
    }

    // An occurrence of a seed term counts twice: chosen by grouped 5-fold cross-validation on data/labels against once
    // and three times, on the standard article grouping and three reshuffled ones (docs/classification.md).
    private const int TermCount = 2;

    /// <summary>Adds the class of every issue term that ends with the text's last word (phrases of up to
    /// <see cref="IssueTerms.MaxWords"/> words). The class is a feature of the text, not a word n-gram: the stance
    /// head's issue-tagged copies of the words leave it out (on the labels that kept stance macro-F1 0.002 higher on
    /// average over four fold groupings, issue accuracy unchanged).</summary>
    private static void AddTermClasses(IssueTerms terms, NGramScratch scratch)
    {
        var words = scratch.Words.AsSpan(0, scratch.WordCount);
        for (var n = 1; n <= Math.Min(IssueTerms.MaxWords, words.Length); n++)
            if (terms.IssuesOf(PhraseKey(words[^n..])) is { } issues)
                foreach (var issue in issues)
                    for (var r = 0; r < TermCount; r++)
                        scratch.Add(Slot(terms.Grams[issue]));
    }

    /// <summary>The keys of a text's words, as <see cref="Hash"/> sees them (for matching terms).</summary>
    public static ulong[] WordKeys(string text)
    {
        var scratch = new NGramScratch();
        Hash(text, scratch);
        return scratch.Words[..scratch.WordCount];
    }

    /// <summary>The key of a phrase: its word keys in order.</summary>
    public static ulong PhraseKey(ReadOnlySpan<ulong> words)
    {
        var key = PhraseSeed;
        foreach (var w in words)
            key = Mix((key * 31) ^ w);
        return key;
    }

    /// <summary>The word feature an issue's seed terms add.</summary>
    public static ulong TermClassGram(string issue) => Mix(ContextHash(issue) ^ TermSeed);

    /// <summary>Whether a lower-cased word opens a negation scope (contractions in "n't" are recognised apart).</summary>
    internal static bool IsNegationCue(ReadOnlySpan<char> word) => word is
        "not" or "no" or "never" or "nor" or "neither" or "without" or "cannot" or "none" or "nothing" or "nobody"
        or "refuse" or "refuses" or "refused" or "refusing"
        // "n't" typed without its apostrophe, as tweets do.
        or "dont" or "doesnt" or "didnt" or "isnt" or "arent" or "wasnt" or "werent" or "wont" or "cant" or "couldnt"
        or "wouldnt" or "shouldnt" or "havent" or "hasnt" or "hadnt" or "aint";

    /// <summary>The class of a general English stance cue: 1 endorsing (welcome, back, accept, ready, …), 2 rejecting
    /// (reject, oppose, unacceptable, …), 3 hedging (may, perhaps, premature, study, …), 4 insisting (insist, demand,
    /// must, require); 0 for any other word.</summary>
    internal static int StanceCue(ReadOnlySpan<char> word) => word switch
    {
        "welcome" or "welcomed" or "welcomes" or "welcoming" or "support" or "supports" or "supported" or "supporting"
            or "back" or "backs" or "backed" or "backing" or "endorse" or "endorses" or "endorsed" or "endorsing"
            or "accept" or "accepts" or "accepted" or "accepting" or "agree" or "agrees" or "agreed" or "ready" or "willing"
            or "favour" or "favours" or "favoured" or "favor" or "favors" or "favored" or "approve" or "approves" or "approved"
            or "embrace" or "embraces" or "embraced" or "praise" or "praises" or "praised" or "hail" or "hailed"
            or "positive" or "constructive" or "productive" or "useful" or "encouraging" or "promising" or "yes"
            or "committed" or "good" or "great" => 1,
        "reject" or "rejects" or "rejected" or "rejecting" or "oppose" or "opposes" or "opposed" or "opposing" or "against"
            or "deny" or "denies" or "denied" or "dismiss" or "dismisses" or "dismissed" or "condemn" or "condemns" or "condemned"
            or "unacceptable" or "impossible" or "absurd" or "veto" or "vetoed" or "block" or "blocks" or "blocked"
            or "bad" or "dangerous" or "mistake" or "wrong" or "betrayal" or "capitulation" or "surrender" or "ultimatum"
            or "ultimatums" or "trap" or "trick" or "farce" => 2,
        "may" or "might" or "could" or "perhaps" or "possibly" or "maybe" or "possible" or "premature" or "early"
            or "consider" or "considering" or "considered" or "study" or "studying" or "studied" or "analysing" or "analyzing"
            or "examine" or "examining" or "review" or "reviewing" or "depends" or "depend" or "whether" or "wait" or "waiting"
            or "unclear" or "uncertain" => 3,
        "insist" or "insists" or "insisted" or "demand" or "demands" or "demanded" or "must" or "require" or "requires"
            or "required" => 4,
        _ => 0,
    };

    private static bool EndsSentence(char c) => c is '.' or ';' or '!' or '?';

    private static bool EndsClause(char c) => c is '.' or ',' or ';' or ':' or '!' or '?' or '(' or ')' or '[' or ']';

    /// <summary>The slot of a word n-gram tagged with a context (the issue, for stance).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int TaggedSlot(ulong wordGram, ulong context) => Slot(wordGram ^ context ^ TagSeed);

    /// <summary>A stable 64-bit hash of a context name (FNV-1a, then mixed).</summary>
    public static ulong ContextHash(string context)
    {
        var hash = FnvOffset;
        foreach (var c in context)
            hash = (hash ^ c) * FnvPrime;
        return Mix(hash ^ 0xA0761D6478BD642Ful);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static int Slot(ulong key) => (int)(Mix(key) & Mask);

    // SplitMix64 finalizer: every input bit moves every output bit.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ul;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBul;
        return z ^ (z >> 31);
    }

    private static bool IsJoiner(char c) => c is '\'' or '\u2019' or '\u02BC' or '.';

    /// <summary>What the featurization is, for the model card.</summary>
    public const string Description = "hashed word 1-2-grams + negation- and contrast-scoped words + stance-cue classes + issue seed-term classes + char 5-grams (2^20 slots, term frequency, L2); context one-hot; context-tagged word 1-2-grams (L2)";
}

/// <summary>Per-thread working memory of <see cref="NGramHashing"/>: reused from text to text, never shared.</summary>
/// <remarks>A text's slots are counted in a small open-addressing table (a few KB, so it stays in the L1 cache)
/// rather than in a table of all 2^20 slots; only the entries used are cleared between texts.</remarks>
internal sealed class NGramScratch
{
    private int[] _keys = new int[1024];   // slot + 1; 0 = empty
    private int[] _counts = new int[1024];
    private int[] _touched = new int[512]; // positions in _keys, in first-seen order
    private int _mask = 1023;

    /// <summary>How many distinct slots the current text (or tag set) has.</summary>
    public int TouchedCount { get; private set; }

    public ulong[] WordGrams = new ulong[128];

    /// <summary>The lower-cased letters of the word being hashed (long enough for any negation cue).</summary>
    public readonly char[] WordLetters = new char[12];
    public int WordGramCount;

    // The text's features over a vocabulary: columns and values (unsorted unless sorted by the caller).
    public int[] Columns = new int[512];
    public float[] Values = new float[512];
    public int Count;

    // A context-tagged copy of the word n-grams.
    public int[] TagColumns = new int[128];
    public float[] TagValues = new float[128];
    public int TagCount;

    /// <summary>The keys of the text's words, in order (<see cref="WordCount"/> of them).</summary>
    public ulong[] Words = new ulong[64];
    public int WordCount;

    public void BeginText()
    {
        Reset();
        WordGramCount = 0;
        WordCount = 0;
    }

    public void AddWord(ulong word)
    {
        if (WordCount == Words.Length)
            Array.Resize(ref Words, Words.Length * 2);
        Words[WordCount++] = word;
    }

    /// <summary>The i-th distinct slot and its count.</summary>
    public int SlotAt(int i) => _keys[_touched[i]] - 1;

    public int CountAt(int i) => _counts[_touched[i]];

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(int slot)
    {
        var key = slot + 1;
        var at = slot & _mask;
        while (true)
        {
            var k = _keys[at];
            if (k == key)
            {
                _counts[at]++;
                return;
            }
            if (k == 0)
                break;
            at = (at + 1) & _mask;
        }
        _keys[at] = key;
        _counts[at] = 1;
        if (TouchedCount == _touched.Length)
            Array.Resize(ref _touched, _touched.Length * 2);
        _touched[TouchedCount++] = at;
        if (TouchedCount * 2 > _keys.Length)
            Grow();
    }

    public void AddWordGram(ulong gram)
    {
        if (WordGramCount == WordGrams.Length)
            Array.Resize(ref WordGrams, WordGrams.Length * 2);
        WordGrams[WordGramCount++] = gram;
        Add(NGramHashing.Slot(gram));
    }

    /// <summary>The L2 norm of the counts.</summary>
    public float Norm()
    {
        double sum = 0;
        for (var i = 0; i < TouchedCount; i++)
        {
            double c = _counts[_touched[i]];
            sum += c * c;
        }
        return (float)Math.Sqrt(sum);
    }

    /// <summary>Forgets the counted slots (the word n-gram hashes stay, for tagging).</summary>
    public void Reset()
    {
        for (var i = 0; i < TouchedCount; i++)
            _keys[_touched[i]] = 0;
        TouchedCount = 0;
    }

    private void Grow()
    {
        var slots = new (int Slot, int Count)[TouchedCount];
        for (var i = 0; i < TouchedCount; i++)
            slots[i] = (SlotAt(i), CountAt(i));
        _keys = new int[_keys.Length * 2];
        _counts = new int[_keys.Length];
        _mask = _keys.Length - 1;
        TouchedCount = 0;
        foreach (var (slot, count) in slots)
        {
            Add(slot);
            _counts[_touched[TouchedCount - 1]] = count;
        }
    }

    public void EnsureCapacity(int n)
    {
        if (Columns.Length < n)
        {
            Columns = new int[n * 2];
            Values = new float[n * 2];
        }
    }

    public void EnsureTagCapacity(int n)
    {
        if (TagColumns.Length < n)
        {
            TagColumns = new int[n * 2];
            TagValues = new float[n * 2];
        }
    }
}

/// <summary>Scratches kept for reuse by one classifier, so a call does not re-allocate its buffers.</summary>
internal sealed class ScratchPool
{
    private readonly System.Collections.Concurrent.ConcurrentBag<NGramScratch> _free = [];

    public NGramScratch Rent() => _free.TryTake(out var s) ? s : new NGramScratch();

    public void Return(NGramScratch s) => _free.Add(s);
}
