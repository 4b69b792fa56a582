using Microsoft.Extensions.Time.Testing;
using Parley.Classification.Statements;
using Parley.Statements;

namespace Parley.Classification.Tests.Statements;

public sealed class StatementClassifierTests
{
    private static Statement Unclassified(string text, string? speaker = null, string? mention = null, string party = "Unknown") => new()
    {
        Id = "x",
        ArticleId = "article",
        Text = text,
        Speaker = speaker,
        SpeakerMention = mention,
        Party = party,
    };

    [Fact]
    public void Held_out_statements_get_the_right_issue_and_stance()
    {
        using var dir = new TempDirectory();
        using var classifier = StatementClassifier.Train(StatementSet.Generate(seed: 1, perCell: 8), StatementSet.Options(dir.Path), TestContext.Current.CancellationToken);
        var heldOut = StatementSet.Generate(seed: 2, perCell: 4, articlePrefix: "h");

        var classified = classifier.Classify(heldOut.Select(r => Unclassified(r.Text)).ToArray());

        var issueAccuracy = classified.Zip(heldOut).Average(p => p.First.Issue == p.Second.Issue ? 1.0 : 0.0);
        var stanceAccuracy = classified.Zip(heldOut).Average(p => p.First.Stance == p.Second.Stance ? 1.0 : 0.0);
        Assert.True(issueAccuracy >= 0.9, $"issue accuracy {issueAccuracy:0.000}");
        Assert.True(stanceAccuracy >= 0.8, $"stance accuracy {stanceAccuracy:0.000}");
        Assert.All(classified, c =>
        {
            Assert.InRange(c.StanceScore!.Value, 0, 1);
            Assert.Equal(c.Issue, c.Stances![0].Issue);
            Assert.Equal(c.Stance, c.Stances[0].Stance);
        });
    }

    [Fact]
    public void A_mention_the_gazetteer_knows_gives_speaker_and_party()
    {
        using var dir = new TempDirectory();
        using var classifier = StatementClassifier.Train(StatementSet.Generate(seed: 3), StatementSet.Options(dir.Path), TestContext.Current.CancellationToken);

        var result = classifier.Classify(Unclassified("Sanctions must stay in place.", mention: "the Kremlin spokesman"));

        Assert.Equal("Dmitry Peskov", result.Speaker);
        Assert.Equal("dmitry-peskov", result.ActorId);
        Assert.Equal("Russia", result.Party);
        Assert.StartsWith("gazetteer", result.PartySource);
    }

    [Fact]
    public void The_model_fills_the_party_of_an_unresolved_speaker()
    {
        using var dir = new TempDirectory();
        using var classifier = StatementClassifier.Train(StatementSet.Generate(seed: 4), StatementSet.Options(dir.Path), TestContext.Current.CancellationToken);

        var result = classifier.Classify(Unclassified("The Kyiv envoy said Ukraine will never give up on NATO membership.", mention: "a senior official"));

        Assert.Equal("Ukraine", result.Party);
        Assert.Equal("model", result.PartySource);
        Assert.Null(result.Speaker);
    }

    [Fact]
    public void A_known_party_wins_over_the_model_and_the_disagreement_is_flagged()
    {
        using var dir = new TempDirectory();
        using var classifier = StatementClassifier.Train(StatementSet.Generate(seed: 5), StatementSet.Options(dir.Path), TestContext.Current.CancellationToken);

        var agrees = classifier.Classify(Unclassified("The Moscow envoy ruled out NATO membership for Ukraine.", speaker: "Sergei Lavrov", party: "Russia"));
        var disagrees = classifier.Classify(Unclassified("The Moscow envoy ruled out NATO membership for Ukraine.", speaker: "Andrii Sybiha", party: "Ukraine"));

        Assert.Equal(("Russia", "gazetteer"), (agrees.Party, agrees.PartySource));
        Assert.Equal(("Ukraine", "gazetteer+model-disagrees"), (disagrees.Party, disagrees.PartySource));
    }

    [Fact]
    public void A_seed_term_never_seen_in_training_points_to_its_issue()
    {
        // The training statements say "ceasefire", "truce" and "pause", never "armistice"; the taxonomy lists "armistice"
        // among the ceasefire terms, so it fires the class feature those statements taught.
        using var dir = new TempDirectory();
        Taxonomy WithCeasefireTerms(IReadOnlyList<string>? terms) => Taxonomy.Default with
        {
            Issues = Taxonomy.Default.Issues.Select(i => i with { Terms = i.Id == "ceasefire" ? terms : null }).ToArray(),
        };
        var options = StatementSet.Options(dir.Path) with { Features = FeatureSet.TextOnly, PersistCache = false };
        var rows = StatementSet.Generate(seed: 8, perCell: 8);
        using var seeded = StatementClassifier.Train(rows, options with { Taxonomy = WithCeasefireTerms(["ceasefire", "truce", "pause", "armistice"]) },
            TestContext.Current.CancellationToken);
        using var bare = StatementClassifier.Train(rows, options with { Taxonomy = WithCeasefireTerms(null) }, TestContext.Current.CancellationToken);
        var statement = Unclassified("The Kyiv envoy spoke of an armistice.");

        var withTerms = seeded.Classify(statement);
        var without = bare.Classify(statement);

        Assert.Equal("ceasefire", withTerms.Issue);
        var seededScore = withTerms.Stances![0].IssueScore;
        var bareScore = without.Stances!.FirstOrDefault(s => s.Issue == "ceasefire")?.IssueScore ?? 0;
        Assert.True(seededScore > bareScore, $"ceasefire probability with the term {seededScore:0.000}, without it {bareScore:0.000}");
    }

