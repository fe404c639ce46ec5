using System.Text;
using Punchlist.Json;
using Punchlist.Text;

namespace Punchlist.Storage.Postgres.Tests;

/// <summary>Pushes built by hand for the store's tests: trackers of a few items, their content hashed as `punch push` hashes it.</summary>
internal static class Pushes
{
    public static readonly DateOnly Today = new(2026, 11, 21);

    public static PushJson Of(string repository, string sha, string committedAt, params Tracker[] trackers)
    {
        var documents = trackers.Select(t => new PushDocumentJson(
            t.Path,
            SourceText.Hash(Encoding.UTF8.GetBytes(t.Content)),
            t.Path,
            t.Items.Select((i, n) => new PushItemJson(Item(t.Path, i, n), [new PushCriterionJson($"{i.Title} has a test", i.State == "done")])).ToList(),
            t.Items.Where(i => i.Late).Select(i => new FindingJson("PL004", "sla-breached", "error", t.Path, 1, 1, 1, 2, $"{i.Key} is past its SLA", i.Key, null, null, null)).ToList(),
            t.Items.Where(i => i.State == "done").Select(i => new VerdictJson(i.Key, "unknown")).ToList()))
            .ToList();
        var none = new StateCountsJson(0, 0, 0, 0, 0, 0);
        var status = new StatusJson(StatusJson.Version, JsonMapping.Date(Today), [],
            new TotalsJson(documents.Count, none, new BoxCountJson(0, 0), new BoxCountJson(0, 0), new Dictionary<string, PriorityCountJson>(),
                new ProgressJson("items", 0, 0, null), 0, 0, new FindingCountsJson(0, 0, 0, 0), new VerificationJson(0, 0, 0, 0)), null);
        return new PushJson(PushJson.Version, repository, new PushCommitJson(Sha(sha), DateTimeOffset.Parse(committedAt, System.Globalization.CultureInfo.InvariantCulture), "main"),
            JsonMapping.Date(Today), status, documents);
    }

    /// <summary>A 40-digit commit id from a short name, so tests can say "a1", "b2".</summary>
    public static string Sha(string name) => Convert.ToHexStringLower(System.Security.Cryptography.SHA1.HashData(Encoding.UTF8.GetBytes(name)));

    public static Tracker Tracker(string path, params Spec[] items) =>
        new(path, "# " + path + "\n" + string.Concat(items.Select(i => $"- [{(i.State == "done" ? "x" : " ")}] {i.Key} {i.Title} ({i.Priority}, {i.Owner}, {i.Due})\n")), items);

    private static ItemJson Item(string path, Spec i, int n) => new(
        i.Key, $"{path}#{i.Key}", i.Key, path, n + 2, 1, "task", i.Title, "Work", ["Work"], i.Priority, i.Priority, null, i.State,
        new BoxCountJson(1, i.State == "done" ? 1 : 0), i.Owner, i.Due, i.Due is { } due && DateOnly.Parse(due, System.Globalization.CultureInfo.InvariantCulture) < Today && i.State != "done",
        null, null, [], []);
}

internal sealed record Tracker(string Path, string Content, IReadOnlyList<Spec> Items);

internal sealed record Spec(string Key, string Title, string State = "open", string? Priority = null, string? Owner = null, string? Due = null, bool Late = false);
