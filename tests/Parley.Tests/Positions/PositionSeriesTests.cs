using Parley.Positions;
using Parley.Statements;
using Parley.Testing;

namespace Parley.Tests.Positions;

public class PositionSeriesTests
{
    private static readonly DateOnly Monday = new(2025, 3, 3);

    private static Statement S(string stance, double score, int n, string party = "Russia", string issue = "nato",
        DateOnly? date = null, string? text = null, string? site = null, string? speaker = "Sergei Lavrov") =>
        Some.Statement(party: party, issue: issue, stance: stance, score: score, date: date ?? Monday,
            text: text ?? $"Statement number {n}.", site: site ?? "Example News", articleId: $"a{n}", speaker: speaker);

    [Fact]
    public void Worked_example_from_the_docs_gives_the_hand_computed_mean_band_and_effective_count()
    {
        // docs/positions.md, "Worked example": five distinct statements, one of them carried by two outlets.
        var statements = new[]
        {
            S("oppose", 0.9, 1, text: "Ukraine's membership of NATO is out of the question.", site: "Outlet A"),
            S("oppose", 0.9, 2, text: "“Ukraine’s membership of NATO is out of the question!”", site: "Outlet B", date: Monday.AddDays(1)),
            S("oppose", 0.8, 3, date: Monday.AddDays(2)),
            S("oppose", 0.6, 4, date: Monday.AddDays(3)),
            S("neutral", 0.5, 5, date: Monday.AddDays(4)),
            S("support", 0.2, 6, date: Monday.AddDays(6)),
        };

        var p = Assert.Single(PositionSeries.Compute(statements));

        Assert.Equal(("Russia", "nato", Monday, new DateOnly(2025, 3, 9)), (p.Party, p.Issue, p.PeriodStart, p.PeriodEnd));
        Assert.Equal(5, p.Count);
        Assert.Equal(-0.7, p.Value, 12);
        Assert.Equal(30.0 / 7, p.EffectiveCount, 12);
        Assert.Equal(-1, p.Low, 12); // −0.7 − 3.031478 × 0.323253 = −1.6799, clamped to the axis
        Assert.Equal(0.279935565697818, p.High, 9);
        Assert.Equal(["Example News", "Outlet A", "Outlet B"], p.Outlets);
        Assert.Equal(["a1:0", "a3:0", "a4:0", "a5:0", "a6:0"], p.StatementIds);
    }

    [Fact]
    public void Unweighted_cell_gets_the_textbook_t_interval()
    {
        // 15 oppose and 5 neutral, all weight 1: mean −0.75, s² = 3.75/19, SE = √(s²/20) = 0.0993399,
        // t(0.975, 19) = 2.0930241, half-width 2.0930241 × 0.0993399 = 0.2079209.
        var statements = Enumerable.Range(0, 20).Select(i => S(i < 15 ? "oppose" : "neutral", 1.0, i)).ToList();

        var p = Assert.Single(PositionSeries.Compute(statements));

        Assert.Equal(-0.75, p.Value, 12);
        Assert.Equal(20, p.EffectiveCount, 12);
        Assert.Equal(-0.9579209, p.Low, 6);
        Assert.Equal(-0.5420791, p.High, 6);
    }

    [Fact]
    public void Student_t_quantiles_match_the_tables()
    {
        Assert.Equal(12.706205, StudentT.Critical(0.95, 1), 5);
        Assert.Equal(4.302653, StudentT.Critical(0.95, 2), 5);
        Assert.Equal(3.182446, StudentT.Critical(0.95, 3), 5);
        Assert.Equal(2.093024, StudentT.Critical(0.95, 19), 5);
        Assert.Equal(2.575829, StudentT.Critical(0.99, 1e7), 4);
        Assert.Equal(6.016663, StudentT.Critical(0.95, 1.5), 5);
    }

    [Fact]
    public void Single_statement_gets_the_whole_axis_as_its_band()
    {
        var p = Assert.Single(PositionSeries.Compute([S("support", 0.7, 1)]));
        Assert.Equal((1.0, -1.0, 1.0, 1), (p.Value, p.Low, p.High, p.Count));
    }

    [Fact]
    public void Small_cell_gets_a_reproducible_bootstrap_band_inside_the_data_range()
    {
        var statements = new[] { S("support", 1, 1), S("oppose", 1, 2), S("neutral", 1, 3), S("support", 0.5, 4) };

        var first = Assert.Single(PositionSeries.Compute(statements));
        var again = Assert.Single(PositionSeries.Compute(statements.Reverse()));

        // mean = (1 − 1 + 0 + 0.5) / 3.5 = 1/7
        Assert.Equal(1.0 / 7, first.Value, 12);
        Assert.Equal((first.Low, first.High), (again.Low, again.High));
        Assert.InRange(first.Low, -1, first.Value);
        Assert.InRange(first.High, first.Value, 1);
        Assert.True(first.High - first.Low > 0.5, $"band [{first.Low}, {first.High}] is implausibly narrow for 4 disagreeing statements");
    }

