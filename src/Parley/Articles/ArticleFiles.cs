using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;

namespace Parley.Articles;

/// <summary>Reads article files from disk: inputs expanded to files, one <see cref="ExtractionResult"/> per file.</summary>
public static class ArticleFiles
{
    private static readonly string[] ArticleExtensions = [".html", ".htm", ".xhtml", ".shtml", ".txt", ".gz", ".php", ".asp", ".aspx", ".warc"];

    /// <summary>Expands files, folders (recursively) and globs into a sorted, de-duplicated list of files.</summary>
    /// <remarks>
    /// A folder contributes its article files (<c>.html</c>, <c>.htm</c>, <c>.xhtml</c>, <c>.shtml</c>, <c>.txt</c>, <c>.gz</c>,
    /// <c>.php</c>, <c>.asp(x)</c> and files without an extension), skipping hidden files and folders; a named file is always
    /// kept, even when it does not exist, so that reading it gives an error result instead of silently dropping it.
    /// Globs support <c>*</c>, <c>?</c> and <c>**</c>. Order is ordinal by full path, so output is stable.
    /// </remarks>
    public static IReadOnlyList<string> Expand(IEnumerable<string> inputs) => ExpandWithProblems(inputs).Files;

    /// <summary>Like <see cref="Expand"/>, and also says which inputs matched nothing.</summary>
    internal static (IReadOnlyList<string> Files, IReadOnlyList<string> Problems) ExpandWithProblems(IEnumerable<string> inputs)
    {
        var files = new SortedSet<string>(StringComparer.Ordinal);
        var problems = new List<string>();
        foreach (var input in inputs)
        {
            if (string.IsNullOrWhiteSpace(input)) continue;
            if (Directory.Exists(input))
            {
                int before = files.Count;
                foreach (var f in EnumerateArticles(input)) files.Add(Path.GetFullPath(f));
                if (files.Count == before) problems.Add($"{input}: folder has no article files");
            }
            else if (input.IndexOfAny(['*', '?']) >= 0)
            {
                int before = files.Count;
                foreach (var f in Glob(input)) files.Add(f);
                if (files.Count == before) problems.Add($"{input}: no files match");
            }
            else
            {
                files.Add(Path.GetFullPath(input));
                if (!File.Exists(input)) problems.Add($"{input}: file not found");
            }
        }
        return (files.ToList(), problems);
    }

