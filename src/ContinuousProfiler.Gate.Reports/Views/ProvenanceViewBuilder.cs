using ContinuousProfiler.Gate.Core.Comparison;
using ContinuousProfiler.Gate.Reports.Text;

namespace ContinuousProfiler.Gate.Reports.Views;

/// <summary>Formats where the base came from.</summary>
public static class ProvenanceViewBuilder
{
    /// <summary>Builds the provenance view.</summary>
    public static ProvenanceView Build(Provenance provenance, ReportDialect dialect)
    {
        var differences = provenance.EnvironmentDifferences.IsDefault ? [] : provenance.EnvironmentDifferences;
        var environment = provenance.EnvironmentMatches switch
        {
            _ when differences.Length > 0 => "mismatch",
            true => "match",
            false => "mismatch",
            null => "unknown",
        };
        return new ProvenanceView
        {
            HasBaseline = provenance.NoBaselineReason is null,
            NoBaselineReason = provenance.NoBaselineReason is { } reason ? dialect.Prose(reason, 300) : "",
            BaseCommit = provenance.BaseCommit is { } b ? dialect.Prose(Wording.ShortSha(b), 40) : "",
            HeadCommit = provenance.HeadCommit is { } h ? dialect.Prose(Wording.ShortSha(h), 40) : "",
            Distance = provenance.CommitsBack switch
            {
                null => "",
                0 => "the merge-base",
                { } n => Wording.Plural(n, "commit") + " before the merge-base",
            },
            Source = provenance.Source is { } source ? dialect.Prose(source, 200) : "",
            Environment = environment,
            EnvironmentText = environment switch
            {
                "match" => "same environment",
                "mismatch" => "different environment",
                _ => "environment not recorded",
            },
            EnvironmentDifferences = [.. differences.Take(20).Select(d => dialect.Prose(d, 200))],
        };
    }
}
