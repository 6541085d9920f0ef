using System.Globalization;
using ContinuousProfiler.Gate.Core.Model;

namespace ContinuousProfiler.Gate.Formats.Tests.Pprof;

/// <summary>
/// The name <c>go tool pprof -top</c> prints for a frame: the function name, or for frames the
/// importer named by address (no function), <c>[module basename]</c> or <c>&lt;unknown&gt;</c>.
/// </summary>
internal static class PprofNames
{
    public static string Of(Frame frame)
    {
        if (!IsAddressName(frame.Name) || frame.File is not null)
        {
            return frame.Name;
        }

        return frame.Module is null ? "<unknown>" : $"[{Path.GetFileName(frame.Module)}]";
    }

    private static bool IsAddressName(string name) =>
        name.StartsWith("0x", StringComparison.Ordinal)
        && ulong.TryParse(name.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out _);
}
