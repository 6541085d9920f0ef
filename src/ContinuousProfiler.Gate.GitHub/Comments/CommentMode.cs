using ContinuousProfiler.Gate.Core;

namespace ContinuousProfiler.Gate.GitHub.Comments;

/// <summary>When the gate writes its PR comment (the action's <c>comment</c> input).</summary>
public enum CommentMode
{
    /// <summary>Create the comment, or update it whenever its content changed.</summary>
    Always,

    /// <summary>Update an existing comment only when the result changed; create one only when there is something to report.</summary>
    OnChange,

    /// <summary>Never touch comments (the job summary and exit code still report).</summary>
    Never,
}

/// <summary>Parses <see cref="CommentMode"/> from <c>always</c>, <c>on-change</c>, <c>never</c>.</summary>
public static class CommentModes
{
    /// <summary>Parses <paramref name="value"/>; <paramref name="source"/> names the flag or input in errors.</summary>
    public static CommentMode Parse(string value, string source) => value.Trim().ToLowerInvariant() switch
    {
        "always" => CommentMode.Always,
        "on-change" or "onchange" or "on_change" => CommentMode.OnChange,
        "never" or "off" or "false" => CommentMode.Never,
        _ => throw new InputException($"{source}: '{value}' is not a comment mode; expected always, on-change or never"),
    };
}
