using System.Collections.Immutable;

namespace ContinuousProfiler.Gate.Capture.Running;

/// <summary>The scenario name of a command that is not split into tests: <c>--name</c>, else the program's name.</summary>
public static class ScenarioNaming
{
    public static string ForCommand(CaptureOptions options, ImmutableArray<string> command)
    {
        if (options.Name is { Length: > 0 } name)
        {
            return name;
        }

        var program = WithoutExtension(Path.GetFileName(command[0]));
        if (!string.Equals(program, "dotnet", StringComparison.OrdinalIgnoreCase))
        {
            return program;
        }

        for (var i = 1; i < command.Length; i++)
        {
            if (command[i] == "--project" && i + 1 < command.Length)
            {
                var project = Path.GetFileName(command[i + 1].TrimEnd('/', '\\'));
                return project.EndsWith("proj", StringComparison.OrdinalIgnoreCase) ? Path.GetFileNameWithoutExtension(project) : project;
            }

            if (command[i].EndsWith(".dll", StringComparison.OrdinalIgnoreCase) || command[i].EndsWith(".csproj", StringComparison.OrdinalIgnoreCase))
            {
                return Path.GetFileNameWithoutExtension(command[i]);
            }
        }

        return command.Length > 1 ? $"dotnet-{command[1]}" : "dotnet";
    }

    // Program names may contain dots (Sample.Lib.Tests); only executable extensions are dropped.
    private static string WithoutExtension(string name) =>
        name.EndsWith(".exe", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".dll", StringComparison.OrdinalIgnoreCase) ? name[..^4] : name;
}
