namespace Parley.Positions;

/// <summary>The length of the periods a position series is cut into.</summary>
public enum PositionPeriod
{
    /// <summary>One calendar day.</summary>
    Day,
    /// <summary>An ISO 8601 week, Monday to Sunday.</summary>
    Week,
    /// <summary>A calendar month.</summary>
    Month,
    /// <summary>One period from the first to the last statement (a snapshot, as in the party × issue heatmap).</summary>
    All,
}

/// <summary>How <see cref="PositionSeries"/> turns classified statements into positions.</summary>
/// <remarks>The maths is documented in <c>docs/positions.md</c>.</remarks>
public sealed record PositionOptions
{
    /// <summary>The period length.</summary>
    /// <value>Default <see cref="PositionPeriod.Week"/> (ISO weeks starting on Monday).</value>
    public PositionPeriod Period { get; init; } = PositionPeriod.Week;

    /// <summary>Rolling smoothing: each position pools the statements of this many periods, ending with its own.</summary>
    /// <value>Default 1 (no smoothing). A position is only reported for periods that have statements of their own.</value>
    public int SmoothingPeriods { get; init; } = 1;

    /// <summary>Copies of one quote (same normalized text and speaker) within this many days of the first copy count once.</summary>
    /// <value>Default 3 days. 0 merges only copies from the same day; a negative value turns de-duplication off.</value>
    public int DeduplicationWindowDays { get; init; } = 3;

    /// <summary>The confidence level of the uncertainty band.</summary>
    /// <value>Default 0.95.</value>
    public double ConfidenceLevel { get; init; } = 0.95;

    /// <summary>Cells with fewer distinct statements than this get a bootstrap band instead of the t-interval.</summary>
    /// <value>Default 5. A cell of one statement always gets the whole axis, [−1, 1].</value>
    public int SmallCellSize { get; init; } = 5;

    /// <summary>Bootstrap resamples for small cells.</summary>
    /// <value>Default 2000.</value>
    public int BootstrapResamples { get; init; } = 2000;

    /// <summary>Seed of the bootstrap, so the same input always gives the same bands.</summary>
    /// <value>Default 0.</value>
    public int Seed { get; init; }

    /// <summary>A move of the position by more than this between consecutive periods is a shift.</summary>
    /// <value>Default 0.5 (a quarter of the axis). A change of sign is always a shift.</value>
    public double ShiftThreshold { get; init; } = 0.5;

    /// <summary>Whether a statement also counts toward the other issues it touches (<c>Statement.Stances</c>).</summary>
    /// <value>
    /// Default false: each statement counts once, toward its main issue. When true, it also counts toward every other
    /// issue in <c>Stances</c> whose issue probability is at least <see cref="MinIssueScore"/>, weighted by
    /// stance probability × issue probability.
    /// </value>
    public bool CountSecondaryIssues { get; init; }

    /// <summary>The issue probability a secondary issue needs to count (with <see cref="CountSecondaryIssues"/>).</summary>
    /// <value>Default 0.5.</value>
    public double MinIssueScore { get; init; } = 0.5;

    /// <summary>Whether statements whose party is <see cref="Taxonomy.UnknownParty"/> get positions.</summary>
    /// <value>Default false: a position of "Unknown" says nothing about any side.</value>
    public bool IncludeUnknownParty { get; init; }

    /// <summary>The taxonomy that gives stance values and the display order of parties and issues.</summary>
    /// <value>Default <see cref="Taxonomy.Default"/>.</value>
    public Taxonomy Taxonomy { get; init; } = Taxonomy.Default;
}
