using Punchlist.Model;
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

    // Items come in document order, so the section of the last item is nearly always the next one's.
    private Section? _lastSection;
    private string _lastSectionSlug = string.Empty;

    public string Assign(ItemBuilder item)
    {
        string key = item.Id ?? Slug(item);
        int count = _seen.TryGetValue(key, out int n) ? n + 1 : 1;
        _seen[key] = count;
        return count == 1 ? key : $"{key}~{count}";
    }

    private string Slug(ItemBuilder item)
    {
        string title = TextFold.Slug(item.MeantTitle);
        if (title.Length == 0)
        {
            title = "item";
        }

        string section = SectionSlug(item.Section);
        return section.Length == 0 ? title : $"{section}/{title}";
    }

    private string SectionSlug(Section? section)
    {
        if (section is null)
        {
            return string.Empty;
        }

        if (!ReferenceEquals(section, _lastSection))
        {
            _lastSection = section;
            _lastSectionSlug = TextFold.Slug(encoding.Repair(section.Title), 40);
        }

        return _lastSectionSlug;
    }
}
