using System.Text;
using ContinuousProfiler.Gate.Core;
using ContinuousProfiler.Gate.Core.Model;
using Microsoft.Diagnostics.Tracing.Etlx;

namespace ContinuousProfiler.Gate.Formats.NetTrace;

/// <summary>
/// Reads .NET EventPipe traces (<c>.nettrace</c>): managed CPU samples (<c>Thread/Sample</c> of type
/// Managed) as <c>cpu/samples</c>, plus <c>alloc_objects/count</c> and <c>alloc_space/bytes</c> when
/// the trace holds allocation events. TraceEvent needs a file, so streams are spooled to a temp folder.
/// </summary>
public sealed class NetTraceImporter : IProfileImporter
{
    private static readonly byte[] Magic = "Nettrace"u8.ToArray();

    /// <summary>Creates an importer; <paramref name="options"/> defaults to <see cref="NetTraceImportOptions.Default"/>.</summary>
    public NetTraceImporter(NetTraceImportOptions? options = null) => Options = options ?? NetTraceImportOptions.Default;

    /// <summary>How samples are filtered.</summary>
    public NetTraceImportOptions Options { get; }

    /// <inheritdoc />
    public string Name => "nettrace";

    /// <inheritdoc />
    public bool CanRead(ReadOnlySpan<byte> head) => head.StartsWith(Magic);

    /// <inheritdoc />
    public Profile Import(Stream input, string source)
    {
        var folder = CreateTempFolder();
        try
        {
            var trace = Path.Combine(folder, "trace.nettrace");
            using (var file = File.Create(trace))
            {
                input.CopyTo(file);
            }

            return Convert(trace, folder, source);
        }
        finally
        {
            TryDeleteFolder(folder);
        }
    }

    /// <summary>Reads a trace file in place (no copy of the trace itself).</summary>
    public Profile Import(string path)
    {
        using (var probe = OpenOrThrow(path))
        {
            var head = new byte[Magic.Length];
            var read = probe.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
            if (!CanRead(head.AsSpan(0, read)))
            {
                throw new InputException($"{path}: not a .nettrace file (it does not start with 'Nettrace'); expected an EventPipe trace from .NET Core 3.0 or later");
            }
        }

        var folder = CreateTempFolder();
        try
        {
            return Convert(Path.GetFullPath(path), folder, path);
        }
        finally
        {
            TryDeleteFolder(folder);
        }
    }

    private Profile Convert(string trace, string folder, string source)
    {
        var etlx = Path.Combine(folder, "trace.etlx");
        try
        {
            TraceLog.CreateFromEventPipeDataFile(trace, etlx, new TraceLogOptions { ContinueOnError = true, ConversionLog = TextWriter.Null });
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw new InputException($"{source}: cannot read the EventPipe trace ({e.GetType().Name}: {FirstLine(e.Message)}); expected a complete .nettrace file written by the .NET runtime or dotnet-trace");
        }

        using var log = new TraceLog(etlx);
        return new NetTraceSampleWalker(Options, source).Walk(log);
    }

    private static FileStream OpenOrThrow(string path)
    {
        try
        {
            return File.OpenRead(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException($"{path}: cannot read the file ({e.Message})");
        }
    }

    private static string CreateTempFolder()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"profgate-nettrace-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        return folder;
    }

    private static void TryDeleteFolder(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private static string FirstLine(string message)
    {
        var end = message.IndexOfAny(['\r', '\n']);
        return end < 0 ? message : message[..end];
    }
}
