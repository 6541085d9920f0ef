using ContinuousProfiler.Gate.Core.Sets;

namespace ContinuousProfiler.Gate.Store.Sets;

/// <summary>Copies a set folder file by file (only what its manifest names), atomically.</summary>
public static class SetCopy
{
    /// <summary>
    /// Copies the set at <paramref name="source"/> (described by <paramref name="manifest"/>) to
    /// <paramref name="target"/> through <see cref="SetDirectory.Publish"/>; the manifest written is
    /// <paramref name="manifest"/> itself, so callers may adjust it (e.g. the commit).
    /// </summary>
    public static void Copy(string source, ProfileSetManifest manifest, string target)
    {
        SetDirectory.Publish(target, temp =>
        {
            foreach (var run in manifest.Scenarios.SelectMany(s => s.Runs))
            {
                File.Copy(Path.Combine(source, run.File), Path.Combine(temp, run.File));
            }

            File.WriteAllText(Path.Combine(temp, ProfileSetWriter.ManifestFileName), ProfileSetJson.Serialize(manifest));
        });
    }
}
