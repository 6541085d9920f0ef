using ContinuousProfiler.Gate.Core.Model;

namespace ContinuousProfiler.Gate.Core.Analysis;

/// <summary>The call tree of one sample type of a profile, merged by function name per path.</summary>
public sealed class CallTree
{
    private CallTree(CallTreeNode root, SampleType sampleType)
    {
        Root = root;
        SampleType = sampleType;
    }

    /// <summary>The synthetic root; its total is the profile total.</summary>
    public CallTreeNode Root { get; }

    /// <summary>The column the tree weighs.</summary>
    public SampleType SampleType { get; }

    /// <summary>Builds the tree; <paramref name="nameOf"/> maps frames to node names (default: frame name).</summary>
    public static CallTree Build(Profile profile, int sampleType, Func<Frame, string>? nameOf = null)
    {
        nameOf ??= static f => f.Name;
        var names = profile.Frames.Select(nameOf).ToArray();
        var root = new CallTreeNode("root", null);
        foreach (var sample in profile.Samples)
        {
            var value = sample.Values[sampleType];
            if (value == 0)
            {
                continue;
            }

            var node = root;
            node.Total += value;
            foreach (var frame in sample.Stack)
            {
                node = node.GetOrAdd(names[frame]);
                node.Total += value;
            }

            node.Self += value;
        }

        return new CallTree(root, profile.SampleTypes[sampleType]);
    }
}
