using System.Text;
using CapacityHub.Gateway.Exports;

namespace CapacityHub.Gateway.Tests.Data;

public sealed class CalendarTextTests
{
    [Fact]
    public void LongLinesFoldAt75OctetsWithoutSplittingCharacters()
    {
        var line = "DESCRIPTION:" + string.Concat(Enumerable.Repeat("Tōkyō 東京 ", 20));
        var output = new StringBuilder();

        TrainingCalendar.Fold(output, line);

        var physical = output.ToString().Split("\r\n")[..^1];
        Assert.True(physical.Length > 2);
        Assert.All(physical, l => Assert.InRange(Encoding.UTF8.GetByteCount(l), 1, 75));
        Assert.All(physical.Skip(1), l => Assert.StartsWith(" ", l, StringComparison.Ordinal));
        Assert.Equal(line, string.Concat(physical.Select((l, i) => i == 0 ? l : l[1..])));
    }

    [Fact]
    public void TextValuesEscapeBackslashSemicolonCommaAndNewline()
    {
        Assert.Equal(@"a\\b\;c\,d\ne", TrainingCalendar.Text("a\\b;c,d\ne"));
    }
}
