using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Parley.Actors;
using Parley.Classification.Embeddings;
using Parley.Classification.Features;
using Parley.Classification.Models;
using Parley.Classification.Tables;
using Parley.Serialization;
using Parley.Statements;

namespace Parley.Classification.Statements;

/// <summary>
/// Tags statements with the issue they are about, the stance toward each issue they touch, and — when the speaker
/// is unresolved — the party they most likely speak for.
/// </summary>
/// <remarks>
/// <para>Three heads share one featurizer (hashed word and character n-grams over one vocabulary, and MiniLM
/// embeddings): issue (text → issue), stance (text + issue → support/oppose/neutral, so a statement touching two
/// issues gets a stance toward each) and party (text → party, trained on rows whose party is known). Each statement
/// is featurized once; maximum-entropy heads are scored by hand, LightGBM heads through ML.NET.</para>
/// <para>Party: a statement whose party is already known, or whose speaker or speaker mention the gazetteer
/// resolves, keeps the gazetteer's party (<c>PartySource</c> "gazetteer"); when the party head is confident of
/// another party the disagreement is flagged ("gazetteer+model-disagrees"), not hidden. Otherwise the head fills
/// the party ("model").</para>
/// <para>A model is bound to the taxonomy it was trained on (its fingerprint is in the <see cref="Card"/>).</para>
/// </remarks>
/// <example>
/// <code>
/// using var classifier = await StatementClassifier.LoadOrTrainDefaultAsync();
/// var classified = classifier.Classify(statements);
/// </code>
/// </example>
public sealed class StatementClassifier : IDisposable
{
    /// <summary>Bumped whenever features or training change, so cached default models are retrained.</summary>
    internal const string CodeVersion = "statements-8";

    private const string LabelsResource = "Parley.data.labels.statements.csv";
    private const string CardEntry = "card.json";

    private readonly TextClassifier _issue;
    private readonly TextClassifier _stance;
    private readonly TextClassifier _party;
    private readonly SentenceEmbedder _embedder;
    private readonly ClassifierOptions _options;
    private SharedTextScorer? _sharedText;
    private Dictionary<string, int[]>? _stanceConditions;

    private StatementClassifier(TextClassifier issue, TextClassifier stance, TextClassifier party, SentenceEmbedder embedder, ModelCard card, ClassifierOptions options)
    {
        _issue = issue;
        _stance = stance;
        _party = party;
        _embedder = embedder;
        Card = card;
        _options = options;
    }

    /// <summary>What the model is: taxonomy fingerprint, training data hash, each head's cross-validated figures.</summary>
    public ModelCard Card { get; }

