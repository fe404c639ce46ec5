namespace Punchlist.Storage.Schema;

/// <summary>One step of the schema, applied once, in order, when a database is opened.</summary>
internal sealed record Migration(int Version, string Sql);

/// <summary>
/// The schema's history. A database records the last step applied (`PRAGMA user_version`); opening
/// applies the steps after it. Never edit a released step: add the next one.
/// </summary>
internal static class Migrations
{
    public static readonly IReadOnlyList<Migration> All = [new(1, V1), new(2, V2), new(3, V3), new(4, V4), new(5, V5), new(6, V6)];

    // Texts live once, in the full-text table (`items_fts`, whose rowid is the item's id); `items` holds
    // what filters and sorts, narrow so that a scan stays cheap; `item_details` what only output needs.
    // Folded columns (`owner`, `sections`) are lower case for case-insensitive matching. No foreign
    // keys: the writer deletes a document's rows itself, which is faster than cascades.
    private const string V1 = """
        CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;

        CREATE TABLE documents(
            id INTEGER PRIMARY KEY,
            path TEXT NOT NULL UNIQUE,
            size INTEGER NOT NULL,
            mtime INTEGER NOT NULL,
            hash BLOB NOT NULL,
            racy INTEGER NOT NULL,
            parsed INTEGER NOT NULL,
            tracker INTEGER NOT NULL,
            title TEXT,
            review_due INTEGER,
            facts BLOB);

        CREATE TABLE items(
            id INTEGER PRIMARY KEY,
            doc_id INTEGER NOT NULL,
            ordinal INTEGER NOT NULL,
            key TEXT NOT NULL,
            item_id TEXT,
            line INTEGER NOT NULL,
            state INTEGER NOT NULL,
            priority INTEGER,
            due INTEGER,
            effort REAL,
            criteria_total INTEGER NOT NULL,
            criteria_checked INTEGER NOT NULL,
            flags INTEGER NOT NULL,
            owner TEXT,
            sections TEXT NOT NULL);
        CREATE INDEX items_by_doc ON items(doc_id, ordinal);
        CREATE INDEX items_by_state ON items(state, priority);
        CREATE INDEX items_by_priority ON items(priority);
        CREATE INDEX items_by_due ON items(due, state) WHERE due IS NOT NULL;
        CREATE INDEX items_by_effort ON items(effort) WHERE effort IS NOT NULL;
        CREATE INDEX items_by_owner ON items(owner) WHERE owner IS NOT NULL;
        CREATE INDEX items_by_key ON items(key COLLATE NOCASE);
        CREATE INDEX items_by_id ON items(item_id COLLATE NOCASE) WHERE item_id IS NOT NULL;

        CREATE TABLE item_details(id INTEGER PRIMARY KEY, data BLOB NOT NULL);

        CREATE TABLE item_tech(tech TEXT NOT NULL, item_id INTEGER NOT NULL, PRIMARY KEY(tech, item_id)) WITHOUT ROWID;
        CREATE INDEX item_tech_by_item ON item_tech(item_id);

        CREATE TABLE criteria(
            item_id INTEGER NOT NULL,
            number INTEGER NOT NULL,
            marker TEXT NOT NULL,
            state INTEGER NOT NULL,
            checked INTEGER NOT NULL,
            line INTEGER NOT NULL,
            depth INTEGER NOT NULL,
            text TEXT NOT NULL,
            PRIMARY KEY(item_id, number)) WITHOUT ROWID;

        CREATE VIRTUAL TABLE items_fts USING fts5(title, criteria, section, fields, body, tokenize = 'porter unicode61 remove_diacritics 2');
        """;

    // What `punch status` adds to the facts: each document's summary (its facts summed, so that a
    // warm status reads a few dozen bytes per document, not a row per item), its IDs (for the references other documents
    // make to them) and a cache of its findings and verification counts with everything they were
    // computed from (see CheckCache); `repository` holds the stamps of what evidence looked at. And an
    // index for effort within a priority (`effort:<=2h priority:p1`), which neither index alone narrows.
    private const string V2 = """
        ALTER TABLE documents ADD COLUMN item_ids TEXT;
        ALTER TABLE documents ADD COLUMN plan_id TEXT;
        ALTER TABLE documents ADD COLUMN ids_hash INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE documents ADD COLUMN summary BLOB;

        CREATE INDEX items_by_priority_effort ON items(priority, effort) WHERE effort IS NOT NULL;

        CREATE TABLE checks(
            doc_id INTEGER PRIMARY KEY,
            hash BLOB NOT NULL,
            today INTEGER,
            head TEXT,
            ids_key INTEGER,
            repository INTEGER NOT NULL,
            counts BLOB NOT NULL,
            lookups BLOB);

        CREATE TABLE repository(path TEXT NOT NULL, folder INTEGER NOT NULL, size INTEGER NOT NULL, mtime INTEGER NOT NULL,
            PRIMARY KEY(path, folder)) WITHOUT ROWID;
        """;

