using ContinuousProfiler.Gate.Cli.Commands;
using ContinuousProfiler.Gate.GitHub.Comments;

namespace ContinuousProfiler.Gate.Cli.Gate;

/// <summary>Which part of <c>profgate gate</c> runs (the action runs render, uploads the report, then publish).</summary>
internal enum GateStage
{
    /// <summary>Render, then publish, in one process.</summary>
    All,

    /// <summary>Compare and write the report, summary, step outputs and <c>gate-result.json</c>.</summary>
    Render,

    /// <summary>Read <c>gate-result.json</c>, comment, set the status, exit with the verdict.</summary>
    Publish,
}

/// <summary>The bound options of <c>profgate gate</c>.</summary>
/// <param name="Stage">Which part runs.</param>
/// <param name="Head">Head's ProfileSet folder (render).</param>
/// <param name="Base">An explicit base ProfileSet folder instead of the store (render).</param>
/// <param name="Out">The folder for report.html, summary.md, comment.md and gate-result.json.</param>
/// <param name="Group">The scenario group (default: head's manifest group).</param>
/// <param name="BaseBranch">The base branch (default: the PR's, else GITHUB_BASE_REF, else the remote's default).</param>
/// <param name="Templates">A folder overriding the embedded report templates.</param>
/// <param name="NoFetch">Never fetch from the remote.</param>
/// <param name="Comment">When to write the PR comment (publish).</param>
/// <param name="FailOnRegression">Exit 1 on a failing verdict (publish).</param>
/// <param name="ReportUrl">The uploaded report's link for the comment and status (publish).</param>
/// <param name="Store">The store, repository, token, API URL and config.</param>
internal sealed record GateOptions(
    GateStage Stage,
    string? Head,
    string? Base,
    string Out,
    string? Group,
    string? BaseBranch,
    string? Templates,
    bool NoFetch,
    CommentMode Comment,
    bool FailOnRegression,
    string? ReportUrl,
    StoreSelection Store);
