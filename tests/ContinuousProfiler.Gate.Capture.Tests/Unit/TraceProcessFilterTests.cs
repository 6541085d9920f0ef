using ContinuousProfiler.Gate.Capture.Dotnet;
using ContinuousProfiler.Gate.Core.Model;
using Xunit;

namespace ContinuousProfiler.Gate.Capture.Tests.Unit;

public sealed class TraceProcessFilterTests
{
    [Theory]
    [InlineData("process 12: /usr/share/dotnet/dotnet /usr/share/dotnet/sdk/10.0.401/dotnet.dll test x.csproj", "app", true)]
    [InlineData("process 13: dotnet /usr/share/dotnet/sdk/10.0.401/MSBuild.dll /nodemode:1", "app", true)]
    [InlineData("process 14: dotnet exec /usr/share/dotnet/sdk/10.0.401/Roslyn/bincore/csc.dll @x.rsp", "app", true)]
    [InlineData("process 15: /usr/share/dotnet/dotnet /src/bin/App.dll 40", "app", false)]
    [InlineData("process 16: Process(16)", "vstest.console", true)]
    [InlineData("process 17: Process(17)", "testhost", false)]
    public void ToolingIsRecognisedByCommandLineOrEntryModule(string comment, string module, bool tooling)
    {
        var builder = new ProfileBuilder("cpu", "samples") { Metadata = new ProfileMetadata { Comments = [comment] } };
        builder.AddSample([new Frame("Main()", module)], 1);

        Assert.Equal(tooling, TraceProcessFilter.IsTooling(builder.Build()));
    }
}
