using System.Collections.Frozen;

namespace Parley.Statements.Reported;

/// <summary>How a cue word introduces what was said.</summary>
[Flags]
internal enum CueFlags : byte
{
    None = 0,
    /// <summary>Takes an object before the content: "told reporters that", "warned Kyiv that".</summary>
    TakesObject = 1,
    /// <summary>An -ing participle ("adding that"), usable after a comma with the sentence's subject.</summary>
    Participle = 2,
    /// <summary>Needs a particle to be a cue: "ruled out", "called for", "pointed out".</summary>
    NeedsParticle = 4,
    /// <summary>A belief or intention ("believes", "hopes"): a cue only with a clause after it.</summary>
    Belief = 8,
    /// <summary>A manner-of-speaking verb ("continued", "shouted") that is a cue only right after a quotation.</summary>
    QuoteOnly = 16,
    /// <summary>An intention verb ("wants", "plans", "seeks", "hopes"): its content is the infinitive after it
    /// ("wants to meet Putin"; for "want" also "wants Kyiv to sign").</summary>
    Intention = 32,
    /// <summary>A finding verb ("shows", "found") that attributes only when its subject names a source of evidence
    /// ("a poll shows …", "the survey found that …").</summary>
    Evidence = 64,
    /// <summary>A view verb ("sees", "regards") that attributes only as "sees X as Y".</summary>
    ViewAs = 128,
}

/// <summary>A cue word form with what it needs.</summary>
internal readonly record struct CueWord(string Lemma, CueFlags Flags, string[]? Particles);

/// <summary>
/// The verbs and phrases that introduce speech in news ("said", "told", "warned", "ruled out", "according to"),
/// in every inflection. Looked up by word without allocating.
/// </summary>
internal static class CueLexicon
{
    private static readonly string[] Speech =
    [
        "add", "acknowledge", "admit", "affirm", "allege", "announce", "argue", "assert", "assure", "boast",
        "caution", "claim", "complain", "concede", "conclude", "confirm", "contend", "declare", "deny", "describe",
        "dismiss", "emphasize", "emphasise", "explain", "insist", "maintain", "mention", "note", "observe", "predict",
        "pledge", "promise", "propose", "recall", "reiterate", "repeat", "reply", "respond", "reject", "stress",
        "suggest", "urge", "vow", "warn", "accuse", "answer", "ask", "tweet", "agree", "praise", "slam", "blast",
        "criticize", "criticise", "condemn", "denounce", "lament", "joke", "quip", "advise", "inform", "remind",
        "clarify", "counter", "retort", "indicate", "threaten", "demand", "welcome", "write", "tell", "say", "report",
        "signal", "hint", "concur", "charge", "question", "dispute", "rebuff", "underline", "underscore", "highlight",
        "estimate", "forecast", "speculate", "announce", "brand", "label", "decry", "acknowledge", "recount", "testify",
        "reveal", "disclose", "pledge", "vow", "offer", "blame", "cite", "point", "rule", "call", "express", "voice",
        "endorse", "support", "oppose", "refuse", "approve", "favor", "favour", "advocate", "back", "embrace", "defend",
        "attack", "challenge", "tout", "champion", "seek", "wonder", "recommend", "celebrate", "mock", "ridicule",
        "decline", "protest", "applaud", "hail", "apologize", "apologise", "acknowledge", "contradict", "pressure",
        "push", "float", "floated", "lambaste", "chide", "scold", "rebuke", "insinuate", "imply", "swear", "proclaim",
        "acknowledge", "pronounce", "concur", "allege", "suppose", "guess", "bet", "figure", "calculate", "consider",
        "refer",
    ];

    private static readonly string[] QuoteOnly =
    [
        "continue", "surmise", "muse", "shout", "yell", "scream", "chant", "exclaim", "plead", "laugh", "sigh",
        "press", "interject", "interrupt", "quip", "recall", "remember", "reason", "offer", "begin", "conclude",
        "gush", "marvel", "snap", "cry", "whisper", "murmur", "mutter", "deadpan", "shrug", "smile", "grin", "tease",
        "bark", "scoff", "growl", "thunder", "roar", "joke", "quip", "retort", "fume", "rage", "cheer", "boom",
    ];

