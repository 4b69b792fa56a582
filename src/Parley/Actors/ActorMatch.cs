namespace Parley.Actors;

/// <summary>An actor the gazetteer recognised in a mention, with the party they speak for on the given day.</summary>
/// <param name="ActorId">The gazetteer id, a slug of the canonical name ("volodymyr-zelensky", "kremlin").</param>
/// <param name="Name">The canonical name ("Volodymyr Zelensky").</param>
/// <param name="Party">A taxonomy party id; "Unknown" when the actor held no role on that day and has no standing party.</param>
/// <param name="IsPerson">True for people, false for institutions and governments.</param>
public sealed record ActorMatch(string ActorId, string Name, string Party, bool IsPerson);