    private static IEnumerable<string> EnumerateArticles(string dir)
    {
        var options = new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.Hidden | FileAttributes.System, IgnoreInaccessible = true };
        foreach (var f in Directory.EnumerateFiles(dir, "*", options))
        {
            var name = Path.GetFileName(f);
            if (name.StartsWith('.')) continue;
            if (f.Split(Path.DirectorySeparatorChar).Any(part => part.StartsWith('.') && part.Length > 1 && part != ".." )) continue;
            var ext = Path.GetExtension(name).ToLowerInvariant();
            if (ext.Length == 0 || ArticleExtensions.Contains(ext)) yield return f;
        }
    }

    private static IEnumerable<string> Glob(string pattern)
    {
        var full = Path.GetFullPath(pattern.Replace('\\', '/'));
        var parts = full.Split('/');
        int firstWild = Array.FindIndex(parts, p => p.IndexOfAny(['*', '?']) >= 0);
        var baseDir = string.Join('/', parts[..firstWild]);
        if (baseDir.Length == 0) baseDir = "/";
        if (!Directory.Exists(baseDir)) yield break;
        var regex = new Regex("^" + GlobToRegex(full) + "$", RegexOptions.CultureInvariant);
        bool recursive = parts.Length - firstWild > 1 || full.Contains("**", StringComparison.Ordinal);
        var options = new EnumerationOptions { RecurseSubdirectories = recursive, IgnoreInaccessible = true, AttributesToSkip = 0 };
        foreach (var f in Directory.EnumerateFiles(baseDir, "*", options))
            if (regex.IsMatch(f.Replace('\\', '/'))) yield return f;
    }

    private static string GlobToRegex(string glob)
    {
        var sb = new System.Text.StringBuilder();
        for (int i = 0; i < glob.Length; i++)
        {
            char c = glob[i];
            if (c == '*' && i + 1 < glob.Length && glob[i + 1] == '*')
            {
                i++;
                if (i + 1 < glob.Length && glob[i + 1] == '/') { i++; sb.Append("(?:.*/)?"); }
                else sb.Append(".*");
            }
            else if (c == '*') sb.Append("[^/]*");
            else if (c == '?') sb.Append("[^/]");
            else sb.Append(Regex.Escape(c.ToString()));
        }
        return sb.ToString();
    }

    /// <summary>Reads and extracts each file, streaming one result per file in input order.</summary>
    /// <remarks>Files are extracted on every processor while results are handed out in order
    /// (<see cref="ReadAsync(IEnumerable{string}, ArticleExtractor, int, CancellationToken)"/> sets how many threads).
    /// Never throws for a bad file: a missing, unreadable, empty, binary, oversized or undecodable file gives a
    /// result with <see cref="ExtractionResult.Error"/> set, and the rest go on. Only cancellation ends the sequence early.
    /// A WARC file (<c>.warc</c>, <c>.warc.gz</c>, as <c>parley fetch</c> archives) gives one result per archived
    /// text response, with the record's target URI as the article's URL; an archive cut short gives its complete
    /// records and then one error result saying so.</remarks>
    /// <param name="paths">Files, typically from <see cref="Expand"/>.</param>
    /// <param name="extractor">The extractor to use.</param>
    /// <param name="ct">Cancels between files.</param>
    public static IAsyncEnumerable<ExtractionResult> ReadAsync(IEnumerable<string> paths, ArticleExtractor extractor,
        CancellationToken ct = default) => ReadAsync(paths, extractor, 0, ct);

    /// <summary>Reads and extracts each file on up to <paramref name="parallelism"/> threads (0 or less: one per
    /// processor), streaming one result per file in input order; otherwise as
    /// <see cref="ReadAsync(IEnumerable{string}, ArticleExtractor, CancellationToken)"/>.</summary>
    /// <param name="paths">Files, typically from <see cref="Expand"/>.</param>
    /// <param name="extractor">The extractor to use (it is thread-safe).</param>
    /// <param name="parallelism">Extraction threads; 1 reads and extracts one file at a time.</param>
    /// <param name="ct">Cancels between files.</param>
    public static async IAsyncEnumerable<ExtractionResult> ReadAsync(IEnumerable<string> paths, ArticleExtractor extractor,
        int parallelism, [EnumeratorCancellation] CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(extractor);
        // A WARC file streams its records here, in order; every other file is one unit of work for the threads.
        var files = InOrder.SelectAsync(paths.ToAsyncEnumerable(), path => !IsWarc(path), path => ReadOne(path, extractor),
            parallelism, lookaheadPerThread: 16, ct);
        await foreach (var (path, result) in files.ConfigureAwait(false))
        {
            ct.ThrowIfCancellationRequested();
            if (result is not null)
            {
                yield return result;
                continue;
            }
            foreach (var record in ReadWarc(path, extractor))
            {
                ct.ThrowIfCancellationRequested();
                yield return record;
            }
        }
    }

    private static bool IsWarc(string path) =>
        path.EndsWith(".warc", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".warc.gz", StringComparison.OrdinalIgnoreCase);

    private static IEnumerable<ExtractionResult> ReadWarc(string path, ArticleExtractor extractor)
    {
        FileStream file;
        try
        {
            file = File.OpenRead(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return [ExtractionResult.Fail(path, $"cannot read file: {ex.Message}")];
        }
        return ReadWarcRecords(path, file, extractor);
    }

    private static IEnumerable<ExtractionResult> ReadWarcRecords(string path, FileStream file, ArticleExtractor extractor)
    {
        using var _ = file;
        using var records = Parley.Fetching.Archive.WarcReader.Enumerate(file).GetEnumerator();
        int count = 0;
        while (true)
        {
            string? damage = null;
            try
            {
                if (!records.MoveNext()) break;
            }
            catch (Exception ex) when (ex is InvalidDataException or EndOfStreamException or IOException)
            {
                damage = ex.Message;
            }
            if (damage is not null)
            {
                yield return ExtractionResult.Fail(path, $"WARC file damaged after {count} record(s): {damage}");
                yield break;
            }
            var record = records.Current;
            if (!string.Equals(record.Type, "response", StringComparison.OrdinalIgnoreCase) || record.ParseHttp() is not { } http) continue;
            count++;
            var target = record.TargetUri ?? "";
            var source = $"{path}#{target}";
            if (http.Status is < 200 or >= 300)
            {
                yield return ExtractionResult.Fail(source, $"archived response is HTTP {http.Status}");
                continue;
            }
            yield return extractor.ExtractBytesOrError(http.Body, source, target, http.Header("Content-Type"));
        }
    }

    private static ExtractionResult ReadOne(string path, ArticleExtractor extractor)
    {
        byte[] bytes;
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists) return ExtractionResult.Fail(path, Directory.Exists(path) ? "is a folder, not a file" : "file not found");
            long limit = extractor.Options.MaxPageBytes;
            if (info.Length > limit)
                return ExtractionResult.Fail(path, $"file is {info.Length / 1048576.0:0.0} MB, over the {limit / 1048576.0:0.#} MB limit");
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or System.Security.SecurityException)
        {
            return ExtractionResult.Fail(path, $"cannot read file: {ex.Message}");
        }
        // A bug in extraction must not end the batch: it becomes this file's error, with the exception named.
        return extractor.ExtractBytesOrError(bytes, path, url: null);
    }
}
