using System.Text.RegularExpressions;
using ContinuousProfiler.Gate.Core.Model;

namespace ContinuousProfiler.Gate.Core.Normalization;

/// <summary>
/// The built-in frame-name rules, in the order they run. The result keeps a module prefix only
/// when the producer wrote one into the name (<c>HotApp!…</c>, perf-map <c>[HotApp] …</c>), lower-cased
/// because EventPipe flips module case between runs; <see cref="Frame.Module"/> itself (a binary
/// path that changes between build folders) is not part of the name.
/// </summary>
internal static partial class BuiltInNormalization
{
    public static string Apply(Frame frame)
    {
        var name = frame.Name.Trim();
        if (name.Length == 0)
        {
            return ScriptNames.AnonymousIn(name, frame.File) ?? Frame.UnresolvedName;
        }

        if (name.AsSpan().ContainsAny('\n', '\r', '\t'))
        {
            name = Whitespace().Replace(name, " ");
        }

        if (DotNetNames.PseudoFrame(name) is { } pseudo)
        {
            return pseudo;
        }

        name = DotNetNames.PerfMap(name);
        var module = SplitModule(ref name);
        if (NativeNames.IsAddress(name) || name == Frame.UnresolvedName)
        {
            return Unresolved(module ?? ModuleFileName(frame.Module));
        }

        name = DotNetNames.StripTier(name);
        name = DotNetNames.StripStubCounter(name);
        name = NativeNames.StripRustPosition(name);
        name = ScriptNames.V8PerfName(name);
        name = ScriptNames.StripLine(name);
        name = NativeNames.StripBuildNoise(name);
        name = NativeNames.StripAddresses(name);
        name = Signatures.StripArguments(name);
        name = NativeNames.StripRustHash(name);
        name = NativeNames.Go(name);
        name = DotNetNames.CompilerGenerated(name);
        name = ScriptNames.AnonymousIn(name, frame.File) ?? name;
        if (name.Length == 0)
        {
            return Unresolved(module);
        }

        return module is null ? name : module + "!" + name;
    }

    // "HotApp!HotApp.Work.Run" → module "hotapp", name "HotApp.Work.Run"; "?!0x7f…" → "?".
    private static string? SplitModule(ref string name)
    {
        if (!name.Contains('!', StringComparison.Ordinal))
        {
            return null;
        }

        var m = ModulePrefix().Match(name);
        if (!m.Success)
        {
            return null;
        }

        name = name[m.Length..];
        var module = m.Groups["module"].Value;
        return module == "?" ? "?" : module.ToLowerInvariant();
    }

    private static string Unresolved(string? module) =>
        module is null or "?" ? Frame.UnresolvedName : "[" + module + "]";

    private static string? ModuleFileName(string? module)
    {
        if (string.IsNullOrWhiteSpace(module))
        {
            return null;
        }

        var trimmed = module.Trim().Trim('(', ')', '[', ']');
        var cut = trimmed.LastIndexOfAny(['/', '\\']);
        var file = (cut >= 0 ? trimmed[(cut + 1)..] : trimmed).ToLowerInvariant();
        return file is "" or "unknown" ? null : file;
    }

    [GeneratedRegex(@"^(?<module>\?|[A-Za-z0-9_][A-Za-z0-9_.\-]*)!(?=[^=\s])", RegexOptions.CultureInvariant)]
    private static partial Regex ModulePrefix();

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant)]
    private static partial Regex Whitespace();
}