    [Fact]
    public void Saved_and_loaded_statement_model_gives_identical_results()
    {
        using var dir = new TempDirectory();
        var options = StatementSet.Options(dir.Path);
        using var trained = StatementClassifier.Train(StatementSet.Generate(seed: 6), options, TestContext.Current.CancellationToken);
        trained.Save(dir.File("statements.zip"));

        using var loaded = StatementClassifier.Load(dir.File("statements.zip"), options);
        var batch = StatementSet.Generate(seed: 7, perCell: 2).Select(r => Unclassified(r.Text)).ToArray();

        Assert.Equal(trained.Classify(batch), loaded.Classify(batch), (a, b) =>
            a.Issue == b.Issue && a.Stance == b.Stance && a.StanceScore == b.StanceScore && a.Party == b.Party
            && a.Stances!.SequenceEqual(b.Stances!));
        Assert.Equal(trained.Card.TaxonomyFingerprint, loaded.Card.TaxonomyFingerprint);
    }

    [Fact]
    public void A_model_trained_on_another_taxonomy_is_refused()
    {
        using var dir = new TempDirectory();
        using (var trained = StatementClassifier.Train(StatementSet.Generate(seed: 8), StatementSet.Options(dir.Path), TestContext.Current.CancellationToken))
            trained.Save(dir.File("statements.zip"));
        var other = Taxonomy.Default with { Name = "Another negotiation", Issues = [.. Taxonomy.Default.Issues, new TaxonomyIssue("water", "Water", "The dam is rebuilt")] };

        var error = Assert.Throws<ModelMismatchException>(() => StatementClassifier.Load(dir.File("statements.zip"), StatementSet.Options(dir.Path) with { Taxonomy = other }));

        Assert.Contains("Another negotiation", error.Message);
        Assert.Contains("retrain", error.Message);
    }

    [Fact]
    public void A_model_saved_in_the_former_format_is_refused_with_retrain()
    {
        using var dir = new TempDirectory();
        using (var trained = StatementClassifier.Train(StatementSet.Generate(seed: 16), StatementSet.Options(dir.Path), TestContext.Current.CancellationToken))
            trained.Save(dir.File("statements.zip"));
        // Rewrite the card as a format-1 model (ML.NET's own text featurization) would have it.
        using (var zip = System.IO.Compression.ZipFile.Open(dir.File("statements.zip"), System.IO.Compression.ZipArchiveMode.Update))
        {
            var entry = zip.GetEntry("card.json")!;
            string card;
            using (var reader = new StreamReader(entry.Open()))
                card = reader.ReadToEnd();
            entry.Delete();
            using var writer = new StreamWriter(zip.CreateEntry("card.json").Open());
            writer.Write(card.Replace("\"formatVersion\": 2", "\"formatVersion\": 1"));
        }

        var error = Assert.Throws<ModelMismatchException>(() => StatementClassifier.Load(dir.File("statements.zip"), StatementSet.Options(dir.Path)));

        Assert.Contains("format 1", error.Message);
        Assert.Contains("retrain", error.Message);
    }

    [Fact]
    public void A_generic_text_model_is_not_taken_for_a_statement_model()
    {
        using var dir = new TempDirectory();
        using (var text = TextClassifier.Train(TrainingSet.Generate(seed: 9, perClass: 5), TrainingSet.Options(dir.Path) with { Folds = 0 }, TestContext.Current.CancellationToken))
            text.Save(dir.File("text.zip"));

        var error = Assert.Throws<ModelMismatchException>(() => StatementClassifier.Load(dir.File("text.zip"), StatementSet.Options(dir.Path)));

        Assert.Contains("not a statement model", error.Message);
    }

    [Fact]
    public void Labels_with_an_issue_outside_the_taxonomy_are_refused()
    {
        using var dir = new TempDirectory();
        var rows = StatementSet.Generate(seed: 10).Select((r, i) => i == 0 ? r with { Issue = "grain-deal" } : r).ToArray();

        var error = Assert.Throws<TrainingDataException>(() => StatementClassifier.Train(rows, StatementSet.Options(dir.Path), TestContext.Current.CancellationToken));

        Assert.Contains("'grain-deal'", error.Message);
    }