    [Fact]
    public void Missing_stance_score_weighs_one_and_unusable_statements_are_counted_as_skipped()
    {
        var statements = new[]
        {
            S("support", 1, 1) with { StanceScore = null },
            S("oppose", 0.5, 2),
            S("oppose", 1, 3) with { Issue = null },
            S("oppose", 1, 4) with { Stance = null },
            S("ambivalent", 1, 5),
            S("oppose", 1, 6) with { Date = null },
            S("oppose", 1, 7, party: "Unknown"),
        };

        var analysis = PositionSeries.Analyze(statements);

        var p = Assert.Single(analysis.Positions);
        Assert.Equal((1 - 0.5) / 1.5, p.Value, 12);
        Assert.Equal(new Dictionary<string, int>
        {
            ["no issue"] = 1, ["no stance"] = 1, ["unknown stance"] = 1, ["no date"] = 1, ["unknown party"] = 1,
        }, analysis.Skipped);
    }

    [Fact]
    public void Published_day_stands_in_for_a_missing_date()
    {
        var s = S("oppose", 1, 1) with { Date = null, Published = Parley.Articles.ArticleDate.FromDay(new DateOnly(2025, 3, 12)) };
        var p = Assert.Single(PositionSeries.Compute([s]));
        Assert.Equal(new DateOnly(2025, 3, 10), p.PeriodStart);
    }

    [Theory]
    [InlineData(PositionPeriod.Day, "2025-03-05", "2025-03-05", "2025-03-05")]
    [InlineData(PositionPeriod.Week, "2025-03-05", "2025-03-03", "2025-03-09")]
    [InlineData(PositionPeriod.Week, "2025-03-09", "2025-03-03", "2025-03-09")] // Sunday belongs to the week before
    [InlineData(PositionPeriod.Week, "2025-01-01", "2024-12-30", "2025-01-05")] // ISO week 1 of 2025 starts in 2024
    [InlineData(PositionPeriod.Month, "2024-02-29", "2024-02-01", "2024-02-29")]
    public void Periods_start_and_end_on_the_calendar(PositionPeriod period, string date, string start, string end)
    {
        var p = Assert.Single(PositionSeries.Compute([S("oppose", 1, 1, date: DateOnly.Parse(date))], new PositionOptions { Period = period }));
        Assert.Equal((DateOnly.Parse(start), DateOnly.Parse(end)), (p.PeriodStart, p.PeriodEnd));
    }

    [Fact]
    public void Positions_come_in_taxonomy_order_of_party_then_issue_then_period()
    {
        var statements = new[]
        {
            S("oppose", 1, 1, party: "Ukraine", issue: "territory", date: Monday.AddDays(7)),
            S("oppose", 1, 2, party: "Ukraine", issue: "territory"),
            S("oppose", 1, 3, party: "Russia", issue: "nato"),
            S("oppose", 1, 4, party: "United States", issue: "ceasefire"),
            S("oppose", 1, 5, party: "Russia", issue: "territory"),
        };

        var order = PositionSeries.Compute(statements).Select(p => $"{p.Party}/{p.Issue}/{p.PeriodStart:MM-dd}");

        Assert.Equal(["United States/ceasefire/03-03", "Russia/territory/03-03", "Russia/nato/03-03",
            "Ukraine/territory/03-03", "Ukraine/territory/03-10"], order);
    }

    [Fact]
    public void Rolling_smoothing_pools_the_statements_of_the_previous_periods()
    {
        var statements = new[]
        {
            S("support", 1, 1, date: Monday),
            S("oppose", 1, 2, date: Monday.AddDays(7)),
            S("oppose", 1, 3, date: Monday.AddDays(14)),
        };

        var smoothed = PositionSeries.Compute(statements, new PositionOptions { SmoothingPeriods = 2 });

        Assert.Equal([1.0, 0.0, -1.0], smoothed.Select(p => p.Value));
        Assert.Equal([1, 2, 2], smoothed.Select(p => p.Count));
    }

    [Fact]
    public void All_period_is_one_snapshot_from_first_to_last_statement()
    {
        var statements = new[] { S("support", 1, 1, date: Monday), S("oppose", 1, 2, date: Monday.AddDays(40)) };

        var p = Assert.Single(PositionSeries.Compute(statements, new PositionOptions { Period = PositionPeriod.All }));

        Assert.Equal((Monday, Monday.AddDays(40), 0.0, 2), (p.PeriodStart, p.PeriodEnd, p.Value, p.Count));
    }

