using System.Collections.Immutable;
using ContinuousProfiler.Gate.Capture.Dotnet;
using Xunit;

namespace ContinuousProfiler.Gate.Capture.Tests.Unit;

public sealed class DotnetCommandTests
{
    [Fact]
    public void ClassifiesTestRunAndPrograms()
    {
        Assert.Equal(DotnetCommandKind.Test, Classify("/usr/bin/dotnet test x.csproj").Kind);
        Assert.Equal(DotnetCommandKind.Run, Classify("/usr/bin/dotnet run --project p").Kind);
        Assert.Equal(DotnetCommandKind.Program, Classify("/usr/bin/dotnet app.dll 3").Kind);
        Assert.Equal(DotnetCommandKind.NotDotnet, Classify("/bin/sh -c true").Kind);
    }

    [Fact]
    public void ApphostWithDotsInItsNameIsDotnet()
    {
        using var temp = new ContinuousProfiler.Gate.Testing.TempDir();
        foreach (var file in new[] { "My.App.Tests", "My.App.Tests.dll", "My.App.Tests.runtimeconfig.json", "My.App.dll" })
        {
            File.WriteAllText(temp.File(file), "");
        }

        Assert.Equal(DotnetCommandKind.Program, DotnetCommand.Classify([temp.File("My.App.Tests")]).Kind);
        Assert.Equal(DotnetCommandKind.NotDotnet, DotnetCommand.Classify([temp.File("My.App")]).Kind);
        Assert.Equal("My.App.Tests", ContinuousProfiler.Gate.Capture.Running.ScenarioNaming.ForCommand(new CaptureOptions([], "set"), [temp.File("My.App.Tests")]));
    }

    [Fact]
    public void TestWithoutNoBuildIsBuiltFirstWithItsProjectAndConfiguration()
    {
        var command = Classify("dotnet test tests/X.Tests -c Release --filter Category=Fast -l console --no-restore -p:Foo=1 -- RunConfiguration.MaxCpuCount=1");

        Assert.True(command.NeedsBuild);
        Assert.Equal("dotnet build tests/X.Tests -c Release -p:Foo=1", string.Join(' ', command.BuildCommand()));
        var noBuild = command.WithNoBuild();
        Assert.False(noBuild.NeedsBuild);
        Assert.Equal("dotnet test tests/X.Tests -c Release --filter Category=Fast -l console --no-restore -p:Foo=1 --no-build -- RunConfiguration.MaxCpuCount=1", string.Join(' ', noBuild.Command));
    }

    [Fact]
    public void RunBuildsTheProjectOption()
    {
        var command = Classify("dotnet run --project app/App.csproj -c Release -- 40");

        Assert.Equal("dotnet build app/App.csproj -c Release", string.Join(' ', command.BuildCommand()));
        Assert.Equal("dotnet run --project app/App.csproj -c Release --no-build -- 40", string.Join(' ', command.WithNoBuild().Command));
    }

    [Fact]
    public void SettingsAreReplacedAndTheUsersFileIsKnown()
    {
        var command = Classify("dotnet test --no-build -s mine.runsettings x.csproj");

        Assert.False(command.NeedsBuild);
        Assert.Equal("mine.runsettings", command.UserSettings);
        Assert.Equal("dotnet test --no-build x.csproj --settings /tmp/p.runsettings --logger trx;LogFileName=/tmp/r.trx",
            string.Join(' ', command.WithSettings("/tmp/p.runsettings").WithTrxLogger("/tmp/r.trx").Command));
    }

    private static DotnetCommand Classify(string line) => DotnetCommand.Classify([.. line.Split(' ')]);
}
