using Proto = ContinuousProfiler.Gate.Formats.Pprof.Proto;

namespace ContinuousProfiler.Gate.Formats.Pprof;

/// <summary>The functions of a pprof profile with their names and files resolved and checked once.</summary>
internal sealed class PprofFunctionTable
{
    private readonly PprofIdIndex _ids;
    private readonly string[] _names;
    private readonly string?[] _files;

    private PprofFunctionTable(PprofIdIndex ids, string[] names, string?[] files)
    {
        _ids = ids;
        _names = names;
        _files = files;
    }

    /// <summary>The position of a function id, or -1 for id 0 (no function) and unknown ids.</summary>
    public int Find(ulong id) => id == 0 ? -1 : _ids.Find(id);

    public string NameAt(int position) => _names[position];

    public string? FileAt(int position) => _files[position];

    public static PprofFunctionTable Build(Proto.Profile profile, PprofStringTable strings, string source)
    {
        var functions = profile.Function;
        var ids = PprofIdIndex.Build(functions.Count, i => functions[i].Id, "function", source);

        var names = new string[functions.Count];
        var files = new string?[functions.Count];
        for (var f = 0; f < functions.Count; f++)
        {
            var function = functions[f];
            names[f] = strings.Get(function.Name, $"function {function.Id} name");
            strings.Check(function.SystemName, $"function {function.Id} system_name");
            var file = strings.Get(function.Filename, $"function {function.Id} filename");
            files[f] = file.Length == 0 ? null : file;
        }

        return new PprofFunctionTable(ids, names, files);
    }
}
