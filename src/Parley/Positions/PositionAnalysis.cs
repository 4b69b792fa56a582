namespace Parley.Positions;

/// <summary>Everything <see cref="PositionSeries.Analyze"/> found: positions, shifts, the de-duplicated quotes and what was left out.</summary>
/// <param name="Positions">One per party × issue × period with statements, ordered by party, issue (taxonomy order) and period.</param>
/// <param name="Shifts">Shifts between consecutive positions of each party × issue series.</param>
/// <param name="Quotes">The de-duplicated statements that the positions count, oldest first.</param>
/// <param name="Skipped">Statements left out, by reason ("no issue", "no stance", "unknown stance", "no date", "unknown party", "zero weight").</param>
public sealed record PositionAnalysis(
    IReadOnlyList<Position> Positions,
    IReadOnlyList<PositionShift> Shifts,
    IReadOnlyList<QuoteGroup> Quotes,
    IReadOnlyDictionary<string, int> Skipped);
