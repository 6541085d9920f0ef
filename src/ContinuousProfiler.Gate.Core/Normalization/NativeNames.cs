using System.Text.RegularExpressions;

namespace ContinuousProfiler.Gate.Core.Normalization;

/// <summary>Built-in rules for native and Go/Rust/Java names: addresses, offsets, hashes, closures, clones.</summary>
internal static partial class NativeNames
{
    /// <summary>True for a bare code address (<c>0x7f3a1b2c</c>, or 8–16 hex digits with a digit among them) or <c>[unknown]</c>.</summary>
    public static bool IsAddress(string name) =>
        name == "[unknown]" || name == "?" || (name.Length >= 3 && char.IsAsciiHexDigit(name[0]) && BareAddress().IsMatch(name));

    /// <summary>
    /// Offsets and literal addresses: <c>memcpy+0x1a</c> → <c>memcpy</c>; any other <c>0x1f2e</c> → <c>0x...</c>
    /// (the same token FlameGraph's <c>difffolded.pl -s</c> writes).
    /// </summary>
    public static string StripAddresses(string name)
    {
        if (!name.Contains("0x", StringComparison.OrdinalIgnoreCase))
        {
            return name;
        }

        name = Offset().Replace(name, "");
        return HexLiteral().Replace(name, "0x...");
    }

    /// <summary>Rust legacy symbol hash: <c>core::fmt::write::h0123456789abcdef</c> → <c>core::fmt::write</c>.</summary>
    public static string StripRustHash(string name) =>
        name.Length > 18 && name[^18] == ':' ? RustHash().Replace(name, "") : name;

    /// <summary>
    /// pprof-rs names carry their source line: <c>main.rs:127 - server::find_nearest_vehicle</c> →
    /// <c>server::find_nearest_vehicle</c>.
    /// </summary>
    public static string StripRustPosition(string name) =>
        name.Contains(".rs:", StringComparison.Ordinal) ? RustPosition().Replace(name, "") : name;

    /// <summary>
    /// Go generic instantiations (<c>pkg.(*Client[go.shape.int]).Call</c>, <c>pkg.Map[...]</c>) lose their
    /// type arguments, as pyroscope does; then closure numbering goes:
    /// <c>main.run.func1.2</c> → <c>main.run.func</c>, <c>gowrap1</c> → <c>gowrap</c>.
    /// </summary>
    public static string Go(string name)
    {
        if (name.Contains("[...]", StringComparison.Ordinal) || name.Contains("[go.shape.", StringComparison.Ordinal))
        {
            name = StripGoTypeArguments(name);
        }

        return name.Contains("func", StringComparison.Ordinal) || name.Contains("wrap", StringComparison.Ordinal)
            ? GoClosure().Replace(name, ".${kind}")
            : name;
    }

    /// <summary>
    /// GCC clone suffixes and JVM hidden-class numbers that change on every build or run:
    /// <c>f(Node*) [clone .part.114]</c> → <c>f(Node*)</c>, <c>g.constprop.0</c> → <c>g</c>,
    /// <c>Spec$$Lambda$10462.775835262.apply</c> → <c>Spec$$Lambda.apply</c>,
    /// async-profiler's compile-tier marks <c>_[j]</c>, <c>_[i]</c>, <c>_[0]</c>, <c>_[1]</c> (but not the kernel's <c>_[k]</c>).
    /// </summary>
    public static string StripBuildNoise(string name)
    {
        if (name.Contains("[clone ", StringComparison.Ordinal))
        {
            name = GccClone().Replace(name, "");
        }

        if (name.Contains('.', StringComparison.Ordinal) && LooksGccSuffixed(name))
        {
            name = GccSuffix().Replace(name, "");
        }

        if (name.Contains("$$Lambda", StringComparison.Ordinal))
        {
            name = JavaLambda().Replace(name, "$$$$Lambda");
        }

        return name.EndsWith(']') ? AsyncProfilerTier().Replace(name, "") : name;
    }

    private static bool LooksGccSuffixed(string name)
    {
        foreach (var marker in (ReadOnlySpan<string>)[".part", ".constprop", ".isra", ".lto_priv", ".cold"])
        {
            if (name.Contains(marker, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static string StripGoTypeArguments(string name)
    {
        var result = new System.Text.StringBuilder(name.Length);
        for (var i = 0; i < name.Length; i++)
        {
            if (name[i] == '[' && i > 0 && (string.CompareOrdinal(name, i, "[...]", 0, 5) == 0 || string.CompareOrdinal(name, i, "[go.shape.", 0, 10) == 0))
            {
                var end = Brackets.FindClose(name, i);
                if (end > 0)
                {
                    i = end;
                    continue;
                }
            }

            result.Append(name[i]);
        }

        return result.ToString();
    }

    [GeneratedRegex(@"^(?:0[xX][0-9a-fA-F]+|(?=[a-fA-F]*[0-9])[0-9a-fA-F]{8,16})$", RegexOptions.CultureInvariant)]
    private static partial Regex BareAddress();

    [GeneratedRegex(@"\+0[xX][0-9a-fA-F]+(?:/0[xX][0-9a-fA-F]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Offset();

    [GeneratedRegex(@"(?<![A-Za-z0-9_])0[xX][0-9a-fA-F]+", RegexOptions.CultureInvariant)]
    private static partial Regex HexLiteral();

    [GeneratedRegex(@"::h[0-9a-f]{16}$", RegexOptions.CultureInvariant)]
    private static partial Regex RustHash();

    [GeneratedRegex(@"^[^\s:]+\.rs:\d+ - ", RegexOptions.CultureInvariant)]
    private static partial Regex RustPosition();

    [GeneratedRegex(@"\.(?<kind>func|gowrap|deferwrap)\d+(?:\.\d+)*(?=$|\.|\[)", RegexOptions.CultureInvariant)]
    private static partial Regex GoClosure();

    [GeneratedRegex(@"\s*\[clone [^\]]*\]", RegexOptions.CultureInvariant)]
    private static partial Regex GccClone();

    [GeneratedRegex(@"(?:\.(?:part|constprop|isra|lto_priv|cold)(?:\.\d+)?)+$", RegexOptions.CultureInvariant)]
    private static partial Regex GccSuffix();

    [GeneratedRegex(@"\$\$Lambda(?:\$\d+)?(?:[./](?:0[xX][0-9a-fA-F]+|0x\.\.\.|\d+))?", RegexOptions.CultureInvariant)]
    private static partial Regex JavaLambda();

    [GeneratedRegex(@"_\[[ij0-4]\]$", RegexOptions.CultureInvariant)]
    private static partial Regex AsyncProfilerTier();
}
