using System.Collections.Frozen;

namespace Parley.Statements.Reported;

/// <summary>Closed word classes the clause rules look at.</summary>
internal static class Lexicon
{
    /// <summary>Membership test for a word in the text, without allocating a string.</summary>
    public static bool Has(this FrozenSet<string> set, ReadOnlySpan<char> word) =>
        set.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word);

    private static FrozenSet<string> Set(params string[] words) => FrozenSet.Create(StringComparer.OrdinalIgnoreCase, words);

    public static readonly FrozenSet<string> Determiners = Set(
        "the", "a", "an", "this", "that", "these", "those", "his", "her", "their", "its", "our", "my", "your", "some",
        "many", "several", "two", "three", "four", "five", "one", "both", "other", "another", "no", "most", "all",
        "few", "each", "every", "any", "such", "more", "senior", "top");

    // Determiners that make the next word a noun ("the claims", "his warning").
    public static readonly FrozenSet<string> NounMarkers = Set(
        "the", "a", "an", "this", "these", "those", "his", "her", "their", "its", "our", "my", "your", "such", "any",
        "no", "of", "whose", "new", "latest", "recent", "earlier", "first", "public", "written", "verbal", "own", "same",
        "to", "for", "and");

    public static readonly FrozenSet<string> SubjectPronouns = Set("he", "she", "they", "it", "we", "i", "you", "who");

    // Words between a subject and its cue: "Zelensky has also repeatedly said".
    public static readonly FrozenSet<string> Auxiliaries = Set(
        "has", "have", "had", "is", "are", "was", "were", "be", "been", "being", "also", "later", "previously", "repeatedly",
        "again", "then", "earlier", "once", "often", "recently", "would", "will", "could", "may", "might", "should",
        "must", "did", "does", "do", "not", "never", "publicly", "privately", "reportedly", "separately", "further",
        "initially", "first", "quickly", "flatly", "firmly", "bluntly", "openly", "clearly", "explicitly", "directly",
        "sharply", "immediately", "already", "still", "even", "just", "only", "angrily", "calmly", "frequently",
        "subsequently", "reiterated", "yesterday", "today", "tonight", "ultimately", "finally", "similarly", "likewise",
        "specifically", "personally", "formally", "officially", "strongly", "emphatically", "insistently", "now",
        "always", "allegedly", "apparently", "falsely", "wrongly", "correctly", "rightly", "recently", "can", "cannot",
        "can't", "didn't", "doesn't", "won't", "wouldn't", "hasn't", "haven't", "had", "would've", "reportedly",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "on", "last", "week", "night",
        "morning", "afternoon", "evening", "late", "early", "this", "past");

    // Words that end the subject when reading backwards from a cue.
    public static readonly FrozenSet<string> ClauseBoundaries = Set(
        "that", "and", "but", "as", "while", "when", "because", "after", "before", "if", "which", "where", "so", "or",
        "than", "though", "although", "since", "until", "whom", "whether", "unless", "where", "what", "how", "why",
        "nor", "yet", "whereas", "said", "says", "told");

    // Capitalized sentence openers that are not part of a subject: "But Zelensky said …".
    public static readonly FrozenSet<string> SentenceAdverbs = Set(
        "but", "and", "however", "meanwhile", "still", "yet", "so", "now", "instead", "separately", "earlier", "later",
        "also", "then", "indeed", "moreover", "furthermore", "nonetheless", "nevertheless", "otherwise", "thus",
        "besides", "afterwards", "previously", "there", "here", "privately", "publicly", "separately", "again", "in",
        "on", "at", "speaking", "asked", "when", "while", "although", "though", "as", "if", "because", "since", "after",
        "before", "even", "only", "too", "not");

    // Plural or mass nouns that can be a speaker without a determiner: "officials said", "people familiar with …".
    public static readonly FrozenSet<string> BareSpeakers = Set(
        "officials", "sources", "analysts", "experts", "critics", "diplomats", "lawmakers", "residents", "witnesses",
        "observers", "authorities", "investigators", "prosecutors", "police", "people", "aides", "advisers", "advisors",
        "negotiators", "insiders", "supporters", "opponents", "leaders", "ministers", "republicans", "democrats",
        "voters", "polls", "reports", "documents", "records", "data", "statistics", "surveys", "studies", "scientists",
        "economists", "historians", "commentators", "observers", "spokespeople", "protesters", "activists", "campaigners",
        "media", "rescuers", "doctors", "soldiers", "troops", "commanders", "generals", "citizens", "ukrainians",
        "russians", "americans", "europeans", "allies", "partners", "members", "delegates", "participants", "organizers",
        "organisers", "representatives", "spokesmen", "spokeswomen", "senators", "congressmen", "governments", "others");

    // Adverbials that may stand between a cue and its content: "said on Tuesday that", "told reporters in Kyiv:".
    public static readonly FrozenSet<string> CueAdverbials = Set(
        "on", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "in", "a", "an", "the",
        "statement", "interview", "with", "at", "news", "press", "conference", "briefing", "late", "early", "earlier",
        "later", "last", "this", "week", "weekend", "month", "year", "night", "morning", "afternoon", "evening",
        "today", "yesterday", "tonight", "also", "again", "repeatedly", "publicly", "privately", "recently", "then",
        "previously", "on", "during", "televised", "address", "speech", "video", "post", "posted", "social", "telegram",
        "x", "twitter", "facebook", "remarks", "comments", "written", "emailed", "told", "reporters", "journalists",
        "flatly", "firmly", "sharply", "bluntly", "explicitly", "directly", "openly", "clearly");

    // Finite verbs that cannot be inside a speaker mention.
    public static readonly FrozenSet<string> Verbs = Set(
        "is", "was", "were", "are", "has", "have", "had", "will", "would", "can", "could", "should", "may", "might",
        "must", "does", "did", "do", "won't", "wouldn't", "isn't", "wasn't", "aren't", "that", "if", "whether");

    // Verbs that pass their subject to an infinitive cue: "went on to say", "appeared to suggest".
    public static readonly FrozenSet<string> RaisingVerbs = Set(
        "on", "went", "go", "goes", "continued", "continues", "appeared", "appears", "seemed", "seems", "proceeded",
        "hastened", "rushed", "moved", "was", "is", "were", "are", "going", "used");

    // Sources of findings that "show" or "found" attribute to: "a poll shows …", "the survey found that …".
    public static readonly FrozenSet<string> EvidenceNouns = Set(
        "poll", "polls", "polling", "survey", "surveys", "study", "studies", "report", "reports", "data", "records",
        "analysis", "figures", "results", "research", "numbers", "statistics", "census", "audit", "audits", "review",
        "investigation", "inquiry", "assessment", "estimates", "documents", "tally", "count", "findings", "evidence",
        "probe", "footage", "images", "intelligence");

    // Words that open a paragraph with a colon without naming a speaker: "Update: …", "Watch: …".
    public static readonly FrozenSet<string> HeadlineLabels = Set(
        "update", "updated", "watch", "video", "videos", "photo", "photos", "read", "related", "editor", "editor's",
        "editor’s", "note", "breaking", "exclusive", "opinion", "analysis", "live", "listen", "correction",
        "clarification", "see", "more", "also", "background", "context", "source", "sources", "q", "a", "question",
        "answer", "timeline", "factbox", "explainer", "key", "what", "why", "how", "who", "when", "where", "disclaimer",
        "warning", "caption", "credit", "subscribe", "sign", "tags", "topics", "share", "comments", "advertisement",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today", "yesterday", "tomorrow",
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
        "december", "day", "week", "step", "part", "chapter", "episode", "summary", "transcript", "full", "final",
        "main", "top", "latest", "news", "bottom", "the", "this", "here", "there", "first", "second", "third", "next", "last");

    // Irregular or unambiguous finite forms of cue verbs: "… and said", "… but told".
    public static readonly FrozenSet<string> FiniteCueForms = Set(
        "said", "says", "told", "tells", "wrote", "writes", "adds", "thought", "felt", "sought", "saw", "found", "showed");

    // Impression verbs: "Kyiv seemed to soften", "the mood seems grim" (seem with any complement, appear with "to").
    public static readonly FrozenSet<string> SeemVerbs = Set("seem", "seems", "seemed");

    public static readonly FrozenSet<string> AppearVerbs = Set("appear", "appears", "appeared");

    // Words that open a subordinate clause: an impression's content starts after them ("…, where Kyiv is expected to …").
    public static readonly FrozenSet<string> Subordinators = Set(
        "where", "when", "while", "because", "although", "though", "since", "if", "unless", "as", "whereas", "but", "and");

    // Words that open an indirect question: "asked whether …", "asked how …".
    public static readonly FrozenSet<string> QuestionWords = Set(
        "whether", "if", "what", "which", "who", "whom", "whose", "when", "where", "why", "how");

    // Quantifiers that stand alone as a speaker: "Several said …", "Many say …", "Yet another said …".
    public static readonly FrozenSet<string> QuantifierPronouns = Set(
        "several", "many", "some", "most", "few", "both", "all", "others", "another", "each", "one", "two", "three");

    // Sentence openers of an introductory phrase or clause, after which the subject follows a comma.
    public static readonly FrozenSet<string> PhraseOpeners = Set(
        "in", "on", "at", "speaking", "asked", "when", "while", "although", "though", "as", "if", "because", "since",
        "after", "before");

    // Adverbs between a be-form and a passive participle: "was not asked", "were repeatedly told".
    public static readonly FrozenSet<string> PassiveAdverbs = Set(
        "not", "never", "also", "reportedly", "repeatedly", "recently", "once", "previously", "later", "widely",
        "frequently", "often", "first", "then", "publicly", "privately", "formally", "officially", "specifically",
        "explicitly", "directly", "already", "still", "even", "just", "allegedly", "apparently");

    public static readonly FrozenSet<string> BeForms = Set("was", "were", "is", "are", "been", "being", "be");

    public static readonly FrozenSet<string> Weekdays = Set(
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday");
}
