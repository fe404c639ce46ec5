using Punchlist.Reading;
using Punchlist.Text;

namespace Punchlist.Model;

/// <summary>
/// Gives each item of a document a key that survives edits elsewhere in the document: its ID when
/// it has one, else a slug of its section and title (`ci-cd-pipeline/set-up-ci-cd-pipeline`), with
/// `~2`, `~3` for repeats in document order. Keys are assigned together, the first time any item's
/// key is asked for: a scan that only counts (`punch status`) never needs them, and a key per task
/// would otherwise be the largest string the model keeps.
/// </summary>
internal sealed class ItemKeys(EncodingReport encoding)
{
    private readonly Lock _lock = new();
    private IReadOnlyList<Item> _items = [];
    private bool _assigned;

    /// <summary>Sets the document's items, in document order, once the document is read.</summary>
    public void Attach(IReadOnlyList<Item> items) => _items = items;

    public void AssignAll()
    {
        lock (_lock)
        {
            if (_assigned)
            {
                return;
            }

            var seen = new Dictionary<string, int>(_items.Count, StringComparer.Ordinal);
            var sectionSlugs = new SectionSlugs(encoding);
            foreach (var item in _items)
            {
                string key = item.Id ?? Slug(item, sectionSlugs);
                int count = seen.TryGetValue(key, out int n) ? n + 1 : 1;
                seen[key] = count;
                item.AssignKey(count == 1 ? key : $"{key}~{count}");
            }

            _assigned = true;
        }
    }

    private string Slug(Item item, SectionSlugs sectionSlugs)
    {
        // Progress cookies change as work is done; the key must not (`Deploy [2/5]` is `deploy`).
        string title = TextFold.Slug(ProgressCookie.Strip(encoding.Repair(item.Title)));
        if (title.Length == 0)
        {
            title = "item";
        }

        string section = sectionSlugs.Of(item.Section);
        return section.Length == 0 ? title : $"{section}/{title}";
    }

    // Items come in document order, so the section of the last item is nearly always the next one's.
    private sealed class SectionSlugs(EncodingReport encoding)
    {
        private Section? _last;
        private string _slug = string.Empty;

        public string Of(Section? section)
        {
            if (section is null)
            {
                return string.Empty;
            }

            if (!ReferenceEquals(section, _last))
            {
                _last = section;
                _slug = TextFold.Slug(ProgressCookie.Strip(encoding.Repair(section.Title)), 40);
            }

            return _slug;
        }
    }
}
