using Sample.Lib;
using Xunit;

namespace Sample.Lib.Tests;

public class FormatterTests
{
    [Fact]
    public void RendersSortedRecords()
    {
        var records = Parser.Parse(RecordSource.Lines(20_000));
        for (var i = 0; i < 30; i++)
        {
            var sorted = Sorter.Sort(records);
            Assert.True(sorted[0].Amount <= sorted[^1].Amount);
            Assert.True(Formatter.Render(sorted) > 0);
        }
    }
}
