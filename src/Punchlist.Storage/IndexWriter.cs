using Punchlist.Analysis;
using Microsoft.Data.Sqlite;
using Punchlist.Search;
using Punchlist.Storage.Checks;
using Punchlist.Storage.Codecs;

namespace Punchlist.Storage;

/// <summary>What the index remembers of a file to know, next time, whether it changed.</summary>
internal sealed record FileStamp(string Path, long Size, long LastWriteTicks, byte[] Hash, bool Racy);

/// <summary>
/// Writes documents and their items, criteria, technologies and full-text rows, within one
/// transaction, with commands prepared once. Item ids are assigned here (the writer holds the write
/// lock), and an item's id is also its full-text rowid.
/// </summary>
internal sealed class IndexWriter : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly WriteTransaction _transaction;
    private readonly List<SqliteCommand> _commands = [];
    private readonly SqliteCommand _putDocument, _touchDocument, _deleteDocument;
    private readonly SqliteCommand[] _deleteRows;
    private readonly SqliteCommand _insertItem, _insertDetails, _insertTech, _insertCriterion, _insertText, _countItems;
    private readonly bool _factsOnly;
    private long _nextItem;

    public IndexWriter(SqliteConnection connection, bool factsOnly = false)
    {
        _connection = connection;
        _factsOnly = factsOnly;
        _transaction = WriteTransaction.Begin(connection);
        _nextItem = connection.Scalar<long>("SELECT coalesce(max(id), 0) + 1 FROM items");
        // An upsert by path: another process may have stored the same new file since this one looked.
        _putDocument = Prepare("""
            INSERT INTO documents(path, size, mtime, hash, racy, parsed, tracker, title, review_due, facts, summary, item_ids, plan_id, ids_hash)
            VALUES ($path, $size, $mtime, $hash, $racy, $parsed, $tracker, $title, $review, $facts, $summary, $itemIds, $planId, $idsHash)
            ON CONFLICT(path) DO UPDATE SET size = excluded.size, mtime = excluded.mtime, hash = excluded.hash, racy = excluded.racy,
                parsed = excluded.parsed, tracker = excluded.tracker, title = excluded.title, review_due = excluded.review_due, facts = excluded.facts,
                summary = excluded.summary, item_ids = excluded.item_ids, plan_id = excluded.plan_id, ids_hash = excluded.ids_hash
            RETURNING id
            """, "$path", "$size", "$mtime", "$hash", "$racy", "$parsed", "$tracker", "$title", "$review", "$facts", "$summary", "$itemIds", "$planId", "$idsHash");
        _touchDocument = Prepare("UPDATE documents SET size = $size, mtime = $mtime, racy = $racy WHERE id = $id", "$id", "$size", "$mtime", "$racy");
        _deleteDocument = Prepare("DELETE FROM documents WHERE id = $doc", "$doc");
        _deleteRows =
        [
            Prepare("DELETE FROM checks WHERE doc_id = $doc", "$doc"),
            Prepare("DELETE FROM items_fts WHERE rowid IN (SELECT id FROM items WHERE doc_id = $doc)", "$doc"),
            Prepare("DELETE FROM criteria WHERE item_id IN (SELECT id FROM items WHERE doc_id = $doc)", "$doc"),
            Prepare("DELETE FROM item_tech WHERE item_id IN (SELECT id FROM items WHERE doc_id = $doc)", "$doc"),
            Prepare("DELETE FROM item_details WHERE id IN (SELECT id FROM items WHERE doc_id = $doc)", "$doc"),
            Prepare("DELETE FROM items WHERE doc_id = $doc", "$doc"),
            Prepare("DELETE FROM item_counts WHERE doc_id = $doc", "$doc"),
        ];
        _countItems = Prepare("INSERT INTO item_counts(doc_id, priority, state, n) SELECT doc_id, priority, state, count(*) FROM items WHERE doc_id = $doc GROUP BY priority, state", "$doc");
        _insertItem = Prepare("INSERT INTO items(id, doc_id, ordinal, key, item_id, line, state, priority, due, effort, criteria_total, criteria_checked, flags, owner, sections) VALUES ($id, $doc, $ordinal, $key, $itemId, $line, $state, $priority, $due, $effort, $total, $checked, $flags, $owner, $sections)",
            "$id", "$doc", "$ordinal", "$key", "$itemId", "$line", "$state", "$priority", "$due", "$effort", "$total", "$checked", "$flags", "$owner", "$sections");
        _insertDetails = Prepare("INSERT INTO item_details(id, data) VALUES ($id, $data)", "$id", "$data");
        _insertTech = Prepare("INSERT INTO item_tech(tech, item_id) VALUES ($tech, $id)", "$tech", "$id");
        _insertCriterion = Prepare("INSERT INTO criteria(item_id, number, marker, state, checked, line, depth, text) VALUES ($id, $number, $marker, $state, $checked, $line, $depth, $text)",
            "$id", "$number", "$marker", "$state", "$checked", "$line", "$depth", "$text");
        _insertText = Prepare("INSERT INTO items_fts(rowid, title, criteria, section, fields, body) VALUES ($id, $title, $criteria, $section, $fields, $body)",
            "$id", "$title", "$criteria", "$section", "$fields", "$body");
    }

    /// <summary>Item flags kept in one column: what `has:files` and `is:contradicted` test.</summary>
    [Flags]
    public enum ItemFlags
    {
        None = 0,
        Files = 1,
        Contradicted = 2,
    }

    /// <summary>Stores a file's stamp and its reading (null when the prefilter ruled it out unparsed); returns its id.</summary>
    public long Put(FileStamp stamp, DocumentRecord? record)
    {
        var command = _putDocument;
        Set(command, "$path", stamp.Path);
        Set(command, "$size", stamp.Size);
        Set(command, "$mtime", stamp.LastWriteTicks);
        Set(command, "$hash", stamp.Hash);
        Set(command, "$racy", stamp.Racy);
        Set(command, "$parsed", record is not null);
        Set(command, "$tracker", record?.IsTracker ?? false);
        Set(command, "$title", record?.Facts.Title);
        Set(command, "$review", record?.ReviewDue?.DayNumber);
        Set(command, "$facts", record is null ? null : FactsCodec.Encode(record.Facts));
        Set(command, "$summary", record is null ? null : SummaryCodec.Encode(DocumentSummary.Of(record.Facts)));
        var ids = DocumentIds.Of(record);
        Set(command, "$itemIds", ids.ItemIds);
        Set(command, "$planId", ids.PlanId);
        Set(command, "$idsHash", ids.Hash);
        long doc = (long)command.ExecuteScalar()!;
        RemoveRows(doc);
        IReadOnlyList<ItemRecord> items = _factsOnly ? [] : record?.Items ?? [];
        foreach (var item in items)
        {
            PutItem(doc, item);
        }

        if (items.Count > 0)
        {
            Set(_countItems, "$doc", doc);
            _countItems.ExecuteNonQuery();
        }

        return doc;
    }

    /// <summary>The file's bytes did not change (only its time stamp): keep its reading.</summary>
    public void Touch(long id, FileStamp stamp)
    {
        Set(_touchDocument, "$id", id);
        Set(_touchDocument, "$size", stamp.Size);
        Set(_touchDocument, "$mtime", stamp.LastWriteTicks);
        Set(_touchDocument, "$racy", stamp.Racy);
        _touchDocument.ExecuteNonQuery();
    }

    public void Remove(long id)
    {
        RemoveRows(id);
        Set(_deleteDocument, "$doc", id);
        _deleteDocument.ExecuteNonQuery();
    }

    public void Commit() => _transaction.Commit();

    public void Dispose()
    {
        _commands.ForEach(c => c.Dispose());
        _transaction.Dispose();
    }

    private void PutItem(long doc, ItemRecord item)
    {
        long id = _nextItem++;
        var flags = (item.HasFiles ? ItemFlags.Files : ItemFlags.None) | (item.Contradicted ? ItemFlags.Contradicted : ItemFlags.None);
        Set(_insertItem, "$id", id);
        Set(_insertItem, "$doc", doc);
        Set(_insertItem, "$ordinal", item.Ordinal);
        Set(_insertItem, "$key", item.Key);
        Set(_insertItem, "$itemId", item.Id);
        Set(_insertItem, "$line", item.Line);
        Set(_insertItem, "$state", (int)item.State);
        Set(_insertItem, "$priority", item.Priority?.Rank);
        Set(_insertItem, "$due", item.Due?.DayNumber);
        Set(_insertItem, "$effort", item.Effort?.Hours);
        Set(_insertItem, "$total", item.CriteriaTotal);
        Set(_insertItem, "$checked", item.CriteriaChecked);
        Set(_insertItem, "$flags", (int)flags);
        Set(_insertItem, "$owner", Folding.Owner(item.Owner));
        Set(_insertItem, "$sections", Folding.Sections(item.Category, item.SectionPath));
        _insertItem.ExecuteNonQuery();

        Set(_insertDetails, "$id", id);
        Set(_insertDetails, "$data", ItemDetails.Encode(item));
        _insertDetails.ExecuteNonQuery();

        foreach (string tech in item.Tech)
        {
            Set(_insertTech, "$tech", tech);
            Set(_insertTech, "$id", id);
            _insertTech.ExecuteNonQuery();
        }

        foreach (var c in item.Criteria)
        {
            Set(_insertCriterion, "$id", id);
            Set(_insertCriterion, "$number", c.Number);
            Set(_insertCriterion, "$marker", c.Marker.ToString());
            Set(_insertCriterion, "$state", (int)c.State);
            Set(_insertCriterion, "$checked", c.Checked);
            Set(_insertCriterion, "$line", c.Line);
            Set(_insertCriterion, "$depth", c.Depth);
            Set(_insertCriterion, "$text", c.Text);
            _insertCriterion.ExecuteNonQuery();
        }

        Set(_insertText, "$id", id);
        Set(_insertText, "$title", Folding.Indexable(item.Title));
        Set(_insertText, "$criteria", Folding.Indexable(string.Join('\n', item.Criteria.Select(c => c.Text))));
        Set(_insertText, "$section", Folding.Indexable(string.Join('\n', item.SectionPath)));
        Set(_insertText, "$fields", Folding.Indexable(item.Fields));
        Set(_insertText, "$body", Folding.Indexable(item.Body));
        _insertText.ExecuteNonQuery();
    }

    private void RemoveRows(long doc)
    {
        foreach (var command in _deleteRows)
        {
            Set(command, "$doc", doc);
            command.ExecuteNonQuery();
        }
    }

    private SqliteCommand Prepare(string sql, params string[] names)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        foreach (string name in names)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        }

        command.Prepare();
        _commands.Add(command);
        return command;
    }

    private static void Set(SqliteCommand command, string name, object? value) => command.Parameters[name].Value = value ?? DBNull.Value;
}
