namespace Parley.Classification;

/// <summary>A data file a command was pointed at cannot be used: missing, empty, or without a needed column.</summary>
/// <remarks>The message names the file and says what is wrong; commands print it as it is.</remarks>
public sealed class DataFileException(string message) : Exception(message);
