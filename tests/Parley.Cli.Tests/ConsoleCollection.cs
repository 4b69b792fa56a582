namespace Parley.Cli.Tests;

/// <summary>Tests that redirect the process's Console.Out and Console.Error run one at a time.</summary>
[CollectionDefinition("console", DisableParallelization = true)]
public sealed class ConsoleCollection;
