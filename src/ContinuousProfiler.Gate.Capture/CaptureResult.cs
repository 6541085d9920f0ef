using ContinuousProfiler.Gate.Core.Sets;

namespace ContinuousProfiler.Gate.Capture;

/// <summary>A written ProfileSet.</summary>
/// <param name="Directory">The set folder.</param>
/// <param name="Manifest">The manifest as written.</param>
public sealed record CaptureResult(string Directory, ProfileSetManifest Manifest);
