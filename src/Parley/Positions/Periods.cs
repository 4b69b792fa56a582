namespace Parley.Positions;

/// <summary>Calendar arithmetic for periods: where a period starts, ends, and which period comes before.</summary>
internal static class Periods
{
    public static DateOnly Start(DateOnly date, PositionPeriod period) => period switch
    {
        PositionPeriod.Day => date,
        PositionPeriod.Week => date.AddDays(-(((int)date.DayOfWeek + 6) % 7)),
        PositionPeriod.Month => new DateOnly(date.Year, date.Month, 1),
        PositionPeriod.All => DateOnly.MinValue,
        _ => throw new ArgumentOutOfRangeException(nameof(period), period, null),
    };

    public static DateOnly End(DateOnly start, PositionPeriod period) => period switch
    {
        PositionPeriod.Day => start,
        PositionPeriod.Week => start.AddDays(6),
        PositionPeriod.Month => start.AddMonths(1).AddDays(-1),
        PositionPeriod.All => DateOnly.MaxValue,
        _ => throw new ArgumentOutOfRangeException(nameof(period), period, null),
    };

    public static DateOnly Previous(DateOnly start, PositionPeriod period) => period switch
    {
        PositionPeriod.Day => start.AddDays(-1),
        PositionPeriod.Week => start.AddDays(-7),
        PositionPeriod.Month => start.AddMonths(-1),
        PositionPeriod.All => start,
        _ => throw new ArgumentOutOfRangeException(nameof(period), period, null),
    };
}
