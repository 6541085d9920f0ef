namespace ContinuousProfiler.Gate.GitHub.Actions;

/// <summary>
/// The GitHub Actions environment, read once through one abstraction so that every other part (and
/// every test) gets its values from here, never from <see cref="Environment"/> directly.
/// Empty variables read as null.
/// </summary>
public sealed record ActionsEnvironment
{
    /// <summary>True when <c>GITHUB_ACTIONS=true</c>.</summary>
    public bool IsActions { get; init; }

    /// <summary><c>GITHUB_EVENT_NAME</c>: <c>pull_request</c>, <c>push</c>, <c>workflow_run</c>, …</summary>
    public string? EventName { get; init; }

    /// <summary><c>GITHUB_EVENT_PATH</c>: the webhook payload that triggered the run.</summary>
    public string? EventPath { get; init; }

    /// <summary><c>GITHUB_REPOSITORY</c>: <c>owner/name</c>.</summary>
    public string? Repository { get; init; }

    /// <summary><c>GITHUB_SHA</c>: for <c>pull_request</c> the merge commit, for <c>workflow_run</c> the default branch's tip.</summary>
    public string? Sha { get; init; }

    /// <summary><c>GITHUB_REF</c>.</summary>
    public string? Ref { get; init; }

    /// <summary><c>GITHUB_BASE_REF</c>: the PR's base branch (pull_request events only).</summary>
    public string? BaseRef { get; init; }

    /// <summary><c>GITHUB_HEAD_REF</c>: the PR's head branch (pull_request events only).</summary>
    public string? HeadRef { get; init; }

    /// <summary><c>GITHUB_RUN_ID</c>.</summary>
    public string? RunId { get; init; }

    /// <summary><c>GITHUB_RUN_ATTEMPT</c>.</summary>
    public string? RunAttempt { get; init; }

    /// <summary><c>GITHUB_WORKFLOW</c>: the workflow's name.</summary>
    public string? Workflow { get; init; }

    /// <summary><c>GITHUB_SERVER_URL</c> (default <c>https://github.com</c>).</summary>
    public string ServerUrl { get; init; } = "https://github.com";

    /// <summary><c>GITHUB_API_URL</c> (default <c>https://api.github.com</c>).</summary>
    public string ApiUrl { get; init; } = "https://api.github.com";

    /// <summary><c>GITHUB_STEP_SUMMARY</c>: the job summary file to append Markdown to.</summary>
    public string? StepSummary { get; init; }

    /// <summary><c>GITHUB_OUTPUT</c>: the step outputs file.</summary>
    public string? Output { get; init; }

    /// <summary><c>GITHUB_WORKSPACE</c>.</summary>
    public string? Workspace { get; init; }

    /// <summary><c>GITHUB_TOKEN</c> (or <c>GH_TOKEN</c>): the token for the REST API.</summary>
    public string? Token { get; init; }

    /// <summary>Reads every value through <paramref name="getVariable"/> (the CLI passes its context's reader).</summary>
    public static ActionsEnvironment Read(Func<string, string?> getVariable)
    {
        string? Get(string name) => getVariable(name) is { Length: > 0 } value ? value : null;
        return new ActionsEnvironment
        {
            IsActions = string.Equals(Get("GITHUB_ACTIONS"), "true", StringComparison.OrdinalIgnoreCase),
            EventName = Get("GITHUB_EVENT_NAME"),
            EventPath = Get("GITHUB_EVENT_PATH"),
            Repository = Get("GITHUB_REPOSITORY"),
            Sha = Get("GITHUB_SHA"),
            Ref = Get("GITHUB_REF"),
            BaseRef = Get("GITHUB_BASE_REF"),
            HeadRef = Get("GITHUB_HEAD_REF"),
            RunId = Get("GITHUB_RUN_ID"),
            RunAttempt = Get("GITHUB_RUN_ATTEMPT"),
            Workflow = Get("GITHUB_WORKFLOW"),
            ServerUrl = (Get("GITHUB_SERVER_URL") ?? "https://github.com").TrimEnd('/'),
            ApiUrl = (Get("GITHUB_API_URL") ?? "https://api.github.com").TrimEnd('/'),
            StepSummary = Get("GITHUB_STEP_SUMMARY"),
            Output = Get("GITHUB_OUTPUT"),
            Workspace = Get("GITHUB_WORKSPACE"),
            Token = Get("GITHUB_TOKEN") ?? Get("GH_TOKEN"),
        };
    }

    /// <summary>The link to this workflow run, when the run id and repository are known.</summary>
    public string? RunUrl => RunId is not null && Repository is not null ? $"{ServerUrl}/{Repository}/actions/runs/{RunId}" : null;
}
