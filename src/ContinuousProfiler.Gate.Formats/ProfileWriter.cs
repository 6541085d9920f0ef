using ContinuousProfiler.Gate.Core.Model;

namespace ContinuousProfiler.Gate.Formats;

/// <summary>Writes a profile to a file atomically (see <see cref="AtomicFile"/>).</summary>
public static class ProfileWriter
{
    /// <summary>Writes <paramref name="profile"/> with <paramref name="exporter"/> to <paramref name="path"/>.</summary>
    public static void Write(Profile profile, IProfileExporter exporter, string path) =>
        AtomicFile.Write(path, stream => exporter.Export(profile, stream), "output file");
}
