using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using Microsoft.Data.Sqlite;

namespace Punchlist.Storage.Queries;

/// <summary>
/// `punch_rank(items_fts, part, phrases [, hits])`: an FTS5 auxiliary function that ranks by the first
/// `phrases` phrases of the full-text expression only, so a query can be narrowed by more phrases in the
/// same expression (`(query) AND ({title}: word …)`) without a second full-text query to intersect with.
/// Part 0 is where the phrases matched, as `tier * 4 + (3 - matched)`: tier 0 for the title, 1 for the
/// criteria, 2 otherwise, and `matched` the number of title, criteria and prose columns holding a match,
/// so ascending order is by tier, then by more columns matched. Part 1 is FTS5's own BM25 (the same
/// formula as its `bm25`) with <see cref="Weights"/>. `hits`, when the caller knows it, is how many rows
/// hold phrase 0: BM25's IDF then needs no walk of that phrase's whole doclist (for the commonest word
/// of a million items, its narrowed walk took 41 ms with that walk and 33 without). Like FTS5's bm25,
/// it computes these statistics on its first row and keeps them for the rest of the statement.
/// </summary>
/// <remarks>
/// Written by hand because Microsoft.Data.Sqlite only registers scalar and aggregate functions: FTS5's
/// extension API (fts5.h) is reached through the `fts5_api` pointer that `SELECT fts5(?1)` hands out
/// with sqlite3_bind_pointer, called here on the bundled e_sqlite3 library the connection already uses.
/// </remarks>
internal static unsafe class RankFunction
{
    public const string Name = "punch_rank";

    /// <summary>BM25 weights of items_fts's columns: title, criteria, section, fields, body.</summary>
    public static readonly double[] Weights = [10.0, 4.0, 1.0, 2.0, 1.0];

    private const int TitleColumn = 0, CriteriaColumn = 1, BodyColumn = 4;
    private const int SqliteOk = 0, SqliteRow = 100, SqliteInteger = 1, SqliteNull = 5;
    private const string Library = "e_sqlite3";

    /// <summary>Makes the function known to FTS5 on this connection's database handle.</summary>
    public static void Register(SqliteConnection connection)
    {
        IntPtr db = connection.Handle!.DangerousGetHandle();
        Fts5Api* api = null;
        IntPtr statement;
        fixed (byte* text = "SELECT fts5(?1)\0"u8)
        {
            Check(sqlite3_prepare_v2(db, text, -1, out statement, IntPtr.Zero), "prepare");
        }

        // SQLite keeps the type's address until the step compares it: the literal is static data, which never moves.
        fixed (byte* type = "fts5_api_ptr\0"u8)
        {
            try
            {
                Check(sqlite3_bind_pointer(statement, 1, &api, type, IntPtr.Zero), "bind");
                Check(sqlite3_step(statement) == SqliteRow ? SqliteOk : 1, "step");
            }
            finally
            {
                sqlite3_finalize(statement);
            }
        }

        if (api is null || api->Version < 2)
        {
            throw new InvalidOperationException("the SQLite library has no FTS5 extension API");
        }

        fixed (byte* name = "punch_rank\0"u8) // Name, as C text (FTS5 copies it)
        {
            Check(api->CreateFunction(api, name, IntPtr.Zero, &Rank, IntPtr.Zero), "register");
        }
    }

