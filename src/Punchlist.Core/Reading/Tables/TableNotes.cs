namespace Punchlist.Reading.Tables;

/// <summary>What the reader notes about a table it read as items, for `--explain`.</summary>
public static class TableNotes
{
    /// <summary>How the note on a status matrix starts: hosts find the documents whose matrices to show by it.</summary>
    public const string MatrixPrefix = "a status matrix";

    internal static string Matrix(int rows, IEnumerable<string> stages) =>
        $"{MatrixPrefix} of {rows} row{(rows == 1 ? string.Empty : "s")} by {string.Join(", ", stages)}: one item per row, one criterion per cell, a row done when every cell is";
}
