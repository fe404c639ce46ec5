using System.Collections.Frozen;
using Punchlist.Model;
using Punchlist.Text;

namespace Punchlist.Reading.Tables;

/// <summary>What a table column holds, read from its header.</summary>
public enum ColumnRole
{
    Other,
    Id,
    Title,
    Status,
    Owner,
    Effort,
    Due,
    Priority,
    Severity,
    Category,
    Notes,
    Date,
}

/// <summary>
/// Reads a table header (`ID`, `Task`, `Effort`, `Status`, `Owner`, `الحالة`) as a column role. Headers
/// are folded (case, accents, emoji and punctuation dropped) and matched whole, so `Current Status`,
/// `Feature ID` and `Est. Hours` are known and `Statistics` is not a status.
/// </summary>
public static class ColumnRoles
{
    private static readonly FrozenDictionary<string, ColumnRole> Known = new Dictionary<string, ColumnRole>(StringComparer.Ordinal)
    {
        ["id"] = ColumnRole.Id, ["ids"] = ColumnRole.Id, ["ref"] = ColumnRole.Id, ["key"] = ColumnRole.Id, ["ticket"] = ColumnRole.Id,
        ["task id"] = ColumnRole.Id, ["feature id"] = ColumnRole.Id, ["item id"] = ColumnRole.Id, ["issue"] = ColumnRole.Id,
        ["no"] = ColumnRole.Id, ["nr"] = ColumnRole.Id, ["code"] = ColumnRole.Id,

        ["task"] = ColumnRole.Title, ["tasks"] = ColumnRole.Title, ["feature"] = ColumnRole.Title, ["features"] = ColumnRole.Title,
        ["item"] = ColumnRole.Title, ["items"] = ColumnRole.Title, ["title"] = ColumnRole.Title, ["name"] = ColumnRole.Title,
        ["feature name"] = ColumnRole.Title, ["task name"] = ColumnRole.Title, ["deliverable"] = ColumnRole.Title,
        ["change"] = ColumnRole.Title, ["work item"] = ColumnRole.Title, ["requirement"] = ColumnRole.Title, ["story"] = ColumnRole.Title,
        ["user story"] = ColumnRole.Title, ["milestone"] = ColumnRole.Title, ["gap item"] = ColumnRole.Title, ["backlog item"] = ColumnRole.Title,
        ["action"] = ColumnRole.Title, ["action item"] = ColumnRole.Title, ["step"] = ColumnRole.Title, ["objective"] = ColumnRole.Title,
        ["goal"] = ColumnRole.Title, ["todo"] = ColumnRole.Title, ["to do"] = ColumnRole.Title, ["component"] = ColumnRole.Title,
        ["capability"] = ColumnRole.Title, ["check"] = ColumnRole.Title, ["enhancement"] = ColumnRole.Title, ["fix"] = ColumnRole.Title,
        ["الميزة"] = ColumnRole.Title, ["المهمة"] = ColumnRole.Title, ["tarea"] = ColumnRole.Title, ["funcionalidad"] = ColumnRole.Title,
        ["tache"] = ColumnRole.Title, ["fonctionnalite"] = ColumnRole.Title, ["aufgabe"] = ColumnRole.Title, ["tarefa"] = ColumnRole.Title,
        ["задача"] = ColumnRole.Title, ["任务"] = ColumnRole.Title, ["タスク"] = ColumnRole.Title,

        ["status"] = ColumnRole.Status, ["state"] = ColumnRole.Status, ["current status"] = ColumnRole.Status, ["done"] = ColumnRole.Status,
        ["result"] = ColumnRole.Status, ["results"] = ColumnRole.Status, ["pass"] = ColumnRole.Status, ["passed"] = ColumnRole.Status,
        ["pass fail"] = ColumnRole.Status, ["outcome"] = ColumnRole.Status, ["complete"] = ColumnRole.Status, ["completed"] = ColumnRole.Status,
        ["estado"] = ColumnRole.Status, ["statut"] = ColumnRole.Status, ["etat"] = ColumnRole.Status, ["stato"] = ColumnRole.Status,
        ["situacao"] = ColumnRole.Status, ["الحالة"] = ColumnRole.Status, ["статус"] = ColumnRole.Status, ["состояние"] = ColumnRole.Status,
        ["状态"] = ColumnRole.Status, ["状態"] = ColumnRole.Status, ["ステータス"] = ColumnRole.Status, ["durum"] = ColumnRole.Status,

        ["owner"] = ColumnRole.Owner, ["owners"] = ColumnRole.Owner, ["assignee"] = ColumnRole.Owner, ["assigned to"] = ColumnRole.Owner,
        ["assigned"] = ColumnRole.Owner, ["responsible"] = ColumnRole.Owner, ["dri"] = ColumnRole.Owner, ["who"] = ColumnRole.Owner,
        ["lead"] = ColumnRole.Owner, ["responsable"] = ColumnRole.Owner, ["verantwortlich"] = ColumnRole.Owner, ["المسؤول"] = ColumnRole.Owner,

        ["effort"] = ColumnRole.Effort, ["estimate"] = ColumnRole.Effort, ["est"] = ColumnRole.Effort, ["estimated effort"] = ColumnRole.Effort,
        ["time estimate"] = ColumnRole.Effort, ["estimated time"] = ColumnRole.Effort, ["hours"] = ColumnRole.Effort, ["est hours"] = ColumnRole.Effort,
        ["days"] = ColumnRole.Effort, ["est days"] = ColumnRole.Effort, ["weeks"] = ColumnRole.Effort, ["size"] = ColumnRole.Effort,
        ["story points"] = ColumnRole.Effort, ["points"] = ColumnRole.Effort, ["duration"] = ColumnRole.Effort,

        ["due"] = ColumnRole.Due, ["due date"] = ColumnRole.Due, ["deadline"] = ColumnRole.Due, ["target date"] = ColumnRole.Due,
        ["eta"] = ColumnRole.Due, ["due by"] = ColumnRole.Due,

        ["priority"] = ColumnRole.Priority, ["prio"] = ColumnRole.Priority, ["prioridad"] = ColumnRole.Priority, ["priorite"] = ColumnRole.Priority,
        ["severity"] = ColumnRole.Severity,
        ["category"] = ColumnRole.Category, ["area"] = ColumnRole.Category, ["type"] = ColumnRole.Category, ["tag"] = ColumnRole.Category,
        ["tags"] = ColumnRole.Category, ["domain"] = ColumnRole.Category,

        ["notes"] = ColumnRole.Notes, ["note"] = ColumnRole.Notes, ["comments"] = ColumnRole.Notes, ["comment"] = ColumnRole.Notes,
        ["remarks"] = ColumnRole.Notes, ["details"] = ColumnRole.Notes, ["description"] = ColumnRole.Notes, ["why"] = ColumnRole.Notes,
        ["rationale"] = ColumnRole.Notes, ["verified"] = ColumnRole.Notes, ["evidence"] = ColumnRole.Notes, ["الملاحظات"] = ColumnRole.Notes,
        ["notas"] = ColumnRole.Notes, ["remarques"] = ColumnRole.Notes, ["bemerkungen"] = ColumnRole.Notes, ["purpose"] = ColumnRole.Notes,

        ["date"] = ColumnRole.Date, ["created"] = ColumnRole.Date, ["updated"] = ColumnRole.Date, ["completed on"] = ColumnRole.Date,
        ["started"] = ColumnRole.Date, ["finished"] = ColumnRole.Date, ["timing"] = ColumnRole.Date,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static ColumnRole Of(string header)
    {
        string folded = TextFold.Words(header.Replace('_', ' '));
        return folded.Length == 0 ? ColumnRole.Other : Known.GetValueOrDefault(folded, ColumnRole.Other);
    }

    /// <summary>The metadata kind a cell of the column becomes on its row's item.</summary>
    public static FieldKind FieldOf(ColumnRole role) => role switch
    {
        ColumnRole.Id => FieldKind.Id,
        ColumnRole.Title => FieldKind.Title,
        ColumnRole.Status => FieldKind.Status,
        ColumnRole.Owner => FieldKind.Owner,
        ColumnRole.Effort => FieldKind.Effort,
        ColumnRole.Due => FieldKind.Due,
        ColumnRole.Priority => FieldKind.Priority,
        ColumnRole.Severity => FieldKind.Severity,
        ColumnRole.Category => FieldKind.Category,
        _ => FieldKind.Custom,
    };
}
