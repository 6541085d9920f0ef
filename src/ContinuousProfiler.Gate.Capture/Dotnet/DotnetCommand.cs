using System.Collections.Immutable;

namespace ContinuousProfiler.Gate.Capture.Dotnet;

/// <summary>
/// A command line seen as a .NET command: which kind it is and the rewrites capture needs
/// (<c>--no-build</c>, a runsettings file, a TRX logger, the separate build step).
/// </summary>
/// <param name="Kind">The kind of command.</param>
/// <param name="Command">The resolved program and its arguments.</param>
public sealed record DotnetCommand(DotnetCommandKind Kind, ImmutableArray<string> Command)
{
    private static readonly HashSet<string> TestValueOptions = new(StringComparer.Ordinal)
    {
        "-c", "--configuration", "-f", "--framework", "-r", "--runtime", "-s", "--settings", "-l", "--logger",
        "-o", "--output", "-a", "--test-adapter-path", "--filter", "--results-directory", "-d", "--diag",
        "-e", "--environment", "--arch", "--os", "-v", "--verbosity", "--collect", "--blame-hang-timeout",
        "--blame-crash-dump-type", "--blame-hang-dump-type", "--property", "--project", "--solution", "--artifacts-path",
    };

    private static readonly HashSet<string> BuildValueOptions = new(StringComparer.Ordinal)
    {
        "-c", "--configuration", "-f", "--framework", "-r", "--runtime", "--arch", "--os", "--artifacts-path",
    };

    /// <summary>Classifies a resolved command line.</summary>
    public static DotnetCommand Classify(ImmutableArray<string> command)
    {
        var program = Path.GetFileNameWithoutExtension(command[0]);
        if (string.Equals(program, "dotnet", StringComparison.OrdinalIgnoreCase))
        {
            var verb = command.Length > 1 ? command[1] : "";
            return new(verb switch { "test" => DotnetCommandKind.Test, "run" => DotnetCommandKind.Run, _ => DotnetCommandKind.Program }, command);
        }

        // An apphost "App" (or "App.exe") sits next to App.dll and App.runtimeconfig.json; names may contain dots.
        var stem = command[0].EndsWith(".exe", StringComparison.OrdinalIgnoreCase) ? command[0][..^4] : command[0];
        var isApphost = File.Exists(stem + ".dll") && File.Exists(stem + ".runtimeconfig.json");
        return new(isApphost ? DotnetCommandKind.Program : DotnetCommandKind.NotDotnet, command);
    }

    /// <summary>True for <c>dotnet test</c>/<c>dotnet run</c> without <c>--no-build</c>: capture builds once first.</summary>
    public bool NeedsBuild => Kind is DotnetCommandKind.Test or DotnetCommandKind.Run && !Options().Contains("--no-build");

    /// <summary>The user's <c>--settings</c> file of a <c>dotnet test</c>, or null.</summary>
    public string? UserSettings => ValueOf("-s", "--settings");

    /// <summary>
    /// The separate, untraced build: <c>dotnet build</c> with the project and the options that select
    /// what is built (configuration, framework, runtime, properties).
    /// </summary>
    public ImmutableArray<string> BuildCommand()
    {
        var build = ImmutableArray.CreateBuilder<string>();
        build.Add(Command[0]);
        build.Add("build");
        var options = Options();
        for (var i = 0; i < options.Count; i++)
        {
            var token = options[i];
            if (BuildValueOptions.Contains(token) && i + 1 < options.Count)
            {
                build.Add(token);
                build.Add(options[++i]);
            }
            else if (token is "--project" && i + 1 < options.Count)
            {
                build.Add(options[++i]);
            }
            else if (token.StartsWith("-p:", StringComparison.Ordinal) || token.StartsWith("/p:", StringComparison.Ordinal) || token.StartsWith("--property:", StringComparison.Ordinal))
            {
                build.Add(token);
            }
            else if (Kind == DotnetCommandKind.Test && TestValueOptions.Contains(token))
            {
                i++;
            }
            else if (Kind == DotnetCommandKind.Test && !token.StartsWith('-'))
            {
                build.Add(token);
            }
        }

        return build.ToImmutable();
    }

    /// <summary>The command with <c>--no-build</c> added (when it is not there yet).</summary>
    public DotnetCommand WithNoBuild() => Options().Contains("--no-build") ? this : WithOptions("--no-build");

    /// <summary>The <c>dotnet test</c> command with its <c>--settings</c> replaced by <paramref name="settings"/>.</summary>
    public DotnetCommand WithSettings(string settings)
    {
        var options = Options();
        var kept = new List<string>();
        for (var i = 0; i < options.Count; i++)
        {
            if (options[i] is "-s" or "--settings")
            {
                i++;
                continue;
            }

            kept.Add(options[i]);
        }

        return new DotnetCommand(Kind, [Command[0], Command[1], .. kept, .. Rest()]).WithOptions("--settings", settings);
    }

    /// <summary>The <c>dotnet test</c> command with a TRX logger writing to <paramref name="trxPath"/>.</summary>
    public DotnetCommand WithTrxLogger(string trxPath) => WithOptions("--logger", $"trx;LogFileName={trxPath}");

    private DotnetCommand WithOptions(params string[] added) =>
        new(Kind, [Command[0], Command[1], .. Options(), .. added, .. Rest()]);

    private string? ValueOf(string shortName, string longName)
    {
        var options = Options();
        for (var i = 0; i + 1 < options.Count; i++)
        {
            if (options[i] == shortName || options[i] == longName)
            {
                return options[i + 1];
            }
        }

        return null;
    }

    // The verb's own arguments, up to a "--" separator (after it come runsettings or the app's arguments).
    private List<string> Options()
    {
        var options = new List<string>();
        for (var i = 2; i < Command.Length && Command[i] != "--"; i++)
        {
            options.Add(Command[i]);
        }

        return options;
    }

    private IEnumerable<string> Rest()
    {
        var separator = Command.IndexOf("--");
        return separator < 2 ? [] : Command[separator..];
    }
}
