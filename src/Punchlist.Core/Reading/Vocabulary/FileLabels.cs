using Punchlist.Model;
using Punchlist.Text;

namespace Punchlist.Reading.Vocabulary;

/// <summary>Labels that introduce a list of files an item promises: `**Files to Create:**`, `**Output Files:**`.</summary>
public static class FileLabels
{
    public static ReferenceRole RoleOf(string label)
    {
        string words = TextFold.Words(label);
        if (!words.Contains("file", StringComparison.Ordinal) && !words.StartsWith("output", StringComparison.Ordinal)
            && words is not ("deliverables" or "deliverable" or "location" or "locations"))
        {
            return ReferenceRole.Mention;
        }

        bool create = words.Contains("create", StringComparison.Ordinal) || words.Contains("add", StringComparison.Ordinal)
            || words.StartsWith("new file", StringComparison.Ordinal);
        bool modify = words.Contains("modif", StringComparison.Ordinal) || words.Contains("update", StringComparison.Ordinal)
            || words.Contains("change", StringComparison.Ordinal) || words.Contains("edit", StringComparison.Ordinal);
        if (create && !modify)
        {
            return ReferenceRole.Create;
        }

        if (modify)
        {
            return ReferenceRole.Modify;
        }

        return words.StartsWith("output", StringComparison.Ordinal) || words.StartsWith("deliverable", StringComparison.Ordinal)
            ? ReferenceRole.Output
            : ReferenceRole.Mention;
    }
}