    private static readonly string[] Beliefs = ["believe", "think", "hope", "fear", "expect", "feel", "doubt", "worry"];

    // Intention verbs and the forms that take an infinitive ("plans to", "sought to"); "hope" and "expect" keep their
    // belief reading with a clause.
    private static readonly (string Lemma, string[] Forms)[] Intentions =
    [
        ("want", ["want", "wants", "wanted"]), ("plan", ["plans", "planned"]), ("intend", ["intend", "intends", "intended"]),
        ("seek", ["seeks", "sought"]), ("hope", ["hope", "hopes", "hoped"]), ("expect", ["expects"]),
        ("aim", ["aims", "aimed"]),
    ];

    private static readonly Dictionary<string, string[]> Particles = new()
    {
        ["point"] = ["out"],
        ["rule"] = ["out"],
        ["call"] = ["for", "on", "it", "the", "them", "him", "her", "a", "an", "this", "that"],
        ["express"] = ["concern", "hope", "doubt", "support", "confidence", "regret", "frustration", "skepticism", "scepticism"],
        ["voice"] = ["concern", "hope", "doubt", "support", "confidence", "frustration", "skepticism", "scepticism"],
        ["offer"] = ["to"],
        ["refer"] = ["to"],
    };

    private static readonly HashSet<string> TakesObject =
    [
        "tell", "warn", "assure", "urge", "inform", "remind", "ask", "accuse", "advise", "blame", "praise", "criticize",
        "criticise", "slam", "blast", "condemn", "denounce", "describe", "brand", "label", "dismiss", "reject",
        "threaten", "welcome", "charge", "question", "dispute", "rebuff", "decry", "cite", "call",
    ];

    private static readonly HashSet<string> DoubleFinal = ["admit", "slam", "quip", "rebuff", "refer"];

    // Forms too often nouns or other words to count as cues on their own.
    private static readonly HashSet<string> Excluded =
    [
        "state", "states", "charge", "charges", "question", "questions", "estimate", "estimates", "stress", "label",
        "labels", "brand", "brands", "signal", "comment", "counter", "hint", "hints", "answer", "answers",
        "demand", "demands", "report", "reports", "write", "writing", "written", "call", "calls",
        "offer", "offers", "offering", "welcome", "welcomes", "welcoming", "forecast", "forecasts", "concern", "promise",
        "promises", "pledge", "pledges", "vow", "vows", "claim", "warning", "warnings", "quip",
        "quips", "blast", "blasts", "dispute", "disputes", "cite", "cites", "voice", "voices", "express", "point", "points",
        "rule", "rules", "ruling", "rebuff", "rebuffs", "repeat", "reply", "respond", "answer", "question", "hope", "hopes",
        "fear", "fears", "doubt", "doubts", "worry", "worries", "feel", "feeling", "expect", "ask", "asking", "post", "tweet",
        "tweets", "remark", "remarks", "threat", "cry", "slam", "slams", "back", "backs", "backing", "support",
        "supports", "attack", "attacks", "challenge", "challenges", "push", "pushes", "pushing", "float", "floats",
        "floating", "bet", "bets", "betting", "figure", "figures", "figured", "figuring", "guess", "guesses", "seek",
        "seeks", "seeking", "consider", "considering", "considers", "defend", "favor", "favour", "protest", "protests",
        "champion", "champions", "celebrate", "celebrating", "swear", "swears", "swearing", "decline", "declines",
        "declining", "mock", "pressure", "pressures", "pressuring", "calculate", "calculates", "calculated", "calculating",
        "suppose", "supposed", "supposes", "supposing", "oppose", "approve", "endorse", "refuse", "embrace", "tout",
        "hail", "hails", "applaud", "wonder", "imply", "advocate", "advocates", "attacked", "attacking", "challenged", "challenging",
    ];

    private static readonly FrozenDictionary<string, CueWord> Forms = Build();

    private static readonly FrozenDictionary<string, CueWord>.AlternateLookup<ReadOnlySpan<char>> Lookup =
        Forms.GetAlternateLookup<ReadOnlySpan<char>>();

    public static bool TryGet(ReadOnlySpan<char> word, out CueWord cue) => Lookup.TryGetValue(word, out cue);

