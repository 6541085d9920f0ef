using System.Text.Json.Nodes;
using ContinuousProfiler.Gate.Testing;

namespace ContinuousProfiler.Gate.GitHub.Tests.ActionRunner;

/// <summary>
/// Runs a composite action.yml the way the runner does, for tests: evaluates <c>if:</c>, <c>env:</c>
/// and <c>with:</c> expressions, runs each <c>run:</c> step with bash (<c>bash --noprofile --norc -eo pipefail</c>,
/// as GitHub does) with a fresh <c>GITHUB_OUTPUT</c> file per step, and hands <c>uses:</c> steps to
/// handlers the test supplies (upload, download, cache…). After a failing step the rest are skipped, as with the default <c>if: success()</c>.
/// </summary>
public sealed class CompositeActionRunner(string actionPath, string actionDirectory, string workspace, string runnerTemp)
{
    private readonly Dictionary<string, object?> _action = YamlTree.Load(actionPath);
    private readonly Dictionary<string, Dictionary<string, string>> _steps = new(StringComparer.Ordinal);

    /// <summary>The <c>with:</c> inputs given to the action (unset inputs take their defaults).</summary>
    public Dictionary<string, string> Inputs { get; } = new(StringComparer.Ordinal);

    /// <summary>The webhook payload (<c>github.event</c>).</summary>
    public JsonObject Event { get; set; } = [];

    /// <summary>Scalar <c>github.*</c> values (event_name, sha, token, repository, run_id, …).</summary>
    public Dictionary<string, string> GitHub { get; } = new(StringComparer.Ordinal);

    /// <summary>Extra process environment for every <c>run:</c> step (the runner's GITHUB_* variables).</summary>
    public Dictionary<string, string?> Environment { get; } = new(StringComparer.Ordinal);

    /// <summary>Handlers for <c>uses:</c> steps, keyed by the action without its version (e.g. <c>actions/upload-artifact</c>); they return the step's outputs.</summary>
    public Dictionary<string, Func<Dictionary<string, string>, Dictionary<string, string>>> Uses { get; } = new(StringComparer.Ordinal);

    /// <summary>The job summary file shared by all steps.</summary>
    public string StepSummary => Path.Combine(runnerTemp, "step-summary.md");

    /// <summary>Runs every step; returns what happened.</summary>
    public ActionRun Run()
    {
        var records = new List<StepRecord>();
        var eventPath = Path.Combine(runnerTemp, "event.json");
        File.WriteAllText(eventPath, Event.ToJsonString());
        foreach (var (step, index) in _action.Map("runs").List("steps").Cast<Dictionary<string, object?>>().Select((s, i) => (s, i)))
        {
            var id = step.Str("id");
            var name = step.Str("name") ?? id ?? $"step {index + 1}";
            var failed = records.Any(r => r.ExitCode != 0);
            if (failed || (step.Str("if") is { } condition && !Expression.IsTruthy(Expression.Evaluate(Strip(condition), Lookup))))
            {
                records.Add(new StepRecord(id, name, false, 0, "", "", [], []));
                continue;
            }

            var with = step.Map("with").ToDictionary(kv => kv.Key, kv => Interpolate((string?)kv.Value), StringComparer.Ordinal);
            StepRecord record;
            if (step.Str("uses") is { } uses)
            {
                var key = uses.Split('@')[0];
                if (!Uses.TryGetValue(key, out var handler))
                {
                    throw new InvalidOperationException($"no test handler for uses: {uses}");
                }

                record = new StepRecord(id, name, true, 0, "", "", handler(with), with);
            }
            else
            {
                record = RunShell(step, id, name, eventPath);
            }

            records.Add(record);
            if (id is not null)
            {
                _steps[id] = record.Outputs;
            }
        }

        var outputs = _action.Map("outputs").ToDictionary(
            kv => kv.Key,
            kv => Interpolate(((Dictionary<string, object?>)kv.Value!).Str("value")),
            StringComparer.Ordinal);
        return new ActionRun(records, outputs);
    }

