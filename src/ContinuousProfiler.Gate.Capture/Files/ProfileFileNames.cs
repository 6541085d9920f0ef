namespace ContinuousProfiler.Gate.Capture.Files;

/// <summary>A profile file's scenario name: its file name without the profile extensions (<c>cpu.pb.gz</c> → <c>cpu</c>).</summary>
public static class ProfileFileNames
{
    private static readonly HashSet<string> Extensions = new(StringComparer.OrdinalIgnoreCase)
    {
        ".gz", ".pb", ".pprof", ".prof", ".profile", ".nettrace", ".cpuprofile", ".json", ".speedscope", ".folded",
        ".collapsed", ".txt", ".perf", ".script", ".out", ".data",
    };

    public static string Stem(string path)
    {
        var name = Path.GetFileName(path);
        while (Extensions.Contains(Path.GetExtension(name)) && Path.GetFileNameWithoutExtension(name).Length > 0)
        {
            name = Path.GetFileNameWithoutExtension(name);
        }

        return name;
    }
}
