using System.Text.Json;
using System.Text.Json.Serialization;
using ContinuousProfiler.Gate.Core;
using ContinuousProfiler.Gate.Formats;

namespace ContinuousProfiler.Gate.Cli.Gate;

/// <summary>
/// What the render stage decided, kept in <c>gate-result.json</c> for the publish stage (which runs after
/// the action uploaded the report): the verdict, the comment bodies and where to post them.
/// </summary>
internal sealed record GateResult
{
    /// <summary>The file name inside the output folder.</summary>
    public const string FileName = "gate-result.json";

    /// <summary>Stands for the report's link in <see cref="Comment"/> until publish knows it.</summary>
    public const string ReportUrlPlaceholder = "https://profgate.invalid/report-url";

    /// <summary>The layout version of this file.</summary>
    public int SchemaVersion { get; init; } = 1;

    /// <summary><c>pass</c>, <c>fail</c> or <c>none</c> (no baseline).</summary>
    public required string Verdict { get; init; }

    /// <summary>Fail-level regressions.</summary>
    public int Regressions { get; init; }

    /// <summary>Failures accepted by the label or a trailer.</summary>
    public int Accepted { get; init; }

    /// <summary>The baseline commit, or null.</summary>
    public string? BaselineCommit { get; init; }

    /// <summary>The scenario group.</summary>
    public required string Group { get; init; }

    /// <summary>The comment's hidden first line.</summary>
    public required string Marker { get; init; }

    /// <summary>The comment, its report link being <see cref="ReportUrlPlaceholder"/>.</summary>
    public required string Comment { get; init; }

    /// <summary>The comment without a report link (when the report could not be uploaded).</summary>
    public required string CommentWithoutReport { get; init; }

    /// <summary>Identifies the result, for <c>comment: on-change</c>.</summary>
    public required string Digest { get; init; }

    /// <summary>False for a clean pass: <c>on-change</c> opens no new comment for it.</summary>
    public bool HasNews { get; init; }

    /// <summary>The HTML report's absolute path.</summary>
    public required string ReportPath { get; init; }

    /// <summary>The CI run's link, when known.</summary>
    public string? RunUrl { get; init; }

    /// <summary>The repository comments and statuses go to.</summary>
    public string? Repository { get; init; }

    /// <summary>The PR reported on, or null.</summary>
    public GatePullRequest? PullRequest { get; init; }

    /// <summary>Why there is no PR to report on, when <see cref="PullRequest"/> is null.</summary>
    public string? NoPullRequestReason { get; init; }

    /// <summary>True to set a commit status on the PR head (report mode, where the job's own check is not on the PR).</summary>
    public bool PostStatus { get; init; }

    /// <summary>One line for the commit status.</summary>
    public required string StatusDescription { get; init; }

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = true,
    };

    /// <summary>Writes the file into <paramref name="directory"/> (temporary file, then rename).</summary>
    public void Write(string directory)
    {
        AtomicFile.WriteText(Path.Combine(directory, FileName), JsonSerializer.Serialize(this, Json) + "\n", "gate result");
    }

    /// <summary>Reads the file the render stage wrote into <paramref name="directory"/>.</summary>
    public static GateResult Read(string directory)
    {
        var path = Path.Combine(directory, FileName);
        try
        {
            return JsonSerializer.Deserialize<GateResult>(File.ReadAllText(path), Json)
                ?? throw new InputException($"{path}: empty; run 'profgate gate --stage render' first");
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new InputException($"{path}: not found; run 'profgate gate --stage render --out {directory}' before --stage publish");
        }
        catch (JsonException e)
        {
            throw new InputException($"{path}: not a gate result ({e.Message}); run 'profgate gate --stage render' again");
        }
    }
}

/// <summary>The PR a gate result belongs to.</summary>
/// <param name="Number">The PR number.</param>
/// <param name="HeadSha">The PR head commit (statuses go here).</param>
/// <param name="IsFork">True for a fork PR.</param>
/// <param name="Source">How it was found.</param>
internal sealed record GatePullRequest(int Number, string HeadSha, bool IsFork, string Source);
