using Parley.Positions;
using Parley.Testing;

namespace Parley.Tests.Positions;

public class ShiftTests
{
    private static Position P(string party, string issue, int week, double value, double low = -1, double high = 1)
    {
        var start = new DateOnly(2025, 3, 3).AddDays(7 * week);
        return new Position(party, issue, start, start.AddDays(6), value, low, high, 3, 3, [], []);
    }

    [Fact]
    public void Sign_change_is_a_shift_even_when_small()
    {
        var shift = Assert.Single(PositionSeries.Shifts([P("Russia", "nato", 0, -0.1), P("Russia", "nato", 1, 0.1)], threshold: 0.5));

        Assert.Equal(ShiftKind.SignChange, shift.Kind);
        Assert.Equal(0.2, shift.Delta, 12);
        Assert.Equal((new DateOnly(2025, 3, 3), new DateOnly(2025, 3, 10)), (shift.FromPeriod, shift.ToPeriod));
    }

    [Fact]
    public void Move_beyond_the_threshold_is_a_shift_and_a_smaller_one_is_not()
    {
        var shifts = PositionSeries.Shifts(
        [
            P("Ukraine", "ceasefire", 0, 0.9),
            P("Ukraine", "ceasefire", 1, 0.3),   // −0.6: shift
            P("Ukraine", "ceasefire", 2, 0.6),   // +0.3: not
            P("Ukraine", "ceasefire", 3, 0.0),   // −0.6 to zero: a move, not a sign change
        ], threshold: 0.5);

        Assert.Equal([(ShiftKind.Move, -0.6), (ShiftKind.Move, -0.6)], shifts.Select(s => (s.Kind, Math.Round(s.Delta, 12))));
    }

    [Fact]
    public void Consecutive_positions_of_different_series_are_never_compared()
    {
        Assert.Empty(PositionSeries.Shifts([P("Russia", "nato", 0, -1), P("Ukraine", "nato", 1, 1), P("Ukraine", "territory", 2, -1)]));
    }

    [Fact]
    public void Shift_with_separate_bands_is_marked_as_carried_by_the_data()
    {
        var shift = Assert.Single(PositionSeries.Shifts([P("Europe", "sanctions", 0, -0.8, -0.95, -0.6), P("Europe", "sanctions", 1, 0.2, 0.0, 0.4)]));

        Assert.True(shift.BandsSeparate);
    }

    [Fact]
    public void Analysis_reports_shifts_across_weeks_of_statements()
    {
        var monday = new DateOnly(2025, 3, 3);
        var statements = new[]
        {
            Some.Statement(stance: "oppose", articleId: "a1", date: monday, text: "One."),
            Some.Statement(stance: "support", articleId: "a2", date: monday.AddDays(7), text: "Two."),
        };

        var shift = Assert.Single(PositionSeries.Analyze(statements).Shifts);

        Assert.Equal(("Russia", "nato", -1.0, 1.0, ShiftKind.SignChange), (shift.Party, shift.Issue, shift.Before, shift.After, shift.Kind));
    }
}