    // The documents table holds each document's facts (about 1.5 KB) in its rows, so reading a few
    // narrow columns of every document crosses most of its pages. Every command starts by comparing
    // the files found with what the index remembers, and `punch status` reads every summary: from
    // these covering indexes, for 10,000 documents, 11 ms instead of 40 and 7 ms instead of 28.
    private const string V3 = """
        CREATE INDEX documents_stamps ON documents(path, id, size, mtime, racy, parsed);
        CREATE INDEX documents_summaries ON documents(path, id, title, tracker, ids_hash, summary) WHERE summary IS NOT NULL;
        """;

    // A warm status serves each document's findings from `checks` only while the document's content
    // hash is the one they were computed for. Reading that hash from the wide documents rows crossed
    // 15 MB of pages for 10,000 documents: 150 ms in a fresh process, 26 ms from this index.
    private const string V4 = """
        CREATE INDEX documents_hashes ON documents(id, hash);
        """;

    // How many items each document holds of each priority and state: a query of priorities, states,
    // documents and staleness alone (`priority:p0 is:open`, the commonest) counts its matches from a
    // row per document instead of an index entry per item (a million items, 5,000 documents: 2.5 -> 0.23 ms
    // from Python's sqlite3).
    private const string V5 = """
        CREATE TABLE item_counts(doc_id INTEGER NOT NULL, priority INTEGER, state INTEGER NOT NULL, n INTEGER NOT NULL);
        CREATE INDEX item_counts_by_doc ON item_counts(doc_id);
        CREATE INDEX item_counts_by_state ON item_counts(state, priority, doc_id, n);
        INSERT INTO item_counts(doc_id, priority, state, n) SELECT doc_id, priority, state, count(*) FROM items GROUP BY doc_id, priority, state;
        """;

    // The trackers' past, read from git (see History/): each main-line commit that changed a tracker
    // (`history_commits`, in order), each distinct blob parsed once (`history_blobs`: its items and
    // claims, encoded), each document through renames (`history_documents`: its latest path, and its
    // blob now — null once deleted), what each commit made of each document it touched
    // (`history_versions`: the summary, and how many claims it made and how many were false), each
    // item through every key it had (`history_items`: its document and key now, whether it is there,
    // where it first appeared), and a row per commit that changed an item
    // (`history_changes`: the item as that commit left it). `meta` holds the last commit read
    // (`history.head`), so that the next run reads only the commits after it.
    private const string V6 = """
        CREATE TABLE history_commits(seq INTEGER PRIMARY KEY, id TEXT NOT NULL, time INTEGER NOT NULL, author TEXT NOT NULL, subject TEXT NOT NULL, merge INTEGER NOT NULL);
        CREATE TABLE history_blobs(blob TEXT PRIMARY KEY, version BLOB NOT NULL) WITHOUT ROWID;
        CREATE TABLE history_documents(id INTEGER PRIMARY KEY, path TEXT NOT NULL, blob TEXT, first_seq INTEGER NOT NULL, last_seq INTEGER NOT NULL);
        CREATE TABLE history_versions(doc_id INTEGER NOT NULL, seq INTEGER NOT NULL, path TEXT NOT NULL, blob TEXT, summary BLOB, claims INTEGER NOT NULL, false_claims INTEGER NOT NULL,
            PRIMARY KEY(doc_id, seq)) WITHOUT ROWID;
        CREATE INDEX history_versions_with_claims ON history_versions(seq) WHERE claims > 0;
        CREATE TABLE history_items(id INTEGER PRIMARY KEY, doc_id INTEGER NOT NULL, key TEXT NOT NULL, present INTEGER NOT NULL, first_seq INTEGER NOT NULL);
        CREATE INDEX history_items_by_doc ON history_items(doc_id, present, key);
        CREATE TABLE history_changes(seq INTEGER NOT NULL, item_id INTEGER NOT NULL, doc_id INTEGER NOT NULL, present INTEGER NOT NULL,
            key TEXT NOT NULL, item_key TEXT, title TEXT NOT NULL, state INTEGER NOT NULL, priority INTEGER, due INTEGER, owner TEXT,
            criteria_total INTEGER NOT NULL, criteria_checked INTEGER NOT NULL, sections TEXT NOT NULL,
            PRIMARY KEY(seq, item_id)) WITHOUT ROWID;
        CREATE INDEX history_changes_by_item ON history_changes(item_id, seq);
        """;
}
