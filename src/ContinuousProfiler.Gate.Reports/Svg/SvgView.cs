namespace ContinuousProfiler.Gate.Reports.Svg;

/// <summary>What <c>flamegraph.svg.sbn</c> receives (as <c>svg</c>); every string escaped for XML.</summary>
public sealed record SvgView
{
    /// <summary>Title line.</summary>
    public required string Title { get; init; }

    /// <summary>The verdict and what is shown (scenario, sample type, shape).</summary>
    public required string Subtitle { get; init; }

    /// <summary>How to read the colors, and what was hidden.</summary>
    public required string Legend { get; init; }

    /// <summary>Image width in px.</summary>
    public required int Width { get; init; }

    /// <summary>Image height in px.</summary>
    public required int Height { get; init; }

    /// <summary>Left and right padding of the frame area in px.</summary>
    public required int Padding { get; init; }

    /// <summary>Width of the frame area in px.</summary>
    public required int FramesWidth { get; init; }

    /// <summary>Baseline y of the details line.</summary>
    public required int DetailsY { get; init; }

    /// <summary>The zoom script, or empty to leave it out (golden files).</summary>
    public required string Script { get; init; }

    /// <summary>
    /// The frame elements, one <c>&lt;g&gt;</c> per line, root first. Written by <see cref="SvgFrameWriter"/>
    /// rather than looped in the template: a graph has tens of thousands of them.
    /// </summary>
    public required string Frames { get; init; }

    /// <summary>How many frames <see cref="Frames"/> holds.</summary>
    public required int FrameCount { get; init; }
}
