using System.Collections.Immutable;

namespace ContinuousProfiler.Gate.Testing.GitHub;

/// <summary>A repository the fake knows (the main one, or a fork that opens pull requests).</summary>
public sealed record FakeRepository(long Id, string Owner, string Name)
{
    public string FullName => $"{Owner}/{Name}";
}

/// <summary>A workflow run. <see cref="HeadRepository"/> differs from the fake's repository for fork runs.</summary>
public sealed record FakeWorkflowRun
{
    public long Id { get; init; }
    public string Event { get; init; } = "push";
    public string? HeadBranch { get; init; } = "main";
    public string HeadSha { get; init; } = "";
    public FakeRepository? HeadRepository { get; init; }
    public string Status { get; init; } = "completed";
    public string? Conclusion { get; init; } = "success";
    public ImmutableArray<int> PullRequests { get; init; } = [];
    public DateTimeOffset CreatedAt { get; init; } = FakeGitHubApi.Epoch;
}

/// <summary>An artifact of a run, with its zip bytes.</summary>
public sealed record FakeArtifact
{
    public long Id { get; init; }
    public string Name { get; init; } = "";
    public long RunId { get; init; }
    public byte[] Zip { get; init; } = [];
    public bool Expired { get; init; }
    public DateTimeOffset CreatedAt { get; init; } = FakeGitHubApi.Epoch;
    public DateTimeOffset ExpiresAt { get; init; } = FakeGitHubApi.Epoch.AddDays(90);
}

/// <summary>An issue or pull-request comment.</summary>
public sealed record FakeComment(long Id, int IssueNumber, string Body, string User, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

/// <summary>A commit status.</summary>
public sealed record FakeStatus(long Id, string Sha, string State, string Context, string? Description, string? TargetUrl, DateTimeOffset CreatedAt);

/// <summary>A check run.</summary>
public sealed record FakeCheckRun
{
    public long Id { get; init; }
    public string Name { get; init; } = "";
    public string HeadSha { get; init; } = "";
    public string Status { get; init; } = "queued";
    public string? Conclusion { get; init; }
    public string? Title { get; init; }
    public string? Summary { get; init; }
    public string? Text { get; init; }
    public string? DetailsUrl { get; init; }
    public DateTimeOffset StartedAt { get; init; } = FakeGitHubApi.Epoch;
    public DateTimeOffset? CompletedAt { get; init; }
}

/// <summary>A commit of a pull request.</summary>
public sealed record FakeCommit(string Sha, string Message);

/// <summary>A pull request. <see cref="HeadRepository"/> is a fork for fork pull requests.</summary>
public sealed record FakePullRequest
{
    public int Number { get; init; }
    public string Title { get; init; } = "A change";
    public string HeadRef { get; init; } = "feature";
    public string HeadSha { get; init; } = "";
    public string BaseRef { get; init; } = "main";
    public string BaseSha { get; init; } = "";
    public FakeRepository? HeadRepository { get; init; }
    public ImmutableArray<string> Labels { get; init; } = [];
    public ImmutableArray<FakeCommit> Commits { get; init; } = [];
}

/// <summary>One request the fake answered (blob downloads included).</summary>
public sealed record FakeExchange(
    string Method,
    string Path,
    string? OperationId,
    string? RouteTemplate,
    ImmutableDictionary<string, string> Query,
    string? RequestBody,
    int Status,
    string? ResponseBody,
    string Host,
    bool HadAuthorization);
