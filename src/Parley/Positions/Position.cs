namespace Parley.Positions;

/// <summary>
/// Where one party stood on one issue in one period: the weighted mean stance with an uncertainty band,
/// traceable to the statements behind it.
/// </summary>
/// <param name="Party">Taxonomy party id.</param>
/// <param name="Issue">Taxonomy issue id.</param>
/// <param name="PeriodStart">First day of the period.</param>
/// <param name="PeriodEnd">Last day of the period (inclusive).</param>
/// <param name="Value">Weighted mean stance, −1 (oppose) to +1 (support).</param>
/// <param name="Low">Lower end of the uncertainty band.</param>
/// <param name="High">Upper end of the uncertainty band.</param>
/// <param name="Count">Number of distinct statements (after de-duplication across outlets).</param>
/// <param name="EffectiveCount">Kish's effective sample size of the weights.</param>
/// <param name="Outlets">The outlets that carried the statements.</param>
/// <param name="StatementIds">The statements behind this point.</param>
public sealed record Position(
    string Party,
    string Issue,
    DateOnly PeriodStart,
    DateOnly PeriodEnd,
    double Value,
    double Low,
    double High,
    int Count,
    double EffectiveCount,
    IReadOnlyList<string> Outlets,
    IReadOnlyList<string> StatementIds);
