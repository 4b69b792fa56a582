using Parley.Classification.Features;

namespace Parley.Classification.Tests.Features;

public sealed class NGramHashingTests
{
    private static (int[] Slots, int Total) Hash(string text)
    {
        var scratch = new NGramScratch();
        NGramHashing.Hash(text, scratch);
        var slots = Enumerable.Range(0, scratch.TouchedCount).Select(scratch.SlotAt).Order().ToArray();
        var total = Enumerable.Range(0, scratch.TouchedCount).Sum(scratch.CountAt);
        return (slots, total);
    }

    [Fact]
    public void Three_words_give_five_word_grams_and_sixteen_character_five_grams()
    {
        // " peace talks resume " is 20 characters: 16 five-grams; 3 words + 2 bigrams.
        var (_, total) = Hash("Peace talks resume");
        Assert.Equal(21, total);
    }

    [Fact]
    public void Case_apostrophes_and_periods_inside_words_do_not_change_the_features()
    {
        Assert.Equal(Hash("ukraines us envoy").Slots, Hash("Ukraine's U.S. Envoy").Slots);
        Assert.Equal(Hash("ukraines us envoy").Slots, Hash("UKRAINE\u2019S U.S envoy!").Slots);
    }

    [Fact]
    public void A_long_text_counts_every_n_gram_past_the_scratch_table_first_size()
    {
        // 400 distinct words "w0 … w399": 400 + 399 word grams; the characters are 4 + Σ len(wN) + 400 spaces long.
        var text = string.Join(' ', Enumerable.Range(0, 400).Select(i => $"w{i}"));
        var characters = 1 + text.Length + 1;

        var (_, total) = Hash(text);

        Assert.Equal(400 + 399 + characters - 4, total);
    }

    [Fact]
    public void Hyphens_dashes_and_runs_of_punctuation_separate_words_like_one_space()
    {
        Assert.Equal(Hash("pro russian forces").Slots, Hash("pro-Russian — forces...").Slots);
    }

    [Fact]
    public void Repeated_n_grams_are_counted_and_the_vector_has_unit_length()
    {
        // "no no": word grams no ×2 and "no no"; the characters " no no " give " no n", "no no", "o no ".
        var scratch = new NGramScratch();
        var vocabulary = Vocabulary.OfTexts(["No, no."]);

        FeatureLayout.FeaturizeText(vocabulary, "No, no.", scratch);

        Assert.Equal(5, vocabulary.Count);
        Assert.Equal(5, scratch.Count);
        var values = scratch.Values[..scratch.Count].Order().ToArray();
        var unit = 1 / Math.Sqrt(8);
        Assert.Equal([unit, unit, unit, unit, 2 * unit], values.Select(v => (double)v), new Tolerance(1e-6));
    }

    [Fact]
    public void N_grams_outside_the_vocabulary_are_dropped_but_still_count_in_the_norm()
    {
        var scratch = new NGramScratch();
        var vocabulary = Vocabulary.OfTexts(["ceasefire"]);

        FeatureLayout.FeaturizeText(vocabulary, "ceasefire", scratch);
        var alone = scratch.Values[..scratch.Count].Sum(v => v * v);
        FeatureLayout.FeaturizeText(vocabulary, "ceasefire now", scratch);
        var diluted = scratch.Values[..scratch.Count].Sum(v => v * v);

        Assert.Equal(1, alone, 5);
        Assert.InRange(diluted, 0.01, 0.99);
    }

    [Fact]
    public void Tagged_word_grams_differ_by_context()
    {
        var layout = new FeatureLayout(Vocabulary.OfTexts(["never again"]), ["nato", "sanctions"],
            Vocabulary.OfTags([("never again", "nato"), ("never again", "sanctions")]), embeddings: false, embeddingWeight: 1, contextEmbeddings: false);
        var scratch = new NGramScratch();

        FeatureLayout.FeaturizeText(layout.Text, "never again", scratch);
        layout.FeaturizeTags(layout.ContextIndex("nato"), scratch);
        var nato = scratch.TagColumns[..scratch.TagCount].Order().ToArray();
        layout.FeaturizeTags(layout.ContextIndex("sanctions"), scratch);
        var sanctions = scratch.TagColumns[..scratch.TagCount].Order().ToArray();

        // never, again, "never again" and the negated "again" ("never" opens a negation scope).
        Assert.Equal(4, nato.Length);
        Assert.Equal(4, sanctions.Length);
        Assert.Empty(nato.Intersect(sanctions));
        Assert.Equal(-1, layout.ContextIndex("water"));
    }

    [Fact]
    public void A_qualified_context_keeps_its_issue_features_and_adds_a_condition_only_when_seen_in_training()
    {
        var layout = new FeatureLayout(Vocabulary.OfTexts(["never again"]), ["nato", "sanctions"], null, embeddings: false, embeddingWeight: 1,
            contextEmbeddings: false, conditions: [FeatureLayout.Qualify("nato", "Russia"), FeatureLayout.Qualify("nato", "Ukraine")]);

        Assert.Equal(layout.ContextIndex("nato"), layout.ContextIndex(FeatureLayout.Qualify("nato", "Europe")));
        Assert.Equal(0, layout.ConditionIndex(FeatureLayout.Qualify("nato", "Russia")));
        Assert.Equal(1, layout.ConditionIndex(FeatureLayout.Qualify("nato", "Ukraine")));
        Assert.Equal(-1, layout.ConditionIndex(FeatureLayout.Qualify("nato", "Europe")));
        Assert.Equal(-1, layout.ConditionIndex(FeatureLayout.Qualify("sanctions", "Russia")));
        Assert.Equal(-1, layout.ConditionIndex("nato"));
        // The qualified context gives the same vector plus the (nato, Russia) one-hot.
        var scratch = new NGramScratch();
        var plain = layout.Vector("never again", "nato", null, scratch);
        var qualified = layout.Vector("never again", FeatureLayout.Qualify("nato", "Russia"), null, scratch);
        Assert.Equal(plain.GetValues().Length + 1, qualified.GetValues().Length);
        Assert.Contains(layout.ConditionOffset, qualified.GetIndices().ToArray());
    }

