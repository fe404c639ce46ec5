using Punchlist.Evidence.Probes;
using Punchlist.Model;

namespace Punchlist.Evidence.Matching;

/// <summary>
/// Ties probes to an item: the probes its comment or punchlist.yml names, else the probes whose
/// terms its title and each of its criteria meet (by words, synonyms and stems, within the scopes
/// the text or its surroundings name). Probes turned off in punchlist.yml never match.
/// </summary>
internal sealed class ProbeMatcher
{
    private readonly IReadOnlyList<(IProbe Probe, CompiledTerms Terms)> _probes;
    private readonly ProbeSettings _settings;

    public ProbeMatcher(IReadOnlyList<IProbe> catalogue, ProbeSettings settings)
    {
        _settings = settings;
        _probes = catalogue.Where(p => !settings.Off.Contains(p.Info.Id)).Select(p => (p, CompiledTerms.Of(p.Info.Terms))).ToList();
    }

    /// <summary>
    /// The probes tied to an item, each once: a probe its title meets belongs to the item, else to the
    /// first criterion that meets it. Probes named by a comment or punchlist.yml belong to the item.
    /// </summary>
    public IReadOnlyList<ProbeMatch> Match(TrackerDocument document, Item item)
    {
        if (ProbeDirectives.Read(document, item) is { } named)
        {
            return Named(named, MatchVia.Comment, "named by a punch comment in the item");
        }

        if (_settings.For(document.Path, item) is { } configured)
        {
            return Named(configured, MatchVia.Config, "named for the item in punchlist.yml");
        }

        // The surroundings only lend scopes to a text that met some probe's terms, which most do not.
        var context = new Lazy<string>(() => ItemContext.Of(document, item), LazyThreadSafetyMode.None);
        var matches = new List<ProbeMatch>(Match(item.Title, () => context.Value, null));
        for (int i = 0; i < item.Criteria.Count; i++)
        {
            var criterion = item.Criteria[i];
            string Around() => string.Join(" \u2022 ", new[] { item.Title, criterion.Parent?.Text, context.Value }.Where(t => !string.IsNullOrEmpty(t)));
            matches.AddRange(Match(criterion.Text, Around, i + 1).Where(m => !matches.Exists(x => x.Probe == m.Probe)));
        }

        return matches;
    }

    /// <summary>The probes a text meets, with the reason for each; <paramref name="context"/> only lends scopes.</summary>
    internal IEnumerable<ProbeMatch> Match(string text, string context, int? criterion) => Match(text, () => context, criterion);

    private IEnumerable<ProbeMatch> Match(string text, Func<string> context, int? criterion)
    {
        var words = TermText.Of(text);
        var candidates = new List<(IProbe Probe, List<string> Met)>();
        foreach (var (probe, terms) in _probes)
        {
            if (terms.Meet(words) is { } met)
            {
                candidates.Add((probe, met));
            }
        }

        if (candidates.Count == 0)
        {
            return [];
        }

        // The text's own scopes win; only a text that names none borrows its surroundings'.
        var (scopes, scopeWords) = ScopeWords.Named(words);
        string from = "its text";
        if (scopes.Count == 0)
        {
            (scopes, scopeWords) = ScopeWords.Named(TermText.Of(context()));
            from = "its surroundings";
        }

        var found = new List<(IProbe Probe, string Reason)>();
        foreach (var (probe, met) in candidates)
        {
            var probeScopes = probe.Info.Terms.Scopes;
            bool fits = scopes.Count == 0 ? !probe.Info.Terms.NeedsScope : probeScopes.Count == 0 || probeScopes.Any(scopes.Contains);
            if (fits)
            {
                string scope = scopes.Count == 0 || probeScopes.Count == 0 ? string.Empty : $"; scope '{string.Join("', '", scopeWords)}' from {from}";
                found.Add((probe, $"words '{string.Join("', '", met)}'{scope}"));
            }
        }

        var refined = found.SelectMany(f => f.Probe.Info.Refines).ToHashSet(StringComparer.Ordinal);
        return found.Where(f => !refined.Contains(f.Probe.Info.Id)).Select(f => new ProbeMatch(f.Probe.Info.Id, criterion, MatchVia.Words, f.Reason));
    }

    private IReadOnlyList<ProbeMatch> Named(IReadOnlyList<string> ids, MatchVia via, string reason) =>
        ids.Where(id => !_settings.Off.Contains(id)).Distinct(StringComparer.Ordinal).Select(id => new ProbeMatch(id, null, via, reason)).ToList();

    /// <summary>A probe's terms with every phrase reduced to its comparison key once.</summary>
    private sealed record CompiledTerms(IReadOnlyList<(string Key, string Phrase)[]> All, string[] Unless)
    {
        public static CompiledTerms Of(ProbeTerms terms) => new(
            terms.All.Select(g => g.Select(p => (TermText.Key(p), p)).ToArray()).ToList(),
            terms.Unless.Select(TermText.Key).ToArray());

        public List<string>? Meet(TermText text)
        {
            var met = new List<string>();
            foreach (var group in All)
            {
                var hit = group.FirstOrDefault(p => text.Contains(p.Key));
                if (hit.Key is null)
                {
                    return null;
                }

                met.Add(hit.Phrase);
            }

            return Unless.Any(text.Contains) ? null : met;
        }
    }
}
