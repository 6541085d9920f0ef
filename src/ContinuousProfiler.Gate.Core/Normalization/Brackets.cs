namespace ContinuousProfiler.Gate.Core.Normalization;

/// <summary>Balanced-bracket scanning shared by the name rules.</summary>
internal static class Brackets
{
    /// <summary>The index of the bracket closing the one at <paramref name="open"/>, or -1 when unbalanced.</summary>
    public static int FindClose(string text, int open)
    {
        var opener = text[open];
        var closer = opener switch { '[' => ']', '<' => '>', '(' => ')', '{' => '}', _ => '\0' };
        var depth = 0;
        for (var i = open; i < text.Length; i++)
        {
            if (text[i] == opener)
            {
                depth++;
            }
            else if (text[i] == closer && --depth == 0)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The index of the bracket opening the one at <paramref name="close"/>, or -1 when unbalanced.</summary>
    public static int FindOpen(string text, int close)
    {
        var closer = text[close];
        var opener = closer switch { ']' => '[', '>' => '<', ')' => '(', '}' => '{', _ => '\0' };
        var depth = 0;
        for (var i = close; i >= 0; i--)
        {
            if (text[i] == closer)
            {
                depth++;
            }
            else if (text[i] == opener && --depth == 0)
            {
                return i;
            }
        }

        return -1;
    }
}