    private sealed class Tolerance(double epsilon) : IEqualityComparer<double>
    {
        public bool Equals(double a, double b) => Math.Abs(a - b) <= epsilon;
        public int GetHashCode(double value) => 0;
    }

    private static ulong[] WordGrams(string text)
    {
        var scratch = new NGramScratch();
        NGramHashing.Hash(text, scratch);
        return scratch.WordGrams[..scratch.WordGramCount];
    }

    [Fact]
    public void Words_after_a_negation_get_a_negated_feature_that_the_plain_sentence_lacks()
    {
        // "we will accept the deal": 5 words + 4 bigrams + the endorsing cue of "accept". With "not": 6 words + 5 bigrams
        // + negated accept, the, deal + the cue + the negated cue.
        Assert.Equal(10, WordGrams("We will accept the deal").Length);
        Assert.Equal(16, WordGrams("We will not accept the deal").Length);
        var negated = WordGrams("We will not accept the deal").Except(WordGrams("We will accept the deal")).ToHashSet();
        Assert.DoesNotContain(WordGrams("accept")[0], negated);
    }

    [Fact]
    public void Different_negation_cues_give_the_same_negated_feature()
    {
        // The last word gram of "<cue> sign" is the negated "sign": the same whichever cue opened the scope.
        var afterNot = WordGrams("not sign")[^1];
        Assert.Equal(afterNot, WordGrams("never sign")[^1]);
        Assert.Equal(afterNot, WordGrams("refuses to sign")[^1]);
        Assert.Equal(afterNot, WordGrams("without sign")[^1]);
        Assert.NotEqual(afterNot, WordGrams("sign")[0]);
    }

    [Fact]
    public void Contractions_in_nt_with_or_without_apostrophe_open_a_negation_scope()
    {
        // kyiv, wont, sign, it + 3 bigrams + negated sign, it.
        Assert.Equal(9, WordGrams("Kyiv won't sign it").Length);
        Assert.Equal(9, WordGrams("Kyiv won\u2019t sign it").Length);
        Assert.Equal(9, WordGrams("Kyiv wont sign it").Length);
        Assert.Equal(7, WordGrams("Kyiv will sign it").Length);
    }

    [Fact]
    public void Rule_out_opens_a_negation_scope_but_rule_alone_does_not()
    {
        // moscow, rules, out, a, truce + 4 bigrams + negated a, truce.
        Assert.Equal(11, WordGrams("Moscow rules out a truce").Length);
        // moscow, rules, over, a, truce + 4 bigrams.
        Assert.Equal(9, WordGrams("Moscow rules over a truce").Length);
    }

    [Fact]
    public void The_negation_scope_ends_at_clause_punctuation_and_at_but()
    {
        // there, is, no, ceasefire, talks, go, on + 6 bigrams + negated ceasefire only.
        Assert.Equal(14, WordGrams("There is no ceasefire, talks go on").Length);
        // not, now, but, later + 3 bigrams + negated now only + contrast later.
        Assert.Equal(9, WordGrams("Not now but later").Length);
        // no, deal; we, sign + 3 bigrams + negated deal only.
        Assert.Equal(8, WordGrams("No deal; we sign").Length);
    }

    [Fact]
    public void Words_after_but_or_however_get_a_contrast_feature_until_the_sentence_ends()
    {
        // we, want, peace, but, not, at, any, price + 7 bigrams + negated at, any, price + contrast not, at, any, price.
        Assert.Equal(22, WordGrams("We want peace, but not at any price").Length);
        // however, we, agree + 2 bigrams + contrast we, agree (a comma does not end the contrast) + the endorsing cue of
        // "agree" and its contrast feature.
        Assert.Equal(9, WordGrams("However, we agree").Length);
        // talks, may, go, on, but, slowly, kyiv, agrees + 7 bigrams + contrast slowly only (the period ends it) + the
        // hedging cue of "may" + the endorsing cue of "agrees" (no contrast feature: the sentence ended).
        Assert.Equal(18, WordGrams("Talks may go on, but slowly. Kyiv agrees").Length);
    }

    [Fact]
    public void A_contrast_feature_differs_from_the_plain_and_the_negated_word()
    {
        var contrast = WordGrams("but sign")[^1];
        Assert.NotEqual(WordGrams("sign")[0], contrast);
        Assert.NotEqual(WordGrams("not sign")[^1], contrast);
    }

    [Fact]
    public void Stance_cues_of_one_class_share_a_feature_that_other_classes_and_plain_words_lack()
    {
        // "welcomed" and "endorses": each its own word + the endorsing cue, which they share.
        Assert.Single(WordGrams("welcomed").Intersect(WordGrams("endorses")));
        Assert.Empty(WordGrams("welcomed").Intersect(WordGrams("rejected")));
        Assert.Empty(WordGrams("rejected").Intersect(WordGrams("perhaps")));
        Assert.Single(WordGrams("discussed"));
        // In a negation scope the cue also gets the negated feature, whichever endorsing word it was.
        Assert.Equal(WordGrams("not welcome")[^1], WordGrams("never endorse")[^1]);
        Assert.NotEqual(WordGrams("not welcome")[^1], WordGrams("not reject")[^1]);
    }
}
