using System.Text.Json;
using Parley.Serialization;
using Parley.Statements;

namespace Parley.Cli.Commands;

/// <summary>Reads classified statements from JSONL as <c>parley classify</c> writes them; bad lines are errors, not the end.</summary>
internal static class StatementsFile
{
    /// <summary>One statement per good line; one message per bad line ("line 12: …").</summary>
    public static async Task<(List<Statement> Statements, List<string> Errors)> ReadAsync(string path, CancellationToken ct)
    {
        var statements = new List<Statement>();
        var errors = new List<string>();
        using var reader = path == "-" ? new StreamReader(Console.OpenStandardInput()) : new StreamReader(path);
        int number = 0;
        while (await reader.ReadLineAsync(ct) is { } line)
        {
            number++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            try
            {
                var statement = JsonSerializer.Deserialize<Statement>(line, ParleyJson.Options);
                if (statement is null) errors.Add($"line {number}: null instead of a statement");
                else statements.Add(statement);
            }
            catch (JsonException ex)
            {
                errors.Add($"line {number}: not a statement ({ex.Message})");
            }
        }
        return (statements, errors);
    }
}
