using System.Collections.Frozen;
using Punchlist.Model;
using Punchlist.Text;

namespace Punchlist.Reading.Vocabulary;

/// <summary>The synonyms teams use for each metadata key, folded to lower-case words.</summary>
public static class FieldKeys
{
    private static readonly FrozenDictionary<string, FieldKind> Known = new Dictionary<string, FieldKind>(StringComparer.Ordinal)
    {
        ["id"] = FieldKind.Id,
        ["title"] = FieldKind.Title,
        ["status"] = FieldKind.Status,
        ["state"] = FieldKind.Status,
        ["current status"] = FieldKind.Status,
        ["estado"] = FieldKind.Status,
        ["statut"] = FieldKind.Status,
        ["etat"] = FieldKind.Status,
        ["stato"] = FieldKind.Status,
        ["situacao"] = FieldKind.Status,
        ["الحالة"] = FieldKind.Status,
        ["статус"] = FieldKind.Status,
        ["состояние"] = FieldKind.Status,
        ["状态"] = FieldKind.Status,
        ["状態"] = FieldKind.Status,
        ["ステータス"] = FieldKind.Status,
        ["prioridad"] = FieldKind.Priority,
        ["prioridade"] = FieldKind.Priority,
        ["priorite"] = FieldKind.Priority,
        ["prioritat"] = FieldKind.Priority,
        ["priorita"] = FieldKind.Priority,
        ["الأولوية"] = FieldKind.Priority,
        ["responsable"] = FieldKind.Owner,
        ["responsavel"] = FieldKind.Owner,
        ["verantwortlich"] = FieldKind.Owner,
        ["المسؤول"] = FieldKind.Owner,
        ["priority"] = FieldKind.Priority,
        ["prio"] = FieldKind.Priority,
        ["priority level"] = FieldKind.Priority,
        ["severity"] = FieldKind.Severity,
        ["effort"] = FieldKind.Effort,
        ["estimate"] = FieldKind.Effort,
        ["estimated effort"] = FieldKind.Effort,
        ["estimated time"] = FieldKind.Effort,
        ["time estimate"] = FieldKind.Effort,
        ["est"] = FieldKind.Effort,
        ["owner"] = FieldKind.Owner,
        ["owners"] = FieldKind.Owner,
        ["assignee"] = FieldKind.Owner,
        ["assignees"] = FieldKind.Owner,
        ["assigned to"] = FieldKind.Owner,
        ["assigned"] = FieldKind.Owner,
        ["responsible"] = FieldKind.Owner,
        ["dri"] = FieldKind.Owner,
        ["due"] = FieldKind.Due,
        ["due date"] = FieldKind.Due,
        ["due by"] = FieldKind.Due,
        ["deadline"] = FieldKind.Due,
        ["target date"] = FieldKind.Due,
        ["eta"] = FieldKind.Due,
        ["category"] = FieldKind.Category,
        ["domain"] = FieldKind.Category,
        ["area"] = FieldKind.Category,
        ["component"] = FieldKind.Category,
        ["created"] = FieldKind.Created,
        ["created date"] = FieldKind.Created,
        ["created at"] = FieldKind.Created,
        ["created on"] = FieldKind.Created,
        ["date created"] = FieldKind.Created,
        ["creation date"] = FieldKind.Created,
        ["generated"] = FieldKind.Created,
        ["generated on"] = FieldKind.Created,
        ["date"] = FieldKind.Created,
        ["opened"] = FieldKind.Created,
        ["added"] = FieldKind.Created,
        ["date added"] = FieldKind.Created,
        ["last updated"] = FieldKind.LastUpdated,
        ["updated"] = FieldKind.LastUpdated,
        ["updated at"] = FieldKind.LastUpdated,
        ["updated on"] = FieldKind.LastUpdated,
        ["last update"] = FieldKind.LastUpdated,
        ["last modified"] = FieldKind.LastUpdated,
        ["modified"] = FieldKind.LastUpdated,
        ["last reviewed"] = FieldKind.LastReviewed,
        ["reviewed"] = FieldKind.LastReviewed,
        ["last review"] = FieldKind.LastReviewed,
        ["reviewed on"] = FieldKind.LastReviewed,
        ["next review"] = FieldKind.NextReview,
        ["next review date"] = FieldKind.NextReview,
        ["review date"] = FieldKind.NextReview,
        ["review by"] = FieldKind.NextReview,
        ["review cadence"] = FieldKind.ReviewCadence,
        ["review frequency"] = FieldKind.ReviewCadence,
        ["review cycle"] = FieldKind.ReviewCadence,
        ["depends on"] = FieldKind.DependsOn,
        ["dependencies"] = FieldKind.DependsOn,
        ["dependency"] = FieldKind.DependsOn,
        ["blocked by"] = FieldKind.DependsOn,
        ["requires"] = FieldKind.DependsOn,
        ["prerequisites"] = FieldKind.DependsOn,
        ["completed"] = FieldKind.Completed,
        ["completed on"] = FieldKind.Completed,
        ["completed at"] = FieldKind.Completed,
        ["completion date"] = FieldKind.Completed,
        ["done on"] = FieldKind.Completed,
        ["version"] = FieldKind.Version,
        ["document version"] = FieldKind.Version,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The kind of a key as written (`**Last Updated**`, `last_updated`, `Assignee`).</summary>
    public static FieldKind Classify(string key)
    {
        string folded = TextFold.Words(key.Replace('_', ' '));
        return Known.TryGetValue(folded, out var kind) ? kind : FieldKind.Custom;
    }

    /// <summary>Keys whose presence right under a heading makes that heading an item (a card).</summary>
    public static bool NamesAnItem(FieldKind kind) =>
        kind is FieldKind.Status or FieldKind.Priority or FieldKind.Severity or FieldKind.Effort or FieldKind.Owner or FieldKind.Due;
}
