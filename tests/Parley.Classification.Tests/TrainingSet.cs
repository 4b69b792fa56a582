using Parley.Classification;

namespace Parley.Classification.Tests;

/// <summary>A small synthetic stance set, generated from a fixed seed: a council debating a harbour bridge.
/// FAVOR and AGAINST sentences share the topic words and differ in the stance words; NONE is about other things.</summary>
internal static class TrainingSet
{
    private static readonly string[] Speakers = ["The mayor", "Our group", "The harbour master", "A resident", "The union", "The council leader"];
    private static readonly string[] Topics = ["the harbour bridge", "the new bridge", "the bridge plan", "the crossing project"];
    private static readonly string[] Favor = ["strongly supports", "welcomes", "is delighted with", "backs", "will vote for", "is enthusiastic about"];
    private static readonly string[] Against = ["firmly rejects", "condemns", "is furious about", "opposes", "will vote against", "wants to scrap"];
    private static readonly string[] FavorTails = ["because it will bring jobs", "and calls it a great step", "as good for the town", "without reservation"];
    private static readonly string[] AgainstTails = ["because it wastes money", "and calls it a disaster", "as bad for the town", "without hesitation"];
    private static readonly string[] Neutral = [
        "The weather on {0} was grey with light rain.",
        "The library opens at nine on {0}.",
        "A football match is scheduled for {0} evening.",
        "The market sold fresh fish and bread on {0}.",
        "Schools close early on {0} for the holiday.",
        "The choir rehearses every {0} in the old hall."];
    private static readonly string[] Days = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

    /// <summary><paramref name="perClass"/> rows of each of FAVOR, AGAINST and NONE, spread over groups of 3 rows.</summary>
    public static IReadOnlyList<LabeledText> Generate(int seed, int perClass = 30, string groupPrefix = "g")
    {
        var random = new Random(seed);
        T Pick<T>(T[] items) => items[random.Next(items.Length)];
        var rows = new List<LabeledText>();
        for (var i = 0; i < perClass; i++)
        {
            rows.Add(new($"{Pick(Speakers)} {Pick(Favor)} {Pick(Topics)} {Pick(FavorTails)}.", "FAVOR"));
            rows.Add(new($"{Pick(Speakers)} {Pick(Against)} {Pick(Topics)} {Pick(AgainstTails)}.", "AGAINST"));
            rows.Add(new(string.Format(Pick(Neutral), Pick(Days)), "NONE"));
        }
        return rows.Select((r, i) => r with { Group = $"{groupPrefix}{i / 3 / 2}" }).ToArray();
    }

    public static TextClassifierOptions Options(string cacheDirectory, TrainerKind trainer = TrainerKind.MaximumEntropy) => new()
    {
        Trainer = trainer,
        Folds = 3,
        CacheDirectory = cacheDirectory,
        Time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2025, 6, 1, 12, 0, 0, TimeSpan.Zero)),
    };
}

/// <summary>A temporary directory removed when the test ends.</summary>
internal sealed class TempDirectory : IDisposable
{
    public TempDirectory() => Directory.CreateDirectory(Path);

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "parley-tests-" + Guid.NewGuid().ToString("N"));

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); } catch (IOException) { }
    }
}
