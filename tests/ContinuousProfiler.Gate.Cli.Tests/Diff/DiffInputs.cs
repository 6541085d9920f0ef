using System.Globalization;
using ContinuousProfiler.Gate.Core.Model;
using ContinuousProfiler.Gate.Core.Sets;
using ContinuousProfiler.Gate.Formats;
using ContinuousProfiler.Gate.Store.Sets;
using ContinuousProfiler.Gate.Testing;

namespace ContinuousProfiler.Gate.Cli.Tests.Diff;

/// <summary>Writes the inputs the diff tests compare: folded files, pprof files and ProfileSets in a temp folder.</summary>
internal static class DiffInputs
{
    /// <summary>A small service profile: 100,000 samples over 14 functions.</summary>
    public const string Base =
        "main;serve;parse;json.decode 12000\nmain;serve;parse 3000\nmain;serve;price;regexp.compile 9000\nmain;serve;price 6000\n" +
        "main;serve;render;template.exec 14000\nmain;serve;render 4000\nmain;serve;db.query 18000\nmain;serve;log.write 5000\n" +
        "main;gc;gc.mark 11000\nmain;gc;gc.sweep 4000\nmain;serve;auth.check 7000\nmain;serve;cache.get 5000\nmain;idle 2000";

    /// <summary><see cref="Base"/> with <c>regexp.compile</c> 40% slower.</summary>
    public static string Slower => Base.Replace("regexp.compile 9000", "regexp.compile 12600", StringComparison.Ordinal);

    public static string Folded(TempDir dir, string name, string folded)
    {
        var path = dir.File(name);
        File.WriteAllText(path, folded + "\n");
        return path;
    }

    public static string Pprof(TempDir dir, string name, Profile profile)
    {
        var path = dir.File(name);
        ProfileWriter.Write(profile, FormatRegistry.Exporter("pprof"), path);
        return path;
    }

    /// <summary>A one-column profile of the given type and unit from folded text.</summary>
    public static Profile Typed(string folded, string type, string unit) => TestProfiles.FromFolded(folded, type, unit);

    /// <summary>A ProfileSet of one scenario with <paramref name="runs"/> runs of <paramref name="folded"/>, each stack varied by a deterministic ±1%.</summary>
    public static string Set(TempDir dir, string name, string folded, int runs, EnvironmentFingerprint? environment = null, int seed = 0)
    {
        var profiles = Enumerable.Range(0, runs).Select(run => TestProfiles.FromFolded(string.Join('\n', folded.Split('\n').Select((line, i) =>
        {
            var space = line.LastIndexOf(' ');
            var count = double.Parse(line[(space + 1)..], CultureInfo.InvariantCulture);
            var wobble = 1 + (0.01 * Math.Sin((run * 5) + (i * 3) + (seed * 7)));
            return $"{line[..space]} {Math.Round(count * wobble).ToString(CultureInfo.InvariantCulture)}";
        })))).ToList<Profile>();
        var path = Path.Combine(dir.Path, name);
        ProfileSetWriter.Write(
            new ProfileSetManifest { Environment = environment ?? EnvironmentFingerprint.Unknown, Commit = name },
            new Dictionary<string, IReadOnlyList<Profile>> { ["service"] = profiles },
            path);
        return path;
    }
}
