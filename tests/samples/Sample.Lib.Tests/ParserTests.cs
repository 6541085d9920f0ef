using Sample.Lib;
using Xunit;

namespace Sample.Lib.Tests;

public class ParserTests
{
    [Fact]
    public void ParsesEveryLine()
    {
        var lines = RecordSource.Lines(20_000);
        for (var i = 0; i < 160; i++)
        {
            var records = Parser.Parse(lines);
            Assert.Equal(lines.Length, records.Length);
            Assert.StartsWith("item-", records[^1].Label, StringComparison.Ordinal);
        }
    }
}
