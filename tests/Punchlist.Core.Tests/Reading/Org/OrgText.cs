using FsCheck;
using FsCheck.Fluent;

namespace Punchlist.Tests.Reading.Org;

/// <summary>
/// Generates Org files from the pieces Org syntax is made of — headlines with keywords, priorities,
/// tags and cookies; planning lines; property and logbook drawers; lists with boxes and cookies at
/// any indentation; blocks, some left open; tables, comments, keywords — joined by LF, CRLF or CR,
/// sometimes after a BOM, with non-ASCII text. Random enough to reach corners, shaped enough to be Org.
/// </summary>
internal static class OrgText
{
    private static readonly string[] Keywords = ["TODO", "DONE", "NEXT", "WAITING", "CANCELLED", "WONTFIX", "REVIEW", "todo", "COMMENT", ""];

    private static readonly string[] Words = ["Ship", "the", "release", "naïve café", "🚀 launch", "P0-001:", "=path/file.nix=", "[[file:x.org][x]]", "[[https://e.org]]", "*bold*", "/etc/ssh", "~code~", "[#A]", "[#Z]", "[1/2]", "[/]", "[%]", "[40%]", ":tag:", "[ ]", "[X]", "\t", "  "];

    private static readonly string[] Lines =
    [
        "#+TODO: TODO REVIEW | DONE CANCELLED", "#+SEQ_TODO: A B", "#+PRIORITIES: A E C", "#+TITLE: Plan", "#+FILETAGS: :x:",
        "DEADLINE: <2026-01-10 Sat>", "SCHEDULED: <2026-01-10 Sat +1w> DEADLINE: <2026-02-01 Sun -2d>", "CLOSED: [2026-01-10 Sat 10:00]",
        ":PROPERTIES:", ":OWNER: alice", ":EFFORT: 1:30", ":COOKIE_DATA: todo recursive", ":COOKIE_DATA: recursive", ":END:", ":LOGBOOK:",
        "- State \"DONE\"       from \"TODO\"       [2017-09-11 Mon 09:59]", "CLOCK: [2020-05-02 Sat 19:00]--[2020-05-02 Sat 20:00] =>  1:00",
        "#+BEGIN_SRC sh", "#+END_SRC", "#+begin_example", "#+end_example", "#+BEGIN_QUOTE", "#+END_QUOTE", "#+BEGIN: clocktable", "#+END:",
        "| a | b |", "|---+---|", "| 1 | [2/3] |", "# comment [/]", ": fixed [1/1]", "", "", "-----", "Progress: [0/0]",
    ];

    public static Gen<string> Document() =>
        from lines in Line().ArrayOf()
        from ending in Gen.Elements("\n", "\n", "\r\n", "\r")
        from bom in Gen.Frequency((9, Gen.Constant(string.Empty)), (1, Gen.Constant("\uFEFF")))
        select bom + string.Join(ending, lines) + (lines.Length % 2 == 0 ? ending : string.Empty);

    private static Gen<string> Line() => Gen.Frequency(
        (4, Headline()),
        (6, ListItem()),
        (4, Gen.Elements(Lines)),
        (2, Text()));

    private static Gen<string> Headline() =>
        from stars in Gen.Choose(1, 4)
        from keyword in Gen.Elements(Keywords)
        from title in Text()
        from tags in Gen.Elements(string.Empty, "  :a:b:", " :ARCHIVE:", "\t:x:")
        select new string('*', stars) + " " + (keyword.Length > 0 ? keyword + " " : string.Empty) + title + tags;

    private static Gen<string> ListItem() =>
        from indent in Gen.Choose(0, 8)
        from bullet in Gen.Elements("-", "+", "*", "1.", "2)", "-")
        from counter in Gen.Elements(string.Empty, string.Empty, "[@3] ")
        from box in Gen.Elements("[ ] ", "[X] ", "[-] ", "[x] ", string.Empty, "[?] ")
        from text in Text()
        select new string(' ', indent) + bullet + " " + counter + box + text;

    private static Gen<string> Text() =>
        Gen.Elements(Words).ArrayOf().Select(words => string.Join(' ', words.Take(8)));
}
