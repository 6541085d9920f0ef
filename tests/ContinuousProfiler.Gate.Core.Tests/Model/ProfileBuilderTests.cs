using ContinuousProfiler.Gate.Core;
using ContinuousProfiler.Gate.Core.Model;
using Xunit;

namespace ContinuousProfiler.Gate.Core.Tests.Model;

public sealed class ProfileBuilderTests
{
    [Fact]
    public void Interns_frames_and_merges_identical_stacks()
    {
        var builder = new ProfileBuilder("samples", "count");
        builder.AddSample([new Frame("main"), new Frame("a")], 2);
        builder.AddSample([new Frame("main"), new Frame("a")], 3);
        builder.AddSample([new Frame("main"), new Frame("b")], 1);
        var profile = builder.Build();

        Assert.Equal(3, profile.Frames.Length);
        Assert.Equal(2, profile.Samples.Length);
        Assert.Equal(5, profile.Samples[0].Values[0]);
        Assert.Equal(6, profile.Total(0));
    }

    [Fact]
    public void Rejects_a_sample_with_the_wrong_number_of_values()
    {
        var builder = new ProfileBuilder([new SampleType("samples", "count"), new SampleType("cpu", "nanoseconds")]);
        var error = Assert.Throws<InputException>(() => builder.AddSample([0], [1.0]));
        Assert.Contains("1 values but the profile has 2 sample types", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_frame_indexes_out_of_range_and_non_finite_values()
    {
        var builder = new ProfileBuilder("samples", "count");
        builder.AddSample([5], [1.0]);
        Assert.Contains("refers to frame 5", Assert.Throws<InputException>(builder.Build).Message, StringComparison.Ordinal);

        var nan = new ProfileBuilder("samples", "count");
        nan.AddSample([new Frame("a")], double.NaN);
        Assert.Contains("not a finite number", Assert.Throws<InputException>(nan.Build).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolves_sample_types_by_name_type_unit_or_index()
    {
        var builder = new ProfileBuilder([new SampleType("samples", "count"), new SampleType("cpu", "nanoseconds")], defaultSampleType: 1);
        builder.AddSample([new Frame("a")], 1, 10);
        var profile = builder.Build();

        Assert.Equal(1, profile.ResolveSampleType(null));
        Assert.Equal(0, profile.ResolveSampleType("SAMPLES"));
        Assert.Equal(1, profile.ResolveSampleType("cpu/nanoseconds"));
        Assert.Equal(0, profile.ResolveSampleType("0"));
        var error = Assert.Throws<InputException>(() => profile.ResolveSampleType("alloc_space"));
        Assert.Contains("samples/count, cpu/nanoseconds", error.Message, StringComparison.Ordinal);
    }
}