    [Fact]
    public void Data_frame_has_the_contract_columns()
    {
        var frame = PositionSeries.ToDataFrame(PositionSeries.Compute([S("oppose", 1, 1, site: "A"), S("oppose", 1, 2, site: "B")]));

        Assert.Equal(["party", "issue", "periodStart", "periodEnd", "position", "low", "high", "count", "effectiveCount", "outlets"],
            frame.Columns.Select(c => c.Name));
        Assert.Equal("Russia", frame["party"][0]);
        Assert.Equal(new DateTime(2025, 3, 3), frame["periodStart"][0]);
        Assert.Equal(-1.0, frame["position"][0]);
        Assert.Equal(2, frame["count"][0]);
        Assert.Equal("A; B", frame["outlets"][0]);
    }

    [Fact]
    public void Csv_quotes_fields_and_uses_invariant_numbers()
    {
        var position = new Position("Russia", "nato", Monday, Monday.AddDays(6), -0.5, -1, 0.25, 2, 1.8,
            ["Outlet, with comma", "Plain"], ["x"]);
        var writer = new StringWriter();

        PositionSeries.WriteCsv([position], writer);

        Assert.Equal(
            "party,issue,periodStart,periodEnd,position,low,high,count,effectiveCount,outlets\n" +
            "Russia,nato,2025-03-03,2025-03-09,-0.5,-1,0.25,2,1.8,\"Outlet, with comma; Plain\"\n",
            writer.ToString());
    }
}

public class UnanimousCellTests
{
    [Fact]
    public void Unanimous_cell_gets_the_exact_zero_disagreement_bound_instead_of_a_zero_width_band()
    {
        // Four oppose statements of weight 1: n_eff = 4, p = 1 − 0.05^(1/4) = 1 − 0.4728708 = 0.5271292;
        // band [−1, −1 + 2p] = [−1, 0.0542584].
        var statements = Enumerable.Range(0, 4).Select(i => Some.Statement(stance: "oppose", articleId: $"a{i}", text: $"No {i}.")).ToList();

        var p = Assert.Single(PositionSeries.Compute(statements));

        Assert.Equal(-1, p.Value);
        Assert.Equal(-1, p.Low, 12);
        Assert.Equal(0.0542584, p.High, 6);
    }

    [Fact]
    public void Unanimous_neutral_cell_widens_both_ways()
    {
        // Twenty neutral statements: p = 1 − 0.05^(1/20) = 0.1391083; band [−p, +p].
        var statements = Enumerable.Range(0, 20).Select(i => Some.Statement(stance: "neutral", articleId: $"a{i}", text: $"Maybe {i}.")).ToList();

        var p = Assert.Single(PositionSeries.Compute(statements));

        Assert.Equal(-0.1391083, p.Low, 6);
        Assert.Equal(0.1391083, p.High, 6);
    }
}

public class SecondaryIssueTests
{
    private static IReadOnlyList<Parley.Statements.Statement> Statements() =>
    [
        Some.Statement(issue: "nato", stance: "oppose", score: 1, articleId: "a", text: "A.") with
        {
            Stances =
            [
                new Parley.Statements.IssueStance("nato", "oppose", 1.0, 1.0),
                new Parley.Statements.IssueStance("territory", "oppose", 0.8, 0.5),
                new Parley.Statements.IssueStance("ceasefire", "support", 0.9, 0.3),
            ],
        },
        Some.Statement(issue: "territory", stance: "support", score: 0.6, articleId: "b", text: "B."),
        Some.Statement(articleId: "c", text: "C.") with
        {
            Issue = null, Stance = null, StanceScore = null,
            Stances = [new Parley.Statements.IssueStance("territory", "neutral", 1.0, 1.0)],
        },
    ];

    [Fact]
    public void By_default_a_statement_counts_only_toward_its_main_issue()
    {
        var analysis = PositionSeries.Analyze(Statements());

        Assert.Equal([("nato", -1.0, 1), ("territory", 1.0, 1)], analysis.Positions.Select(p => (p.Issue, p.Value, p.Count)).OrderBy(t => t.Issue));
        Assert.Equal(1, analysis.Skipped["no issue"]);
    }

    [Fact]
    public void Secondary_issues_count_weighted_by_stance_times_issue_probability()
    {
        // territory: A oppose with weight 0.8 × 0.5 = 0.4, B support 0.6, C neutral 1.0 → (−0.4 + 0.6 + 0) / 2.0 = 0.1.
        // ceasefire: A's issue probability 0.3 is below 0.5, so nothing.
        var analysis = PositionSeries.Analyze(Statements(), new PositionOptions { CountSecondaryIssues = true });

        var territory = Assert.Single(analysis.Positions, p => p.Issue == "territory");
        Assert.Equal(0.1, territory.Value, 12);
        Assert.Equal(3, territory.Count);
        Assert.DoesNotContain(analysis.Positions, p => p.Issue == "ceasefire");
        Assert.Empty(analysis.Skipped);
    }
}