    /// <summary>Loads the default model from the cache, or trains it from the labels (embedded, or
    /// <see cref="ClassifierOptions.LabelsPath"/>) and caches it, keyed by the labels' hash, the taxonomy, the trainer, the feature set
    /// (<see cref="ClassifierOptions.Features"/>) and the code version.</summary>
    public static async Task<StatementClassifier> LoadOrTrainDefaultAsync(ClassifierOptions? options = null, CancellationToken ct = default)
    {
        options ??= new ClassifierOptions();
        var bytes = await ReadLabelsAsync(options, ct);
        var key = Convert.ToHexStringLower(SHA256.HashData(
            [.. bytes, .. Encoding.UTF8.GetBytes($"\u0000{options.Taxonomy.Fingerprint()}\u0000{CodeVersion}\u0000{options.Trainer}\u0000{ModelCard.CurrentFormat}{FeatureKey(options)}")]))[..16];
        var prefix = options.Features == FeatureSet.TextOnly ? "statements-text" : "statements";
        var path = Path.Combine(ParleyCache.Root(options.CacheDirectory), "models", $"{prefix}-{key}.zip");
        if (options.PersistCache && File.Exists(path))
        {
            try
            {
                return Load(path, options);
            }
            catch (Exception ex) when (ex is ModelMismatchException or InvalidDataException or IOException)
            {
                options.Progress?.Invoke($"cached model {path} is unusable ({ex.Message}); retraining");
            }
        }
        var rows = ParseLabels(Encoding.UTF8.GetString(bytes), options.LabelsPath ?? "data/labels/statements.csv");
        var classifier = await Task.Run(() => Train(rows, options, ct), ct);
        if (options.PersistCache)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var temp = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
            classifier.Save(temp);
            File.Move(temp, path, overwrite: true);
        }
        return classifier;
    }

    /// <summary>Loads a statement model saved by <see cref="Save"/>.</summary>
    /// <exception cref="ModelMismatchException">Not a statement model, or trained on another taxonomy.</exception>
    public static StatementClassifier Load(string modelZip) => Load(modelZip, new ClassifierOptions());

    /// <summary>Loads a statement model and checks it against <see cref="ClassifierOptions.Taxonomy"/>.</summary>
    /// <exception cref="ModelMismatchException">Not a statement model, or trained on another taxonomy.</exception>
    public static StatementClassifier Load(string modelZip, ClassifierOptions options)
    {
        if (!File.Exists(modelZip))
            throw new DataFileException($"{modelZip}: model file not found.");
        using var stream = File.OpenRead(modelZip);
        ZipArchive zip;
        try
        {
            zip = new ZipArchive(stream, ZipArchiveMode.Read);
        }
        catch (InvalidDataException)
        {
            throw new ModelMismatchException($"{modelZip}: not a model zip.");
        }
        using (zip)
        {
            var cardEntry = zip.GetEntry(CardEntry) ?? throw new ModelMismatchException($"{modelZip}: not a Parley model (no {CardEntry}).");
            ModelCard card;
            using (var s = cardEntry.Open())
                card = JsonSerializer.Deserialize<ModelCard>(s, ParleyJson.Options) ?? throw new ModelMismatchException($"{modelZip}: the model card is empty.");
            if (card.Kind != "statements")
                throw new ModelMismatchException($"{modelZip}: a '{card.Kind}' model, not a statement model (train one with the statement labels, or use `parley predict` for generic models).");
            var fingerprint = options.Taxonomy.Fingerprint();
            if (card.TaxonomyFingerprint != fingerprint)
                throw new ModelMismatchException(
                    $"{modelZip}: trained on taxonomy '{card.TaxonomyName}' (fingerprint {card.TaxonomyFingerprint}), but the taxonomy in use is '{options.Taxonomy.Name}' ({fingerprint}); retrain the model on labels for this taxonomy.");
            if (card.FormatVersion != ModelCard.CurrentFormat)
                throw new ModelMismatchException($"{modelZip}: model format {card.FormatVersion}, this version reads {ModelCard.CurrentFormat}; retrain it.");
            var embedder = CreateEmbedder(options, card.UseEmbeddings);
            try
            {
                TextClassifier Head(string name, Vocabulary? shared)
                {
                    var entry = zip.GetEntry($"{name}.zip") ?? throw new ModelMismatchException($"{modelZip}: the {name} head is missing.");
                    using var buffer = new MemoryStream();
                    using (var s = entry.Open())
                        s.CopyTo(buffer);
                    buffer.Position = 0;
                    return TextClassifier.Load(buffer, $"{modelZip}!{name}.zip", embedder, ownsEmbedder: false, shared);
                }
                // The heads were trained on one shared text vocabulary: loaded once, so each statement is featurized once.
                var issue = Head("issue", null);
                return new StatementClassifier(issue, Head("stance", issue.Layout.Text), Head("party", issue.Layout.Text), embedder, card, options);
            }
            catch
            {
                embedder.Dispose();
                throw;
            }
        }
    }

    /// <summary>Trains the three heads on labelled statements.</summary>
    /// <exception cref="TrainingDataException">The labels use an issue or stance the taxonomy does not have, or a head
    /// cannot be trained (too few rows, a label with one example).</exception>
    public static StatementClassifier Train(IReadOnlyList<LabeledStatement> rows, ClassifierOptions? options = null, CancellationToken ct = default)
    {
        options ??= new ClassifierOptions();
        CheckTaxonomy(rows, options.Taxonomy);
        var embedder = CreateEmbedder(options, options.Features == FeatureSet.TextAndEmbeddings);
        try
        {
            // One vocabulary for the three heads: a statement is featurized once, whichever heads score it.
            var vocabulary = Vocabulary.OfTexts(rows.Select(r => r.Text), IssueTerms.Of(options.Taxonomy));
            // Embeddings first (ONNX Runtime uses every core), then the three heads side by side: each learner is
            // single-threaded and deterministic, and the heads share nothing but the read-only vocabulary and cache.
            if (options.Features == FeatureSet.TextAndEmbeddings)
                embedder.Embed(rows.Select(r => r.Text).ToArray(), ct);
            var heads = new TextClassifier?[3];
            try
            {
                Parallel.Invoke(
                    new ParallelOptions { CancellationToken = ct },
                    () => heads[0] = TextClassifier.Train(
                        rows.Select(r => new LabeledText(r.Text, r.Issue, r.ArticleId)).ToArray(), options.Head("issue"), embedder, false, ct, vocabulary),
                    () => heads[1] = TextClassifier.Train(
                        rows.Select(r => new LabeledText(r.Text, r.Stance, r.ArticleId,
                            options.StanceBySpeakerParty ? FeatureLayout.Qualify(r.Issue, r.Party) : r.Issue)).ToArray(), options.Head("stance"), embedder, false, ct, vocabulary),
                    () => heads[2] = TextClassifier.Train(
                        rows.Where(r => IsKnownParty(r.Party)).Select(r => new LabeledText(r.Text, r.Party, r.ArticleId)).ToArray(), options.Head("party"), embedder, false, ct, vocabulary));
            }
            catch (AggregateException error)
            {
                // The caller sees the head's own exception (a TrainingDataException names the problem), not a wrapper.
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(error.InnerExceptions[0]).Throw();
            }
            var (issue, stance, party) = (heads[0]!, heads[1]!, heads[2]!);
            var card = new ModelCard
            {
                Kind = "statements",
                Name = "statements",
                Trained = options.Time.GetUtcNow(),
                Trainer = issue.Card.Trainer,
                Labels = options.Taxonomy.Issues.Select(i => i.Id).ToArray(),
                TrainingRows = rows.Count,
                TrainingDataHash = TextClassifier.Hash(rows.Select(r => new LabeledText(r.Text, $"{r.Issue}|{r.Stance}|{r.Party}|{r.Speaker}", r.ArticleId))),
                TaxonomyFingerprint = options.Taxonomy.Fingerprint(),
                TaxonomyName = options.Taxonomy.Name,
                UseEmbeddings = options.Features == FeatureSet.TextAndEmbeddings,
                Folds = issue.Card.Folds,
                Grouped = issue.Card.Grouped,
                Packages = ModelCard.CurrentPackages(),
                Parts = new SortedDictionary<string, ModelCard>(StringComparer.Ordinal)
                {
                    ["issue"] = issue.Card,
                    ["stance"] = stance.Card,
                    ["party"] = party.Card,
                },
            };
            return new StatementClassifier(issue, stance, party, embedder, card, options);
        }
        catch
        {
            embedder.Dispose();
            throw;
        }
    }

    /// <summary>Classifies one statement.</summary>
    public Statement Classify(Statement s) => Classify([s])[0];

    /// <summary>Classifies a batch (faster than one at a time: embeddings and models run once for all), in order.</summary>
    /// <remarks>Fills Issue, Stance, StanceScore, Stances, PartySource, and Party when it is Unknown; when
    /// Speaker is null and the SpeakerMention resolves, also Speaker and ActorId.</remarks>
    public IReadOnlyList<Statement> Classify(IReadOnlyList<Statement> batch) => Classify(batch, throughMlNet: false);

    /// <summary>Classifies a batch; <paramref name="throughMlNet"/> forces ML.NET's own scoring of every head (the
    /// path of LightGBM heads, and the reference the hand-written scorer is tested against).</summary>
    internal IReadOnlyList<Statement> Classify(IReadOnlyList<Statement> batch, bool throughMlNet)
    {
        if (batch.Count == 0)
            return [];
        var texts = batch.Select(s => s.Text ?? "").ToArray();
        var embeddings = _issue.Embed(texts, CancellationToken.None);
        if (!throughMlNet && _issue.Scorer is { } issueScorer && _stance.Scorer is { } stanceScorer && _party.Scorer is { } partyScorer
            && _stance.Layout.Text == _issue.Layout.Text && _party.Layout.Text == _issue.Layout.Text)
            return ClassifyLinear(batch, texts, embeddings, issueScorer, stanceScorer, partyScorer);
        var issues = throughMlNet ? _issue.PredictWithMlNet(texts, null, embeddings) : _issue.Predict(texts, null, embeddings);
        var parties = throughMlNet ? _party.PredictWithMlNet(texts, null, embeddings) : _party.Predict(texts, null, embeddings);
        var withParty = batch.Select((s, i) => WithParty(s, parties[i].Label, parties[i].Score)).ToArray();

        // Every (statement, issue) pair above the threshold gets a stance.
        var pairs = new List<(int Row, string Issue, double IssueScore)>();
        for (var i = 0; i < batch.Count; i++)
        {
            var ranked = issues[i].Probabilities.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).ToArray();
            for (var k = 0; k < ranked.Length && k < _options.MaxIssues; k++)
                if (k == 0 || ranked[k].Value >= _options.SecondaryIssueThreshold)
                    pairs.Add((i, ranked[k].Key, ranked[k].Value));
        }
        var pairTexts = pairs.Select(p => texts[p.Row]).ToArray();
        var pairIssues = pairs.Select(p => (string?)StanceContext(p.Issue, withParty[p.Row].Party)).ToArray();
        var pairEmbeddings = embeddings is null ? null : pairs.Select(p => embeddings[p.Row]).ToArray();
        var stances = throughMlNet
            ? _stance.PredictWithMlNet(pairTexts, pairIssues, pairEmbeddings)
            : _stance.Predict(pairTexts, pairIssues, pairEmbeddings);

        var result = new Statement[batch.Count];
        var byRow = pairs.Select((p, n) => (p, n)).ToLookup(x => x.p.Row);
        for (var i = 0; i < batch.Count; i++)
        {
            var list = byRow[i].Select(x => new IssueStance(x.p.Issue, stances[x.n].Label, Round(stances[x.n].Score), Round(x.p.IssueScore))).ToArray();
            var main = list[0];
            result[i] = withParty[i] with
            {
                Issue = main.Issue,
                Stance = main.Stance,
                StanceScore = main.Score,
                Stances = list,
            };
        }
        return result;
    }

    // All three heads are linear over one shared text vocabulary: each statement is featurized once and scored by
    // hand (no ML.NET data view), in parallel chunks, with one scratch per chunk and no allocation per n-gram.
    private Statement[] ClassifyLinear(IReadOnlyList<Statement> batch, string[] texts, float[][]? embeddings,
        LinearScorer issueScorer, LinearScorer stanceScorer, LinearScorer partyScorer)
    {
        var issueLabels = _issue.Labels;
        var stanceLabels = _stance.Labels;
        var partyLabels = _party.Labels;
        var stanceContext = issueLabels.Select(_stance.Layout.ContextIndex).ToArray();
        var stanceCondition = _stanceConditions ??= StanceConditions(issueLabels);
        var (issueT, stanceT, partyT) = (_issue.Card.Temperature, _stance.Card.Temperature, _party.Card.Temperature);
        var maxIssues = Math.Max(1, _options.MaxIssues);
        var threshold = _options.SecondaryIssueThreshold;
        var shared = _sharedText ??= new SharedTextScorer(_issue.Layout.Text.Count, [issueScorer, partyScorer, stanceScorer]);
        var (ki, kp, ks) = (issueScorer.Classes, partyScorer.Classes, stanceScorer.Classes);
        var result = new Statement[batch.Count];
        Pipeline.ForChunks(batch.Count, (start, count) =>
        {
            var s = _issue.Scratches.Rent();
            var text = new float[shared.Width];
            var logits = new float[ks];
            var pIssue = new float[ki];
            var pStance = new float[ks];
            var pParty = new float[kp];
            var top = new int[maxIssues];
            for (var i = start; i < start + count; i++)
            {
                var embedding = embeddings?[i];
                FeatureLayout.FeaturizeText(_issue.Layout.Text, texts[i], s);
                shared.TextLogits(s, text);
                var issueLogits = text.AsSpan(0, ki);
                issueScorer.AddAllButText(_issue.Layout, s, -1, -1, embedding, issueLogits);
                LinearScorer.Probabilities(issueLogits, issueT, pIssue);
                var partyLogits = text.AsSpan(ki, kp);
                partyScorer.AddAllButText(_party.Layout, s, -1, -1, embedding, partyLogits);
                LinearScorer.Probabilities(partyLogits, partyT, pParty);
                var party = ArgMax(pParty);
                var statement = WithParty(batch[i], partyLabels[party], pParty[party]);
                var conditions = statement.Party is { } side && stanceCondition.TryGetValue(side, out var byIssue) ? byIssue : null;
                var n = TopIssues(pIssue, issueLabels, threshold, top);
                var list = new IssueStance[n];
                for (var k = 0; k < n; k++)
                {
                    var c = top[k];
                    var context = stanceContext[c];
                    _stance.Layout.FeaturizeTags(context, s);
                    text.AsSpan(ki + kp, ks).CopyTo(logits);
                    stanceScorer.AddAllButText(_stance.Layout, s, context, conditions?[c] ?? -1, embedding, logits);
                    LinearScorer.Probabilities(logits, stanceT, pStance);
                    var best = ArgMax(pStance);
                    list[k] = new IssueStance(issueLabels[c], stanceLabels[best], Round(pStance[best]), Round(pIssue[c]));
                }
                result[i] = statement with
                {
                    Issue = list[0].Issue,
                    Stance = list[0].Stance,
                    StanceScore = list[0].Score,
                    Stances = list,
                };
            }
            _issue.Scratches.Return(s);
        });
        return result;
    }

    // Per party, the stance head's condition column of each issue (-1 when that pair was not seen in training): looked up
    // once per model, not per statement.
    private Dictionary<string, int[]> StanceConditions(IReadOnlyList<string> issueLabels)
    {
        var parties = _options.Taxonomy.Parties.Select(p => p.Id).Concat(_party.Labels).Append(Taxonomy.UnknownParty).Distinct(StringComparer.Ordinal);
        return parties.ToDictionary(p => p, p => issueLabels.Select(i => _stance.Layout.ConditionIndex(FeatureLayout.Qualify(i, p))).ToArray(), StringComparer.Ordinal);
    }

    private static string StanceContext(string issue, string? party) => FeatureLayout.Qualify(issue, party ?? Taxonomy.UnknownParty);

    // The most probable issues, most probable first (ties by id, ordinal), the first always and the others when at
    // least as probable as the threshold: the same choice as ordering all issues, without sorting them.
    private static int TopIssues(float[] p, IReadOnlyList<string> labels, double threshold, int[] top)
    {
        var n = 0;
        for (var c = 0; c < p.Length; c++)
        {
            var at = n;
            while (at > 0 && Before(c, top[at - 1]))
                at--;
            if (at >= top.Length)
                continue;
            for (var m = Math.Min(n, top.Length - 1); m > at; m--)
                top[m] = top[m - 1];
            top[at] = c;
            n = Math.Min(n + 1, top.Length);
        }
        var kept = 1;
        while (kept < n && p[top[kept]] >= threshold)
            kept++;
        return kept;

        bool Before(int a, int b) => p[a] > p[b] || (p[a] == p[b] && string.CompareOrdinal(labels[a], labels[b]) < 0);
    }

    private static int ArgMax(float[] p)
    {
        var best = 0;
        for (var k = 1; k < p.Length; k++)
            if (p[k] > p[best])
                best = k;
        return best;
    }

    private Statement WithParty(Statement s, string modelParty, double modelScore)
    {
        var statement = s;
        string? gazetteerParty = IsKnownParty(s.Party) ? s.Party : null;
        if (gazetteerParty is null)
        {
            var mention = !string.IsNullOrWhiteSpace(s.Speaker) ? s.Speaker : s.SpeakerMention;
            if (!string.IsNullOrWhiteSpace(mention) && Resolve(mention, s.Date) is { } match)
            {
                if (IsKnownParty(match.Party))
                    gazetteerParty = match.Party;
                if (s.Speaker is null)
                    statement = statement with { Speaker = match.Name, ActorId = match.ActorId };
            }
        }
        if (gazetteerParty is not null)
        {
            var disagrees = modelParty != gazetteerParty && modelScore >= _options.DisagreementThreshold;
            return statement with { Party = gazetteerParty, PartySource = disagrees ? "gazetteer+model-disagrees" : "gazetteer" };
        }
        return statement with { Party = modelParty, PartySource = "model" };
    }

    /// <summary>The stance toward a given issue for each text, said by a speaker of the given party (the stance head
    /// alone; for evaluation).</summary>
    internal IReadOnlyList<TextPrediction> PredictStance(IReadOnlyList<string> texts, IReadOnlyList<string> issues, IReadOnlyList<string?> parties) =>
        _stance.Predict(texts, issues.Select((issue, i) => (string?)StanceContext(issue, parties[i])).ToArray(), _stance.Embed(texts, CancellationToken.None));

    /// <summary>The party head alone (for evaluation).</summary>
    internal IReadOnlyList<TextPrediction> PredictParty(IReadOnlyList<string> texts) => _party.Predict(texts);

    private SpeakerMatch? Resolve(string mention, DateOnly? date) =>
        (_options.ResolveSpeaker ?? (_options.Gazetteer is { } g ? ResolveWith(g) : DefaultSpeakerResolver))(mention, date);

    /// <summary>Resolves mentions through the embedded gazetteer.</summary>
    internal static Func<string, DateOnly?, SpeakerMatch?> DefaultSpeakerResolver { get; } = ResolveWith(Gazetteer.Default);

    internal static Func<string, DateOnly?, SpeakerMatch?> ResolveWith(Gazetteer gazetteer) => (mention, date) =>
        gazetteer.Resolve(mention, date) is { } match ? new SpeakerMatch(match.ActorId, match.Name, match.Party) : null;

    /// <summary>Saves the model as one zip: the three heads and <c>card.json</c>.</summary>
    public void Save(string path)
    {
        using var stream = File.Create(path);
        using var zip = new ZipArchive(stream, ZipArchiveMode.Create);
        foreach (var (name, head) in new[] { ("issue", _issue), ("stance", _stance), ("party", _party) })
        {
            using var entry = zip.CreateEntry($"{name}.zip", CompressionLevel.NoCompression).Open();
            head.Save(entry);
        }
        using (var entry = zip.CreateEntry(CardEntry, CompressionLevel.Optimal).Open())
            JsonSerializer.Serialize(entry, Card, ParleyJson.Indented);
    }

    /// <summary>Releases the ONNX session.</summary>
    public void Dispose() => _embedder.Dispose();

    /// <summary>Reads labelled statements (<c>id,articleId,date,speaker,party,issue,stance,text</c>) from CSV text.</summary>
    /// <exception cref="DataFileException">A required column is missing or the file is empty.</exception>
    public static IReadOnlyList<LabeledStatement> ParseLabels(string csv, string origin = "labels")
    {
        var table = CsvTable.Parse(csv, origin);
        int text = table.Column("text"), issue = table.Column("issue"), stance = table.Column("stance"),
            party = table.Column("party"), article = table.Column("articleId");
        int? id = TryColumn(table, "id"), date = TryColumn(table, "date"), speaker = TryColumn(table, "speaker");
        return table.Rows.Select((r, n) => new LabeledStatement(
            id is { } i ? r[i] : $"row-{n + 1}",
            r[article],
            date is { } d && DateOnly.TryParse(r[d], CultureInfo.InvariantCulture, out var day) ? day : null,
            speaker is { } sp && !string.IsNullOrWhiteSpace(r[sp]) ? r[sp] : null,
            string.IsNullOrWhiteSpace(r[party]) ? Taxonomy.UnknownParty : r[party].Trim(),
            r[issue].Trim(),
            r[stance].Trim(),
            r[text])).ToArray();
    }

    private static int? TryColumn(CsvTable table, string name)
    {
        try
        {
            return table.Column(name);
        }
        catch (DataFileException)
        {
            return null;
        }
    }

    private static async Task<byte[]> ReadLabelsAsync(ClassifierOptions options, CancellationToken ct)
    {
        if (options.LabelsPath is { } path)
        {
            if (!File.Exists(path))
                throw new DataFileException($"{path}: file not found.");
            return await File.ReadAllBytesAsync(path, ct);
        }
        await using var stream = typeof(StatementClassifier).Assembly.GetManifestResourceStream(LabelsResource)
            ?? throw new InvalidOperationException($"Embedded resource {LabelsResource} is missing from Parley.Classification.");
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer, ct);
        return buffer.ToArray();
    }

    private static void CheckTaxonomy(IReadOnlyList<LabeledStatement> rows, Taxonomy taxonomy)
    {
        var issues = taxonomy.Issues.Select(i => i.Id).ToHashSet(StringComparer.Ordinal);
        var stances = taxonomy.Stances.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        var badIssues = rows.Select(r => r.Issue).Where(i => !issues.Contains(i)).Distinct().ToArray();
        var badStances = rows.Select(r => r.Stance).Where(s => !stances.Contains(s)).Distinct().ToArray();
        if (badIssues.Length > 0)
            throw new TrainingDataException(
                $"The labels use issue(s) {string.Join(", ", badIssues.Select(i => $"'{i}'"))} that taxonomy '{taxonomy.Name}' does not have (it has {string.Join(", ", issues)}).");
        if (badStances.Length > 0)
            throw new TrainingDataException(
                $"The labels use stance(s) {string.Join(", ", badStances.Select(s => $"'{s}'"))} that taxonomy '{taxonomy.Name}' does not have (it has {string.Join(", ", stances)}).");
    }

    // A text-only model never embeds: it gets an empty in-memory cache, so the (possibly large) embedding file on disk
    // is neither created nor read.
    private static SentenceEmbedder CreateEmbedder(ClassifierOptions options, bool embeddings) => embeddings
        ? TextClassifier.CreateEmbedder(options.Head("embeddings"))
        : new SentenceEmbedder(new EmbeddingCache());

    // The default feature set adds nothing to the key, so models cached before the option existed stay valid.
    private static string FeatureKey(ClassifierOptions options) =>
        options.Features == FeatureSet.TextAndEmbeddings
            ? $"\u0000{options.EmbeddingWeight.ToString(CultureInfo.InvariantCulture)}"
            : $"\u0000{options.Features}";

    internal static bool IsKnownParty(string? party) =>
        !string.IsNullOrWhiteSpace(party) && party != Taxonomy.UnknownParty;

    private static double Round(double value) => Math.Round(value, 4);
}
