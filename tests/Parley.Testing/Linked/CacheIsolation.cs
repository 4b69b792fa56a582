using System.Runtime.CompilerServices;

namespace Parley.Testing;

/// <summary>Compiled into each test project that starts Parley commands or trains the default model (linked from
/// <c>tests/Parley.Testing/Linked</c>): before any test runs, the default model and embeddings go to the tests' own
/// cache (<see cref="TestCache"/>).</summary>
internal static class CacheIsolation
{
    [ModuleInitializer]
    internal static void Isolate() => TestCache.Isolate();
}
