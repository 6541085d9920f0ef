using System.Globalization;
using System.IO.Compression;
using System.Text;
using ContinuousProfiler.Gate.Core.Model;
using ContinuousProfiler.Gate.Formats;
using ContinuousProfiler.Gate.Testing;

namespace ContinuousProfiler.Gate.Store.Tests.Sets;

/// <summary>
/// Test-only stand-in for the pprof exporter until it is on main: gzipped folded text, read back with
/// <see cref="TestProfiles.FromFolded"/>. Lets the set layout be tested independently of pprof.
/// </summary>
internal sealed class StubFoldedExporter : IProfileExporter
{
    public static readonly StubFoldedExporter Instance = new();

    public string Name => "stub-folded";

    public string Extension => ".pb.gz";

    public void Export(Profile profile, Stream output)
    {
        using var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true);
        using var writer = new StreamWriter(gzip, new UTF8Encoding(false));
        foreach (var sample in profile.Samples)
        {
            writer.Write(string.Join(';', profile.StackOf(sample).Select(f => f.Name)));
            writer.Write(' ');
            writer.Write(sample.Values[0].ToString(CultureInfo.InvariantCulture));
            writer.Write('\n');
        }
    }

    public static Profile Read(string path)
    {
        using var gzip = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
        using var reader = new StreamReader(gzip);
        return TestProfiles.FromFolded(reader.ReadToEnd());
    }
}