    [Fact]
    public void A_party_with_one_labelled_statement_is_refused_by_name()
    {
        using var dir = new TempDirectory();
        var rows = StatementSet.Generate(seed: 17).Select((r, i) => i == 0 ? r with { Party = "Europe" } : r).ToArray();

        var error = Assert.Throws<TrainingDataException>(() => StatementClassifier.Train(rows, StatementSet.Options(dir.Path), TestContext.Current.CancellationToken));

        Assert.Contains("'Europe'", error.Message);
    }

    [Fact]
    public async Task The_default_model_is_trained_once_then_loaded_from_the_cache()
    {
        using var dir = new TempDirectory();
        var labels = dir.File("labels.csv");
        await File.WriteAllTextAsync(labels, StatementSet.ToCsv(StatementSet.Generate(seed: 11)), TestContext.Current.CancellationToken);
        var first = StatementSet.Options(dir.Path) with { LabelsPath = labels };
        var later = first with { Time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero)) };

        using var trained = await StatementClassifier.LoadOrTrainDefaultAsync(first, TestContext.Current.CancellationToken);
        using var cached = await StatementClassifier.LoadOrTrainDefaultAsync(later, TestContext.Current.CancellationToken);

        Assert.Equal(new DateTimeOffset(2025, 6, 1, 12, 0, 0, TimeSpan.Zero), cached.Card.Trained);
        Assert.Single(Directory.GetFiles(Path.Combine(dir.Path, "models"), "statements-*.zip"));
        Assert.Equal(trained.Card.TrainingDataHash, cached.Card.TrainingDataHash);
    }

    [Fact]
    public async Task A_text_only_model_computes_no_embeddings_and_is_cached_apart_from_the_default()
    {
        using var dir = new TempDirectory();
        var labels = dir.File("labels.csv");
        await File.WriteAllTextAsync(labels, StatementSet.ToCsv(StatementSet.Generate(seed: 12)), TestContext.Current.CancellationToken);
        var textOnly = StatementSet.Options(dir.Path) with { LabelsPath = labels, Features = FeatureSet.TextOnly };

        using var classifier = await StatementClassifier.LoadOrTrainDefaultAsync(textOnly, TestContext.Current.CancellationToken);
        var classified = classifier.Classify(StatementSet.Generate(seed: 13, perCell: 2).Select(r => Unclassified(r.Text)).ToArray());

        Assert.False(classifier.Card.UseEmbeddings);
        Assert.All(classifier.Card.Parts!.Values, part => Assert.False(part.UseEmbeddings));
        Assert.All(classified, c => Assert.NotNull(c.Stance));
        Assert.False(Directory.Exists(Path.Combine(dir.Path, "embeddings")), "a text-only model neither computes nor reads embeddings");
        Assert.Single(Directory.GetFiles(Path.Combine(dir.Path, "models"), "statements-text-*.zip"));
        Assert.DoesNotContain(Directory.GetFiles(Path.Combine(dir.Path, "models"), "statements-*.zip"), f => !Path.GetFileName(f).StartsWith("statements-text-", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(FeatureSet.TextOnly)]
    [InlineData(FeatureSet.TextAndEmbeddings)]
    public void A_large_batch_gives_the_same_labels_and_scores_as_one_statement_at_a_time(FeatureSet features)
    {
        using var dir = new TempDirectory();
        using var classifier = StatementClassifier.Train(StatementSet.Generate(seed: 14), StatementSet.Options(dir.Path) with { Features = features }, TestContext.Current.CancellationToken);
        // Past the size at which a batch is cut into parallel chunks, so chunking is exercised too.
        var distinct = StatementSet.Generate(seed: 15, perCell: 10, articlePrefix: "b").Select(r => Unclassified(r.Text)).ToArray();
        var batch = Enumerable.Range(0, 50).SelectMany(_ => distinct).ToArray();

        var together = classifier.Classify(batch);
        var alone = distinct.Select(classifier.Classify).ToArray();

        for (var i = 0; i < batch.Length; i++)
        {
            var (a, b) = (together[i], alone[i % distinct.Length]);
            Assert.Equal((b.Issue, b.Stance, b.Party, b.PartySource), (a.Issue, a.Stance, a.Party, a.PartySource));
            Assert.Equal(b.StanceScore!.Value, a.StanceScore!.Value, 1e-6);
            Assert.Equal(b.Stances!.Count, a.Stances!.Count);
            for (var k = 0; k < a.Stances.Count; k++)
            {
                Assert.Equal((b.Stances[k].Issue, b.Stances[k].Stance), (a.Stances[k].Issue, a.Stances[k].Stance));
                Assert.Equal(b.Stances[k].Score, a.Stances[k].Score, 1e-6);
            }
        }
    }

    [Fact]
    public void Labels_csv_without_a_required_column_is_refused_by_name()
    {
        var error = Assert.Throws<DataFileException>(() => StatementClassifier.ParseLabels("id,articleId,party,issue,text\n1,a,Russia,nato,Hi.\n", "labels.csv"));
        Assert.Contains("'stance'", error.Message);
    }
}
