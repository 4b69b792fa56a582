namespace Parley.Testing;

/// <summary>Keeps what tests train and embed out of the user's own cache (<c>~/.cache/parley</c>).</summary>
/// <remarks>Commands the tests start (<c>parley run</c>, the notebook kernel) train or load the default statement model
/// from <c>$PARLEY_CACHE</c>. Without this, a test run would write the developer's cache and read whatever model an
/// earlier build left there. The tests' cache is kept between runs under the temp folder, so the default model is
/// trained once per code version, as it is for a user.</remarks>
public static class TestCache
{
    /// <summary>The folder the tests' cache lives in.</summary>
    public static string Directory { get; } = Path.Combine(Path.GetTempPath(), "parley-tests-cache");

    /// <summary>Points <c>PARLEY_CACHE</c> at <see cref="Directory"/> for this process and the processes it starts,
    /// unless it is already set (CI or a developer may choose another one).</summary>
    public static void Isolate()
    {
        if (string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable("PARLEY_CACHE")))
            Environment.SetEnvironmentVariable("PARLEY_CACHE", Directory);
    }
}
