using Punchlist.Text;

namespace Punchlist.Reading;

/// <summary>
/// Gives each item a key that survives edits elsewhere in the document: its ID when it has one,
/// else a slug of its section and title (`ci-cd-pipeline/set-up-ci-cd-pipeline`), with `~2`, `~3`
/// for repeats in document order.
/// </summary>
internal sealed class KeyAssigner(EncodingReport encoding)
{
    private readonly Dictionary<string, int> _seen = new(StringComparer.Ordinal);

    public string Assign(ItemBuilder item)
    {
        string key = item.Id ?? Slug(item);
        int count = _seen.TryGetValue(key, out int n) ? n + 1 : 1;
        _seen[key] = count;
        return count == 1 ? key : $"{key}~{count}";
    }

    private string Slug(ItemBuilder item)
    {
        // Progress cookies change as work is done; the key must not (`Deploy [2/5]` is `deploy`).
        string title = TextFold.Slug(ProgressCookie.Strip(item.MeantTitle));
        if (title.Length == 0)
        {
            title = "item";
        }

        string section = item.Section is null ? string.Empty : TextFold.Slug(ProgressCookie.Strip(encoding.Repair(item.Section.Title)), 40);
        return section.Length == 0 ? title : $"{section}/{title}";
    }
}
