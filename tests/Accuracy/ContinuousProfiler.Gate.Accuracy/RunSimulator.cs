using System.Collections.Immutable;
using ContinuousProfiler.Gate.Core.Model;
using ContinuousProfiler.Gate.Core.Sets;

namespace ContinuousProfiler.Gate.Accuracy;

/// <summary>
/// Draws profiled runs of a <see cref="SyntheticProgram"/>: each run's sample budget for the base
/// program's work is <c>samples × lognormal(RateJitter)</c> (a slower program runs longer and collects
/// proportionally more), each stack's rate gets its own mean-one lognormal jitter, and counts are Poisson.
/// </summary>
public sealed class RunSimulator(Random random, NoiseLevel noise, double samplesPerRun)
{
    public ScenarioRuns Draw(SyntheticProgram program, int runs, string scenario = "sim")
    {
        var profiles = ImmutableArray.CreateBuilder<Profile>(runs);
        for (var r = 0; r < runs; r++)
        {
            profiles.Add(DrawOne(program));
        }

        return new ScenarioRuns(scenario, profiles.MoveToImmutable(), []);
    }

    private Profile DrawOne(SyntheticProgram program)
    {
        var budget = samplesPerRun * LogNormal(noise.RateJitter);
        var builder = new ProfileBuilder("samples", "count") { Metadata = ProfileMetadata.Empty with { Source = "simulated" } };
        foreach (var (stack, weight) in program.Stacks)
        {
            var count = PoissonSampler.Next(random, budget * weight * LogNormal(noise.Jitter));
            if (count > 0)
            {
                builder.AddSample(stack.Select(name => new Frame(name)), count);
            }
        }

        return builder.Build();
    }

    private double LogNormal(double sigma)
    {
        if (sigma == 0)
        {
            return 1;
        }

        var u1 = 1 - random.NextDouble();
        var u2 = random.NextDouble();
        var z = Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
        return Math.Exp((sigma * z) - (sigma * sigma / 2));
    }
}
