using ContinuousProfiler.Gate.Capture.Dotnet;
using ContinuousProfiler.Gate.Testing;
using Xunit;

namespace ContinuousProfiler.Gate.Capture.Tests.Unit;

public sealed class TestRunSettingsTests
{
    private static readonly SortedDictionary<string, string> Variables = new(StringComparer.Ordinal)
    {
        ["DOTNET_EnableEventPipe"] = "1",
        ["DOTNET_ReadyToRun"] = "0",
    };

    [Fact]
    public void FreshSettingsScopeTheVariablesToTheTestHost()
    {
        using var temp = new TempDir();

        var path = TestRunSettings.Write(temp.File("p.runsettings"), Variables, null);

        Golden.Assert(File.ReadAllText(path), "tests/ContinuousProfiler.Gate.Capture.Tests/golden/fresh.runsettings");
    }

    [Fact]
    public void UsersSettingsAreKeptAndExtended()
    {
        using var temp = new TempDir();
        File.WriteAllText(temp.File("mine.runsettings"), """
            <?xml version="1.0" encoding="utf-8"?>
            <RunSettings>
              <RunConfiguration>
                <MaxCpuCount>1</MaxCpuCount>
                <EnvironmentVariables><MY_VAR>x</MY_VAR><DOTNET_ReadyToRun>1</DOTNET_ReadyToRun></EnvironmentVariables>
              </RunConfiguration>
              <xUnit><ParallelizeTestCollections>false</ParallelizeTestCollections></xUnit>
            </RunSettings>
            """);

        var path = TestRunSettings.Write(temp.File("p.runsettings"), Variables, temp.File("mine.runsettings"));

        Golden.Assert(File.ReadAllText(path), "tests/ContinuousProfiler.Gate.Capture.Tests/golden/merged.runsettings");
    }
}
