using Parley.Statements;

namespace Parley.Positions;

/// <summary>
/// One statement as it counts in a position: the same quote reported by several outlets is one group.
/// </summary>
/// <param name="Statement">The representative copy: the earliest (ties broken by id).</param>
/// <param name="Outlets">Every outlet that carried the quote, sorted.</param>
/// <param name="StatementIds">The ids of every copy, the representative first.</param>
public sealed record QuoteGroup(Statement Statement, IReadOnlyList<string> Outlets, IReadOnlyList<string> StatementIds);
