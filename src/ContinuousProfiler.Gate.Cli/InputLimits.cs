using System.Globalization;
using ContinuousProfiler.Gate.Core;
using ContinuousProfiler.Gate.Formats;

namespace ContinuousProfiler.Gate.Cli;

/// <summary>
/// The cap on a decompressed input profile: <see cref="ProfileReader.DefaultMaxBytes"/>, or
/// <c>PROFGATE_MAX_INPUT_BYTES</c> when set (for very large profiles, and for tests of the gzip-bomb guard).
/// </summary>
internal static class InputLimits
{
    public const string Variable = "PROFGATE_MAX_INPUT_BYTES";

    public static long MaxInputBytes(CliContext context)
    {
        var text = context.GetEnvironmentVariable(Variable);
        if (string.IsNullOrEmpty(text))
        {
            return ProfileReader.DefaultMaxBytes;
        }

        return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var bytes) && bytes > 0
            ? bytes
            : throw new InputException($"{Variable}='{text}' is not a positive whole number of bytes; unset it or set e.g. {Variable}=4294967296");
    }
}
