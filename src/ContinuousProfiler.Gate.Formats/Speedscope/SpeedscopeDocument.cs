using System.Collections.Immutable;
using ContinuousProfiler.Gate.Core.Model;

namespace ContinuousProfiler.Gate.Formats.Speedscope;

/// <summary>One profile of a speedscope file, reduced to weighted stacks (evented profiles are replayed).</summary>
/// <param name="Name">The profile's name (often a thread name).</param>
/// <param name="Unit">speedscope's value unit: none, nanoseconds, microseconds, milliseconds, seconds or bytes.</param>
/// <param name="Samples">Stacks as frame indices, root first, each with its weight, in file order.</param>
public sealed record SpeedscopeProfile(string Name, string Unit, ImmutableArray<(ImmutableArray<int> Stack, double Weight)> Samples);

/// <summary>A parsed speedscope file: the shared frame table and every profile.</summary>
/// <param name="Name">The file's <c>name</c>, or null.</param>
/// <param name="Exporter">The file's <c>exporter</c> (e.g. <c>py-spy@0.3.14</c>), or null.</param>
/// <param name="ActiveProfileIndex">The profile speedscope shows first (0 when absent).</param>
/// <param name="Frames">The shared frames.</param>
/// <param name="Profiles">The profiles in file order.</param>
public sealed record SpeedscopeDocument(string? Name, string? Exporter, int ActiveProfileIndex, ImmutableArray<Frame> Frames, ImmutableArray<SpeedscopeProfile> Profiles);
