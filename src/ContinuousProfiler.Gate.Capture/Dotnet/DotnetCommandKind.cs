namespace ContinuousProfiler.Gate.Capture.Dotnet;

/// <summary>What kind of command capture was given.</summary>
public enum DotnetCommandKind
{
    /// <summary>Not a .NET program as far as the command line shows.</summary>
    NotDotnet,

    /// <summary><c>dotnet test …</c> (VSTest: the test host is traced through runsettings).</summary>
    Test,

    /// <summary><c>dotnet run …</c> (built first, then run with <c>--no-build</c>).</summary>
    Run,

    /// <summary>Any other .NET program: <c>dotnet app.dll</c>, <c>dotnet exec</c>, an apphost, an xunit.v3 or MTP test executable.</summary>
    Program,
}
