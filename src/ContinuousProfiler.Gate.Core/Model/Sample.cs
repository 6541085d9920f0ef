using System.Collections.Immutable;

namespace ContinuousProfiler.Gate.Core.Model;

/// <summary>
/// One weighted stack: frame indices from root to leaf and one value per sample type.
/// </summary>
/// <param name="Stack">Indices into <see cref="Profile.Frames"/>, root first, leaf last (may be empty).</param>
/// <param name="Values">One value per <see cref="Profile.SampleTypes"/> entry, in that order.</param>
public sealed record Sample(ImmutableArray<int> Stack, ImmutableArray<double> Values)
{
    /// <summary>The leaf frame's index, or -1 for an empty stack.</summary>
    public int Leaf => Stack.Length == 0 ? -1 : Stack[^1];
}
