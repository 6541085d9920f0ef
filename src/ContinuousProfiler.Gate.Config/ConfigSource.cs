using ContinuousProfiler.Gate.Core;
using YamlDotNet.RepresentationModel;

namespace ContinuousProfiler.Gate.Config;

/// <summary>Where a config came from; turns problems into one-line <see cref="InputException"/>s.</summary>
/// <param name="DisplayName">The file name shown in messages (e.g. <c>.profgate.yml</c>).</param>
internal sealed record ConfigSource(string DisplayName)
{
    /// <summary><c>.profgate.yml:12: &lt;message&gt;</c>.</summary>
    public InputException Error(YamlNode node, string message) => Error(node.Start.Line, message);

    public InputException Error(long line, string message) =>
        new($"{DisplayName}:{line}: {OneLine(message)}");

    private static string OneLine(string text) => text.ReplaceLineEndings(" ");
}
