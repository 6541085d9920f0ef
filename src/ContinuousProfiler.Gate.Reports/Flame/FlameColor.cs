using System.Globalization;

namespace ContinuousProfiler.Gate.Reports.Flame;

/// <summary>
/// Differential colors: neutral grey for no change, towards red for growth and blue for shrinkage, with
/// intensity by the change relative to the largest change in the graph (square root, so moderate changes
/// stay visible next to one dominant change). The HTML report's script uses the same formula.
/// </summary>
public static class FlameColor
{
    private static readonly (int R, int G, int B) Neutral = (228, 228, 231);
    private static readonly (int R, int G, int B) Grew = (220, 38, 38);
    private static readonly (int R, int G, int B) Shrank = (37, 99, 235);

    /// <summary>Intensity 0–1 of <paramref name="delta"/> given the largest absolute delta.</summary>
    public static double Intensity(double delta, double maxAbsDelta)
    {
        if (maxAbsDelta <= 0)
        {
            return 0;
        }

        var t = Math.Min(1, Math.Abs(delta) / maxAbsDelta);
        return t < 0.01 ? 0 : Math.Sqrt(t);
    }

    /// <summary>The fill as <c>rgb(r,g,b)</c>.</summary>
    public static string Fill(double delta, double maxAbsDelta)
    {
        var t = Intensity(delta, maxAbsDelta);
        var target = delta >= 0 ? Grew : Shrank;
        return string.Create(CultureInfo.InvariantCulture, $"rgb({Mix(Neutral.R, target.R, t)},{Mix(Neutral.G, target.G, t)},{Mix(Neutral.B, target.B, t)})");
    }

    /// <summary>True when white text reads better than black on the fill.</summary>
    public static bool DarkFill(double delta, double maxAbsDelta) => Intensity(delta, maxAbsDelta) > 0.6;

    private static int Mix(int from, int to, double t) => (int)Math.Round(from + ((to - from) * t));
}
