using ContinuousProfiler.Gate.Core.Model;

namespace ContinuousProfiler.Gate.Formats;

/// <summary>Writes the pivot model in one format.</summary>
public interface IProfileExporter
{
    /// <summary>Short format name used in <c>--to</c>, e.g. <c>pprof</c>.</summary>
    string Name { get; }

    /// <summary>The file extension conventionally used, with the dot, e.g. <c>.pb.gz</c>.</summary>
    string Extension { get; }

    /// <summary>Writes the profile; the stream is left open.</summary>
    void Export(Profile profile, Stream output);
}
