using ContinuousProfiler.Gate.Core.Model;

namespace ContinuousProfiler.Gate.Formats;

/// <summary>Reads one profile format into the pivot model.</summary>
public interface IProfileImporter
{
    /// <summary>Short format name used in messages and <c>--from</c>, e.g. <c>pprof</c>.</summary>
    string Name { get; }

    /// <summary>
    /// Says whether <paramref name="head"/> (the first bytes of the input, already gunzipped when
    /// the input was gzip) looks like this format. Detection is by content, never by file name.
    /// </summary>
    bool CanRead(ReadOnlySpan<byte> head);

    /// <summary>Reads the whole stream. <paramref name="source"/> names it in error messages.</summary>
    /// <exception cref="Core.InputException">The input is not valid for this format.</exception>
    Profile Import(Stream input, string source);
}