    private static FrozenDictionary<string, CueWord> Build()
    {
        var forms = new Dictionary<string, CueWord>(StringComparer.OrdinalIgnoreCase);
        void Add(string form, string lemma, CueFlags flags)
        {
            if (Excluded.Contains(form)) return;
            Particles.TryGetValue(lemma, out var particles);
            if (particles is not null) flags |= CueFlags.NeedsParticle;
            if (TakesObject.Contains(lemma)) flags |= CueFlags.TakesObject;
            forms.TryAdd(form, new CueWord(lemma, flags, particles));
        }
        foreach (var (lemma, belief) in Speech.Select(l => (l, false)).Concat(Beliefs.Select(l => (l, true))))
        {
            var flags = belief ? CueFlags.Belief : CueFlags.None;
            var (third, past, ing) = Inflect(lemma);
            Add(lemma, lemma, flags);
            Add(third, lemma, flags);
            Add(past, lemma, flags);
            Add(ing, lemma, flags | CueFlags.Participle);
        }
        foreach (var lemma in QuoteOnly)
        {
            var (third, past, _) = Inflect(lemma);
            foreach (var form in new[] { third, past })
                if (!forms.ContainsKey(form)) forms[form] = new CueWord(lemma, CueFlags.QuoteOnly, null);
        }
        forms["began"] = new CueWord("begin", CueFlags.QuoteOnly, null);
        forms["snapped"] = new CueWord("snap", CueFlags.QuoteOnly, null);
        forms["cried"] = new CueWord("cry", CueFlags.QuoteOnly, null);
        // Irregular forms.
        foreach (var (form, lemma, flags) in new[]
        {
            ("said", "say", CueFlags.None), ("told", "tell", CueFlags.None), ("wrote", "write", CueFlags.None),
            ("stated", "state", CueFlags.None),
            ("thought", "think", CueFlags.Belief), ("felt", "feel", CueFlags.Belief),
        })
            forms[form] = new CueWord(lemma, flags | (TakesObject.Contains(lemma) ? CueFlags.TakesObject : 0), null);
        forms.Remove("says");
        forms["says"] = new CueWord("say", CueFlags.None, null);
        forms.Remove("saying");
        forms["saying"] = new CueWord("say", CueFlags.Participle, null);
        forms.Remove("sayed");
        forms.Remove("telled");
        forms.Remove("writed");
        forms.Remove("thinked");
        forms.Remove("feeled");
        forms["according"] = new CueWord("according to", CueFlags.NeedsParticle, ["to"]);
        foreach (var (lemma, list) in Intentions)
            foreach (var form in list)
                forms[form] = new CueWord(lemma, CueFlags.Intention | (Beliefs.Contains(lemma) ? CueFlags.Belief : 0)
                    | (forms.TryGetValue(form, out var known) && known.Lemma == lemma ? known.Flags : 0), null);
        foreach (var (form, lemma) in new[] { ("see", "see"), ("sees", "see"), ("saw", "see"), ("views", "view"), ("viewed", "view"),
                     ("regard", "regard"), ("regards", "regard"), ("regarded", "regard") })
            forms[form] = new CueWord(lemma, CueFlags.ViewAs, null);
        foreach (var form in new[] { "show", "shows", "showed", "find", "finds", "found" })
            forms[form] = new CueWord(form.StartsWith('s') ? "show" : "find", CueFlags.Evidence, null);
        return forms.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }

    private static (string Third, string Past, string Ing) Inflect(string lemma)
    {
        bool doubles = DoubleFinal.Contains(lemma);
        char last = lemma[^1];
        string third = lemma.EndsWith("s") || lemma.EndsWith("sh") || lemma.EndsWith("ch") || lemma.EndsWith("x") || lemma.EndsWith("z")
            ? lemma + "es"
            : last == 'y' && !"aeiou".Contains(lemma[^2]) ? lemma[..^1] + "ies" : lemma + "s";
        string past = last == 'e' ? lemma + "d"
            : last == 'y' && !"aeiou".Contains(lemma[^2]) ? lemma[..^1] + "ied"
            : doubles ? lemma + last + "ed" : lemma + "ed";
        string ing = last == 'e' && !lemma.EndsWith("ee") ? lemma[..^1] + "ing"
            : doubles ? lemma + last + "ing" : lemma + "ing";
        return (third, past, ing);
    }
}
