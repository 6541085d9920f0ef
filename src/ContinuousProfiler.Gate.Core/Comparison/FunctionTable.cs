using ContinuousProfiler.Gate.Core.Analysis;
using ContinuousProfiler.Gate.Core.Model;

namespace ContinuousProfiler.Gate.Core.Comparison;

/// <summary>Raw self and total per function per run (base runs first) for one sample type.</summary>
internal sealed class FunctionTable
{
    private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);

    private FunctionTable(int runs) => Runs = runs;

    public int Runs { get; }

    public List<string> Names { get; } = [];

    public List<double[]> Self { get; } = [];

    public List<double[]> Total { get; } = [];

    public static FunctionTable Build(IReadOnlyList<RunColumn> columns, Func<Frame, string> nameOf)
    {
        var table = new FunctionTable(columns.Count);
        for (var r = 0; r < columns.Count; r++)
        {
            var summary = FunctionSummary.Compute(columns[r].Profile, columns[r].Index, nameOf);
            foreach (var stat in summary.Functions)
            {
                var f = table.IndexOf(stat.Name);
                table.Self[f][r] = stat.Self;
                table.Total[f][r] = stat.Total;
            }
        }

        return table;
    }

    private int IndexOf(string name)
    {
        if (!_index.TryGetValue(name, out var f))
        {
            f = Names.Count;
            _index.Add(name, f);
            Names.Add(name);
            Self.Add(new double[Runs]);
            Total.Add(new double[Runs]);
        }

        return f;
    }
}
