namespace Parley.Positions;

/// <summary>Why a change between two consecutive positions is a shift.</summary>
public enum ShiftKind
{
    /// <summary>The position changed sign (support turned to opposition or the other way round).</summary>
    SignChange,
    /// <summary>The position moved by more than the threshold without changing sign.</summary>
    Move,
}

/// <summary>A marked change in where a party stands on an issue between two consecutive positions of its series.</summary>
/// <param name="Party">Taxonomy party id.</param>
/// <param name="Issue">Taxonomy issue id.</param>
/// <param name="FromPeriod">Start of the earlier period.</param>
/// <param name="ToPeriod">Start of the later period (the periods in between, if any, had no statements).</param>
/// <param name="Before">The earlier position.</param>
/// <param name="After">The later position.</param>
/// <param name="Delta"><paramref name="After"/> − <paramref name="Before"/>.</param>
/// <param name="Kind">Sign change or move.</param>
/// <param name="BandsSeparate">Whether the two uncertainty bands do not overlap (a shift the data clearly carry).</param>
public sealed record PositionShift(
    string Party,
    string Issue,
    DateOnly FromPeriod,
    DateOnly ToPeriod,
    double Before,
    double After,
    double Delta,
    ShiftKind Kind,
    bool BandsSeparate);
