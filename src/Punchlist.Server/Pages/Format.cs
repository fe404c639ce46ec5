using System.Globalization;
using Punchlist.Analysis;

namespace Punchlist.Server.Pages;

/// <summary>How numbers and dates read on the pages: the same rounding `punch status` uses, always with the basis.</summary>
public static class Format
{
    public static string Percent(Fraction f) => f.Percent is { } p ? $"{p}%" : "–";

    public static string Of(Fraction f) => $"{f.Done.ToString("N0", CultureInfo.InvariantCulture)}/{f.Total.ToString("N0", CultureInfo.InvariantCulture)}";

    public static string Count(int n) => n.ToString("N0", CultureInfo.InvariantCulture);

    public static string Date(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Time(DateTimeOffset t) => t.ToLocalTime().ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    public static string Days(int days) => days == 1 ? "1 day" : $"{Count(days)} days";

    public static string Plural(int n, string one, string many) => n == 1 ? $"1 {one}" : $"{Count(n)} {many}";
}