    private static void Check(int code, string step)
    {
        if (code != SqliteOk)
        {
            throw new InvalidOperationException($"could not register {Name} ({step}: SQLite error {code})");
        }
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void Rank(Fts5ExtensionApi* api, IntPtr fts, IntPtr context, int count, IntPtr* values)
    {
        // An exception must not cross back into SQLite's C frames (it would end the process): every
        // failure becomes the statement's error.
        try
        {
            if (Compute(api, fts, context, count, values) is { } error)
            {
                Fail(context, error);
            }
        }
        catch (Exception e)
        {
            Fail(context, $"{Name} failed: {e.Message}");
        }
    }

    private static string? Compute(Fts5ExtensionApi* api, IntPtr fts, IntPtr context, int count, IntPtr* values)
    {
        long requested = count >= 2 && sqlite3_value_type(values[0]) == SqliteInteger && sqlite3_value_type(values[1]) == SqliteInteger
            ? sqlite3_value_int64(values[1])
            : -1;
        if (requested < 0)
        {
            return Name + "(items_fts, part, phrases [, hits]) needs a part and a phrase count, whole numbers";
        }

        long part = sqlite3_value_int64(values[0]);
        int phrases = (int)Math.Min(requested, api->PhraseCount(fts));
        int instances;
        if (api->InstCount(fts, &instances) != SqliteOk)
        {
            return "could not read the row's matches";
        }

        if (part == 0)
        {
            sqlite3_result_int64(context, Where(api, fts, phrases, instances));
            return null;
        }

        var data = Statistics(api, fts, phrases, count > 2 && sqlite3_value_type(values[2]) != SqliteNull ? sqlite3_value_int64(values[2]) : -1);
        if (data is null)
        {
            return "could not read the index's statistics";
        }

        sqlite3_result_double(context, Bm25(api, fts, data, phrases, instances));
        return null;
    }

    private static long Where(Fts5ExtensionApi* api, IntPtr fts, int phrases, int instances)
    {
        bool title = false, criteria = false, body = false;
        for (int i = 0; i < instances; i++)
        {
            int phrase, column, offset;
            if (api->Inst(fts, i, &phrase, &column, &offset) == SqliteOk && phrase < phrases)
            {
                title |= column == TitleColumn;
                criteria |= column == CriteriaColumn;
                body |= column == BodyColumn;
            }
        }

        int tier = title ? 0 : criteria ? 1 : 2;
        int matched = (title ? 1 : 0) + (criteria ? 1 : 0) + (body ? 1 : 0);
        return (tier * 4) + (3 - matched);
    }

    // FTS5's bm25 (fts5_aux.c): k1 = 1.2, b = 0.75, the term frequency of each phrase weighted by column
    // and the row's length over all columns, in the same order of operations so the scores are the same.
    private static double Bm25(Fts5ExtensionApi* api, IntPtr fts, double* data, int phrases, int instances)
    {
        const double K1 = 1.2, B = 0.75;
        // A query's phrases are few; a pathological one with thousands goes to the heap, not the stack.
        Span<double> frequency = phrases <= 64 ? stackalloc double[phrases] : new double[phrases];
        for (int i = 0; i < instances; i++)
        {
            int phrase, column, offset;
            if (api->Inst(fts, i, &phrase, &column, &offset) == SqliteOk && phrase < phrases)
            {
                frequency[phrase] += column < Weights.Length ? Weights[column] : 1.0;
            }
        }

        int tokens = 0;
        api->ColumnSize(fts, -1, &tokens);
        double length = tokens, average = data[0], score = 0.0;
        for (int i = 0; i < phrases; i++)
        {
            score += data[1 + i] * ((frequency[i] * (K1 + 1.0)) / (frequency[i] + (K1 * (1 - B + (B * length / average)))));
        }

        return -1.0 * score;
    }

    // The query's statistics, kept by FTS5 for the rest of the query: the average row length, then each
    // phrase's IDF. Computed on the first row, as FTS5's bm25 does.
    private static double* Statistics(Fts5ExtensionApi* api, IntPtr fts, int phrases, long knownHits)
    {
        var data = (double*)api->GetAuxdata(fts, 0);
        if (data is not null)
        {
            return data;
        }

        long rows, tokens;
        if (api->RowCount(fts, &rows) != SqliteOk || api->ColumnTotalSize(fts, -1, &tokens) != SqliteOk)
        {
            return null;
        }

        data = (double*)NativeMemory.Alloc((nuint)(phrases + 1), sizeof(double));
        data[0] = (double)tokens / rows;
        for (int i = 0; i < phrases; i++)
        {
            long hits = 0;
            if (i == 0 && knownHits >= 0)
            {
                hits = knownHits;
            }
            else if (api->QueryPhrase(fts, i, &hits, &CountRow) != SqliteOk)
            {
                NativeMemory.Free(data);
                return null;
            }

            double idf = Math.Log((rows - hits + 0.5) / (hits + 0.5));
            data[1 + i] = idf <= 0.0 ? 1e-6 : idf;
        }

        if (api->SetAuxdata(fts, data, &Free) != SqliteOk)
        {
            return null;
        }

        return data;
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static int CountRow(Fts5ExtensionApi* api, IntPtr fts, long* hits)
    {
        (*hits)++;
        return SqliteOk;
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void Free(void* data) => NativeMemory.Free(data);

    private static void Fail(IntPtr context, string message)
    {
        byte[] text = Encoding.UTF8.GetBytes(message);
        fixed (byte* bytes = text)
        {
            sqlite3_result_error(context, bytes, text.Length);
        }
    }

    // fts5.h's fts5_api, up to the member used.
    [StructLayout(LayoutKind.Sequential)]
    private struct Fts5Api
    {
        public int Version;
        public IntPtr CreateTokenizer;
        public IntPtr FindTokenizer;
        public delegate* unmanaged[Cdecl]<Fts5Api*, byte*, IntPtr, delegate* unmanaged[Cdecl]<Fts5ExtensionApi*, IntPtr, IntPtr, int, IntPtr*, void>, IntPtr, int> CreateFunction;
    }

    // fts5.h's Fts5ExtensionApi, up to the last member used, in its order.
    [StructLayout(LayoutKind.Sequential)]
    private struct Fts5ExtensionApi
    {
        public int Version;
        public IntPtr UserData;
        public IntPtr ColumnCount;
        public delegate* unmanaged[Cdecl]<IntPtr, long*, int> RowCount;
        public delegate* unmanaged[Cdecl]<IntPtr, int, long*, int> ColumnTotalSize;
        public IntPtr Tokenize;
        public delegate* unmanaged[Cdecl]<IntPtr, int> PhraseCount;
        public IntPtr PhraseSize;
        public delegate* unmanaged[Cdecl]<IntPtr, int*, int> InstCount;
        public delegate* unmanaged[Cdecl]<IntPtr, int, int*, int*, int*, int> Inst;
        public IntPtr Rowid;
        public IntPtr ColumnText;
        public delegate* unmanaged[Cdecl]<IntPtr, int, int*, int> ColumnSize;
        public delegate* unmanaged[Cdecl]<IntPtr, int, long*, delegate* unmanaged[Cdecl]<Fts5ExtensionApi*, IntPtr, long*, int>, int> QueryPhrase;
        public delegate* unmanaged[Cdecl]<IntPtr, void*, delegate* unmanaged[Cdecl]<void*, void>, int> SetAuxdata;
        public delegate* unmanaged[Cdecl]<IntPtr, int, void*> GetAuxdata;
    }

    [DllImport(Library)]
    private static extern int sqlite3_prepare_v2(IntPtr db, byte* sql, int bytes, out IntPtr statement, IntPtr tail);

    [DllImport(Library)]
    private static extern int sqlite3_bind_pointer(IntPtr statement, int index, void* pointer, byte* type, IntPtr destructor);

    [DllImport(Library)]
    private static extern int sqlite3_step(IntPtr statement);

    [DllImport(Library)]
    private static extern int sqlite3_finalize(IntPtr statement);

    [DllImport(Library)]
    private static extern long sqlite3_value_int64(IntPtr value);

    [DllImport(Library)]
    private static extern int sqlite3_value_type(IntPtr value);

    [DllImport(Library)]
    private static extern void sqlite3_result_int64(IntPtr context, long value);

    [DllImport(Library)]
    private static extern void sqlite3_result_double(IntPtr context, double value);

    [DllImport(Library)]
    private static extern void sqlite3_result_error(IntPtr context, byte* message, int bytes);
}
