using System.Globalization;
using ContinuousProfiler.Gate.Core.Model;
using Proto = ContinuousProfiler.Gate.Formats.Pprof.Proto;

namespace ContinuousProfiler.Gate.Formats.Pprof;

/// <summary>
/// Turns every pprof Location into its frames, leaf first: one frame per Line (line[0] is the
/// innermost inlined callee, the last line the physical caller), or one frame named by address when
/// the location has no usable function name. Also records what <c>drop_frames</c> removes.
/// </summary>
internal sealed class PprofLocationTable
{
    /// <summary>No pruning at this location.</summary>
    public const byte Keep = 0;

    /// <summary>Remove this location and everything beneath it (its callees).</summary>
    public const byte PruneWhole = 1;

    /// <summary>Keep this location's outer lines but remove everything beneath it.</summary>
    public const byte PruneBeneath = 2;

    private readonly PprofIdIndex _ids;
    private readonly int[][] _frames;
    private readonly byte[] _prune;

    private PprofLocationTable(PprofIdIndex ids, int[][] frames, byte[] prune)
    {
        _ids = ids;
        _frames = frames;
        _prune = prune;
    }

    /// <summary>True when at least one location is affected by <c>drop_frames</c>.</summary>
    public bool HasPruning { get; private init; }

    /// <summary>The position of a location id, or -1.</summary>
    public int Find(ulong id) => _ids.Find(id);

    /// <summary>The frame indices of the location at <paramref name="position"/>, leaf first.</summary>
    public int[] FramesAt(int position) => _frames[position];

    /// <summary>The pruning decision for the location at <paramref name="position"/>.</summary>
    public byte PruneAt(int position) => _prune[position];

    public static PprofLocationTable Build(Proto.Profile profile, PprofStringTable strings, PprofDropFrames? drop, ProfileBuilder builder, string source)
    {
        var modules = ResolveModules(profile, strings, source, out var mappingIds);
        var functions = PprofFunctionTable.Build(profile, strings, source);
        var locations = profile.Location;
        var ids = PprofIdIndex.Build(locations.Count, i => locations[i].Id, "location", source);

        var frames = new int[locations.Count][];
        var prune = new byte[locations.Count];
        var anyPruning = false;
        for (var l = 0; l < locations.Count; l++)
        {
            var location = locations[l];
            var mapping = location.MappingId == 0 ? -1 : mappingIds.Find(location.MappingId);
            var module = mapping < 0 ? null : modules[mapping];
            var lines = location.Line;
            var first = 0;
            if (drop is not null)
            {
                for (var i = lines.Count - 1; i >= 0; i--)
                {
                    var function = functions.Find(lines[i].FunctionId);
                    if (function >= 0 && drop.Drops(functions.NameAt(function)))
                    {
                        prune[l] = i == lines.Count - 1 ? PruneWhole : PruneBeneath;
                        first = i == lines.Count - 1 ? 0 : i + 1;
                        anyPruning = true;
                        break;
                    }
                }
            }

            if (lines.Count == 0)
            {
                frames[l] = [builder.InternFrame(new Frame(AddressName(location.Address), module))];
                continue;
            }

            var list = new int[lines.Count - first];
            for (var i = first; i < lines.Count; i++)
            {
                var line = lines[i];
                var function = functions.Find(line.FunctionId);
                var frame = function < 0 || functions.NameAt(function).Length == 0
                    ? new Frame(AddressName(location.Address), module)
                    : new Frame(functions.NameAt(function), module, functions.FileAt(function), line.Line_);
                list[i - first] = builder.InternFrame(frame);
            }

            frames[l] = list;
        }

        return new PprofLocationTable(ids, frames, prune) { HasPruning = anyPruning };
    }

    private static string AddressName(ulong address) => "0x" + address.ToString("x", CultureInfo.InvariantCulture);

    private static string?[] ResolveModules(Proto.Profile profile, PprofStringTable strings, string source, out PprofIdIndex ids)
    {
        var mappings = profile.Mapping;
        ids = PprofIdIndex.Build(mappings.Count, i => mappings[i].Id, "mapping", source);

        var modules = new string?[mappings.Count];
        for (var m = 0; m < mappings.Count; m++)
        {
            var mapping = mappings[m];
            strings.Check(mapping.BuildId, $"mapping {mapping.Id} build_id");
            var file = strings.Get(mapping.Filename, $"mapping {mapping.Id} filename");
            modules[m] = file.Length == 0 ? null : file;
        }

        return modules;
    }
}
