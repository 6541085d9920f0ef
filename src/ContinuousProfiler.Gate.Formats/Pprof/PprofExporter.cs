using System.IO.Compression;
using ContinuousProfiler.Gate.Core.Model;
using Google.Protobuf;
using Proto = ContinuousProfiler.Gate.Formats.Pprof.Proto;

namespace ContinuousProfiler.Gate.Formats.Pprof;

/// <summary>
/// Writes the pivot model as a gzipped pprof <c>profile.proto</c> that <c>go tool pprof</c> reads:
/// one Location per frame (one Line each, so inlined frames come back as ordinary frames), one
/// Function per name and file, one Mapping per module. Values are rounded to integers, as pprof
/// stores int64.
/// </summary>
public sealed class PprofExporter : IProfileExporter
{
    public string Name => "pprof";

    public string Extension => ".pb.gz";

    public void Export(Profile profile, Stream output)
    {
        var message = PprofMessageWriter.Build(profile);
        using var gzip = new GZipStream(output, CompressionLevel.Optimal, leaveOpen: true);
        message.WriteTo(gzip);
    }
}
