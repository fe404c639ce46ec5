using Microsoft.Data.Sqlite;
using Punchlist.Model;
using Punchlist.Search;
using Punchlist.Storage.Queries;

namespace Punchlist.Storage;

/// <summary>Reads items back whole (criteria, searched texts, technologies): what a round trip must preserve.</summary>
internal static class ItemStore
{
    public static List<ItemRecord> ReadFull(SqliteConnection connection, string path)
    {
        var items = new List<(long Id, ItemRecord Item, string Fields, string Body)>();
        using (var command = connection.Command("""
            SELECT i.id, i.ordinal, i.key, i.item_id, i.line, i.state, i.due, i.criteria_total, i.criteria_checked, det.data, f.title, f.fields, f.body
            FROM items i JOIN documents d ON d.id = i.doc_id JOIN item_details det ON det.id = i.id JOIN items_fts f ON f.rowid = i.id
            WHERE d.path = $path ORDER BY i.ordinal
            """, ("$path", path)))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                items.Add((reader.GetInt64(0), ItemRows.Read(reader, 1), reader.GetString(11), reader.GetString(12)));
            }
        }

        return items.Select(i => i.Item with
        {
            Fields = i.Fields,
            Body = i.Body,
            Criteria = Criteria(connection, i.Id),
            Tech = InDictionaryOrder(Strings(connection, "SELECT tech FROM item_tech WHERE item_id = $id", i.Id)),
        }).ToList();
    }

    private static List<string> InDictionaryOrder(List<string> tech) =>
        TechDictionary.Default.Technologies.Select(t => t.Name).Where(tech.Contains).ToList();

    private static List<CriterionRecord> Criteria(SqliteConnection connection, long id)
    {
        var criteria = new List<CriterionRecord>();
        using var command = connection.Command("SELECT number, marker, state, checked, line, depth, text FROM criteria WHERE item_id = $id ORDER BY number", ("$id", id));
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            criteria.Add(new CriterionRecord(reader.GetInt32(0), reader.GetString(1)[0], (ItemState)reader.GetInt32(2), reader.GetBoolean(3), reader.GetInt32(4), reader.GetInt32(5), reader.GetString(6)));
        }

        return criteria;
    }

    private static List<string> Strings(SqliteConnection connection, string sql, long id)
    {
        var values = new List<string>();
        using var command = connection.Command(sql, ("$id", id));
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }
}
