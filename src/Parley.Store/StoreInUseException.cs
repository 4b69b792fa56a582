using System.Text.RegularExpressions;

namespace Parley.Store;

/// <summary>
/// Another process holds the corpus store: DuckDB allows one writing process per database file.
/// </summary>
/// <remarks>
/// The database is never opened (and so never touched) when this is thrown. Wait for the other process to finish,
/// or open with <see cref="CorpusStoreOptions.WaitForLock"/>.
/// </remarks>
public sealed partial class StoreInUseException : IOException
{
    internal StoreInUseException(string path, int? holderPid, Exception inner)
        : base(Describe(path, holderPid), inner)
    {
        Path = path;
        HolderPid = holderPid;
    }

    /// <summary>The database file.</summary>
    public string Path { get; }

    /// <summary>The id of the process that holds the lock, when DuckDB names it.</summary>
    public int? HolderPid { get; }

    private static string Describe(string path, int? pid) =>
        $"The store {path} is in use by another process{(pid is { } p ? $" (PID {p})" : "")}. " +
        "Wait for it to finish, or pass --wait to wait for it.";

    internal static bool IsLockConflict(Exception ex, out int? pid)
    {
        pid = null;
        if (!ex.Message.Contains("Could not set lock", StringComparison.OrdinalIgnoreCase)) return false;
        var m = PidPattern().Match(ex.Message);
        if (m.Success) pid = int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        return true;
    }

    [GeneratedRegex(@"PID (\d+)")]
    private static partial Regex PidPattern();
}
