using ContinuousProfiler.Gate.Cli.Local;
using ContinuousProfiler.Gate.Core;
using Xunit;

namespace ContinuousProfiler.Gate.Local.Tests.Unit;

public sealed class CommandWordsTests
{
    [Fact]
    public void Plain_words_with_quotes_run_directly()
    {
        Assert.Equal(["dotnet", "run", "-c", "Release", "--project", "bench/My App", "--", "200"],
            CommandWords.Parse("dotnet run -c Release --project 'bench/My App' -- 200", "local.command").ToArray());
        Assert.Equal(["dotnet", "test", "a b", ""], CommandWords.Parse("  dotnet test \"a b\" ''  ", "local.command").ToArray());
    }

    [Theory]
    [InlineData("cd bench && dotnet run")]
    [InlineData("dotnet run | tee log")]
    [InlineData("dotnet run -- $ROUNDS")]
    [InlineData("dotnet run -- \"$ROUNDS\"")]
    public void Shell_syntax_runs_through_sh(string command) =>
        Assert.Equal(["sh", "-c", command], CommandWords.Parse(command, "local.command").ToArray());

    [Fact]
    public void Bad_commands_are_one_line_errors()
    {
        Assert.Equal("local.command: unbalanced ' quote in 'dotnet run 'x'; close the quote",
            Assert.Throws<InputException>(() => CommandWords.Parse("dotnet run 'x", "local.command")).Message);
        Assert.StartsWith("local.command: the command is empty", Assert.Throws<InputException>(() => CommandWords.Parse("   ", "local.command")).Message, StringComparison.Ordinal);
    }
}
