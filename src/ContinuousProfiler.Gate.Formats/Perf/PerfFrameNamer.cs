using ContinuousProfiler.Gate.Core.Model;

namespace ContinuousProfiler.Gate.Formats.Perf;

/// <summary>
/// Turns one <c>perf script</c> frame line into collapsed frames the way <c>stackcollapse-perf.pl</c> does:
/// strip the offset, split <c>-&gt;</c> inline chains, name unresolved frames after their module, tidy
/// generic and Java names, and append the <c>_[i]</c>/<c>_[k]</c>/<c>_[j]</c> annotations.
/// </summary>
internal sealed class PerfFrameNamer(PerfCollapseOptions options)
{
    /// <summary>Adds the frames of one line, in root-to-leaf order, to <paramref name="frames"/>; adds none for skipped symbols.</summary>
    public void Name(PerfFrameLine line, bool javaProcess, List<Frame> frames)
    {
        var symbol = PerfScriptSyntax.SymbolOffset().Replace(line.Symbol, "");
        if (symbol.StartsWith('('))
        {
            return;
        }

        var parts = symbol.Split("->");
        var count = parts.Length;
        while (count > 0 && parts[count - 1].Length == 0)
        {
            count--;
        }

        var module = line.Module.Length == 0 ? null : line.Module;
        for (var i = 0; i < count; i++)
        {
            var name = Tidy(Resolve(parts[i], line), javaProcess);
            if (i > 0)
            {
                name = name.Contains("_[i]", StringComparison.Ordinal) ? name : name + "_[i]";
            }
            else if (options.AnnotateKernel && IsKernel(line.Module))
            {
                name += "_[k]";
            }
            else if (options.AnnotateJit && PerfScriptSyntax.JitMap().IsMatch(line.Module))
            {
                name = name.Contains("_[j]", StringComparison.Ordinal) ? name : name + "_[j]";
            }

            frames.Add(new Frame(name, module));
        }
    }

    private string Resolve(string function, PerfFrameLine line)
    {
        if (function != "[unknown]")
        {
            return function;
        }

        var known = line.Module != "[unknown]";
        var name = known ? line.Module[(line.Module.LastIndexOf('/') + 1)..] : "unknown";
        return options.IncludeAddresses ? $"[{name} <{line.Address}>]" : $"[{name}]";
    }

    private static string Tidy(string function, bool javaProcess)
    {
        var name = function.Replace(';', ':');
        if (!PerfScriptSyntax.GoMethod().IsMatch(name))
        {
            name = PerfScriptSyntax.ArgumentList().Replace(name, "", 1);
        }

        name = name.Replace("\"", "", StringComparison.Ordinal).Replace("'", "", StringComparison.Ordinal);
        if (javaProcess && name.StartsWith('L') && name.Contains('/', StringComparison.Ordinal))
        {
            name = name[1..];
        }

        return name;
    }

    private static bool IsKernel(string module) =>
        (module.StartsWith('[') || module.EndsWith("vmlinux", StringComparison.Ordinal))
        && !module.Contains("unknown", StringComparison.Ordinal);
}
