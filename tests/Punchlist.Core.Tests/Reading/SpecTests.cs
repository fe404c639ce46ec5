using Punchlist.Model;
using Punchlist.Reading;
using Punchlist.Tests.Support;
using Punchlist.Text;

namespace Punchlist.Tests.Reading;

/// <summary>Runs every case of every spec file in Reading/Specs (one file per reader rule).</summary>
public sealed class SpecTests
{
    private static readonly string SpecFolder = Path.Combine(Repo.Root, "tests", "Punchlist.Core.Tests", "Reading", "Specs");

    public static IEnumerable<object[]> Cases() =>
        Directory.GetFiles(SpecFolder, "*.md").OrderBy(f => f, StringComparer.Ordinal)
            .SelectMany(f => SpecFile.Load(f).Cases.Select(c => new object[] { Path.GetFileName(f), c.Name }));

    [Theory]
    [MemberData(nameof(Cases))]
    public void Spec_case_reads_as_expected(string file, string name)
    {
        var spec = SpecFile.Load(Path.Combine(SpecFolder, file));
        var @case = spec.Cases.Single(c => c.Name == name);
        Assert.NotEmpty(@case.Expectations);
        var document = new DocumentReader(Options(@case.Options)).Read("spec.md", SourceText.FromString(@case.Input));

        spec.Expect(@case, expectation => ModelDump.Dump(document, expectation.What));
    }

    private static ReaderOptions Options(string? text)
    {
        var builder = new ReaderOptionsBuilder();
        foreach (string line in (text ?? string.Empty).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = line.Split(' ', 3);
            switch (parts[0])
            {
                case "marker":
                    ItemStates.TryParse(parts[2], out var markerState);
                    builder.AddMarker(parts[1][0], markerState);
                    break;
                case "status":
                    var phrase = line["status ".Length..].Split("=", 2);
                    ItemStates.TryParse(phrase[1].Trim(), out var statusState);
                    builder.AddStatus(phrase[0].Trim(), statusState);
                    break;
                case "hoursPerDay":
                    builder.HoursPerDay = double.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture);
                    break;
                case "maxParseBytes":
                    builder.MaxParseBytes = int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture);
                    break;
                default:
                    throw new ArgumentException($"unknown spec option '{line}'");
            }
        }

        return builder.Build();
    }
}
