using Microsoft.Extensions.Time.Testing;
using Parley.Fetching;
using Parley.Fetching.Politeness;

namespace Parley.Tests.Fetching;

public class HostGateTests
{
    private static readonly DateTimeOffset Start = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Requests_to_one_host_start_no_faster_than_its_rate()
    {
        var time = new FakeTimeProvider(Start);
        var gate = new HostGate(new FetchOptions { PerHostRequestsPerSecond = 5, PerHostConcurrency = 10 }, time);
        var ct = TestContext.Current.CancellationToken;

        var first = gate.EnterAsync("a.example", ct);
        var second = gate.EnterAsync("a.example", ct);
        var third = gate.EnterAsync("a.example", ct);
        Assert.True(first.IsCompleted);
        Assert.False(second.IsCompleted);

        // 5 requests/s with the 10 % margin: starts 220 ms apart.
        time.Advance(TimeSpan.FromMilliseconds(219));
        Assert.False(second.IsCompleted);
        time.Advance(TimeSpan.FromMilliseconds(1));
        (await second).Dispose();
        Assert.False(third.IsCompleted);
        time.Advance(TimeSpan.FromMilliseconds(219));
        Assert.False(third.IsCompleted);
        time.Advance(TimeSpan.FromMilliseconds(1));
        (await third).Dispose();
        (await first).Dispose();
    }

    [Fact]
    public async Task Another_host_is_not_held_back_by_a_busy_one()
    {
        var time = new FakeTimeProvider(Start);
        var gate = new HostGate(new FetchOptions { PerHostRequestsPerSecond = 1, PerHostConcurrency = 1 }, time);
        var ct = TestContext.Current.CancellationToken;
        using var a = await gate.EnterAsync("a.example", ct);
        var b = gate.EnterAsync("b.example", ct);
        Assert.True(b.IsCompleted);
        (await b).Dispose();
    }

    [Fact]
    public async Task Per_host_connections_are_limited_until_a_lease_ends()
    {
        var time = new FakeTimeProvider(Start);
        var gate = new HostGate(new FetchOptions { PerHostRequestsPerSecond = 1000, PerHostConcurrency = 2 }, time);
        var ct = TestContext.Current.CancellationToken;
        var one = await gate.EnterAsync("a.example", ct);
        time.Advance(TimeSpan.FromSeconds(1));
        var two = await gate.EnterAsync("a.example", ct);
        time.Advance(TimeSpan.FromSeconds(1));
        var three = gate.EnterAsync("a.example", ct);
        Assert.False(three.IsCompleted);
        one.Dispose();
        (await three).Dispose();
        two.Dispose();
    }

    [Fact]
    public async Task Crawl_delay_widens_the_spacing()
    {
        var time = new FakeTimeProvider(Start);
        var gate = new HostGate(new FetchOptions { PerHostRequestsPerSecond = 100, PerHostConcurrency = 5 }, time);
        gate.SetCrawlDelay("a.example", TimeSpan.FromSeconds(2)); // wider than 1.1 / 100 s, so it sets the spacing
        var ct = TestContext.Current.CancellationToken;
        (await gate.EnterAsync("a.example", ct)).Dispose();
        var next = gate.EnterAsync("a.example", ct);
        time.Advance(TimeSpan.FromMilliseconds(1999));
        Assert.False(next.IsCompleted);
        time.Advance(TimeSpan.FromMilliseconds(1));
        (await next).Dispose();
    }
}
