using Parley.Classification.Evaluation;

namespace Parley.Classification.Tests.Evaluation;

public sealed class GroupedFoldsTests
{
    [Fact]
    public void No_group_is_in_two_folds()
    {
        var random = new Random(11);
        for (var trial = 0; trial < 50; trial++)
        {
            var groups = Enumerable.Range(0, random.Next(5, 300)).Select(_ => (string?)$"article-{random.Next(0, 40)}").ToArray();
            var folds = GroupedFolds.Assign(groups, 5);

            foreach (var group in groups.Distinct())
            {
                var foldsOfGroup = groups.Select((g, i) => (g, i)).Where(p => p.g == group).Select(p => folds[p.i]).Distinct();
                Assert.Single(foldsOfGroup);
            }
        }
    }

    [Fact]
    public void Training_rows_of_a_fold_never_share_a_group_with_its_test_rows()
    {
        string?[] groups = ["a", "a", "a", "b", "b", "c", "d", "d", "d", "d", "e", "f", "f"];
        var folds = GroupedFolds.Assign(groups, 3);

        for (var f = 0; f < 3; f++)
        {
            var test = groups.Where((_, i) => folds[i] == f).ToHashSet();
            var train = groups.Where((_, i) => folds[i] != f).ToHashSet();
            Assert.Empty(test.Intersect(train));
            Assert.NotEmpty(test);
        }
    }

    [Fact]
    public void Rows_without_a_group_are_spread_like_single_rows()
    {
        var folds = GroupedFolds.Assign(new string?[10], 5);
        Assert.All(Enumerable.Range(0, 5), f => Assert.Equal(2, folds.Count(x => x == f)));
    }

    [Fact]
    public void Fewer_groups_than_folds_lowers_the_fold_count()
    {
        var folds = GroupedFolds.Assign(["a", "a", "b"], 5);
        Assert.Equal([0, 0, 1], folds);
    }
}