    private StepRecord RunShell(Dictionary<string, object?> step, string? id, string name, string eventPath)
    {
        if (step.Str("shell") != "bash")
        {
            throw new InvalidOperationException($"step '{name}': every run: step must say shell: bash");
        }

        var output = Path.Combine(runnerTemp, $"output-{Guid.NewGuid():N}");
        File.WriteAllText(output, "");
        var script = Path.Combine(runnerTemp, $"step-{Guid.NewGuid():N}.sh");
        File.WriteAllText(script, step.Str("run"));
        var env = new Dictionary<string, string?>(Environment, StringComparer.Ordinal)
        {
            ["GITHUB_ACTION_PATH"] = actionDirectory,
            ["GITHUB_OUTPUT"] = output,
            ["GITHUB_STEP_SUMMARY"] = StepSummary,
            ["GITHUB_EVENT_PATH"] = eventPath,
            ["GITHUB_WORKSPACE"] = workspace,
            ["RUNNER_TEMP"] = runnerTemp,
        };
        foreach (var (key, value) in step.Map("env"))
        {
            env[key] = Interpolate((string?)value);
        }

        var result = ProcessRunner.Run("bash", ["--noprofile", "--norc", "-eo", "pipefail", script], workspace, environment: env, timeoutMs: 240_000);
        return new StepRecord(id, name, true, result.ExitCode, result.StdOut, result.StdErr, ReadOutputs(File.ReadAllText(output)), []);
    }

    /// <summary>Parses a GITHUB_OUTPUT file: <c>name=value</c> lines and <c>name&lt;&lt;DELIM</c> heredocs.</summary>
    public static Dictionary<string, string> ReadOutputs(string text)
    {
        var outputs = new Dictionary<string, string>(StringComparer.Ordinal);
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            var heredoc = line.IndexOf("<<", StringComparison.Ordinal);
            var equals = line.IndexOf('=');
            if (heredoc > 0 && (equals < 0 || heredoc < equals))
            {
                var delimiter = line[(heredoc + 2)..];
                var body = new List<string>();
                while (lines[++i] != delimiter)
                {
                    body.Add(lines[i]);
                }

                outputs[line[..heredoc]] = string.Join("\n", body);
            }
            else if (equals > 0)
            {
                outputs[line[..equals]] = line[(equals + 1)..];
            }
        }

        return outputs;
    }

    private string Interpolate(string? text) => text is null ? "" : Expression.Interpolate(text, Lookup);

    private static string Strip(string condition)
    {
        var trimmed = condition.Trim();
        return trimmed.StartsWith("${{", StringComparison.Ordinal) && trimmed.EndsWith("}}", StringComparison.Ordinal) ? trimmed[3..^2] : trimmed;
    }

    private object? Lookup(IReadOnlyList<string> path)
    {
        switch (path[0])
        {
            case "inputs":
                return Input(path[1]);
            case "steps" when path.Count == 4 && path[2] == "outputs":
                return _steps.TryGetValue(path[1], out var outputs) ? outputs.GetValueOrDefault(path[3]) : null;
            case "runner":
                return path[1] switch { "temp" => runnerTemp, "os" => "Linux", _ => throw new NotSupportedException($"runner.{path[1]}") };
            case "github" when path.Count > 1 && path[1] == "event":
                JsonNode? node = Event;
                foreach (var name in path.Skip(2))
                {
                    node = node is JsonObject o ? o[name] : null;
                }

                return node;
            case "github" when path.Count == 2:
                return path[1] == "action_path" ? actionDirectory : GitHub.GetValueOrDefault(path[1]);
            default:
                throw new NotSupportedException($"context {string.Join('.', path)} is not supported by the test runner");
        }
    }

    private string Input(string name)
    {
        if (Inputs.TryGetValue(name, out var given))
        {
            return given;
        }

        var declared = _action.Map("inputs");
        if (!declared.TryGetValue(name, out var input))
        {
            throw new InvalidOperationException($"action.yml uses inputs.{name}, which it does not declare");
        }

        return Interpolate(((Dictionary<string, object?>)input!).Str("default"));
    }
}

/// <summary>One step's result.</summary>
public sealed record StepRecord(string? Id, string Name, bool Ran, int ExitCode, string StdOut, string StdErr, Dictionary<string, string> Outputs, Dictionary<string, string> With);

/// <summary>The whole run: every step (skipped ones with <see cref="StepRecord.Ran"/> false) and the action's outputs.</summary>
public sealed record ActionRun(IReadOnlyList<StepRecord> Steps, Dictionary<string, string> Outputs)
{
    /// <summary>The step with <paramref name="id"/>.</summary>
    public StepRecord Step(string id) => Steps.Single(s => s.Id == id);

    /// <summary>True when every step that ran succeeded.</summary>
    public bool Succeeded => Steps.All(s => s.ExitCode == 0);

    /// <summary>Everything the shell steps printed, for assertion messages.</summary>
    public string Log => string.Join("\n", Steps.Where(s => s.Ran).Select(s => $"--- {s.Name} (exit {s.ExitCode})\n{s.StdOut}{s.StdErr}"));
}
