using Parley.Positions;

namespace Parley.Charts;

/// <summary>Options shared by the <see cref="ParleyCharts"/> charts.</summary>
public sealed record ChartOptions
{
    /// <summary>How positions are computed (period, smoothing, de-duplication, shift threshold, taxonomy).</summary>
    /// <value>Default: weekly positions, see <see cref="PositionOptions"/>.</value>
    public PositionOptions Positions { get; init; } = new();

    /// <summary>How many quotes a timeline point lists in its hover box.</summary>
    /// <value>Default 3.</value>
    public int QuotesPerPoint { get; init; } = 3;

    /// <summary>How many outlets the volume chart shows by name (the rest are summed as "other outlets").</summary>
    /// <value>Default 8.</value>
    public int TopOutlets { get; init; } = 8;

    /// <summary>Figure height in pixels; null lets each chart choose.</summary>
    public int? Height { get; init; }
}
