using System.Text.Json.Serialization;

namespace Punchlist.Cli.Sarif;

// The part of SARIF 2.1.0 that `punch check --format sarif` writes, as records. The mirror holds no
// maintained SARIF object model, and these few shapes are all a result file needs.

internal sealed record SarifLog(
    [property: JsonPropertyName("$schema")] string Schema,
    string Version,
    IReadOnlyList<SarifRun> Runs);

internal sealed record SarifRun(
    SarifTool Tool,
    SarifAutomationDetails AutomationDetails,
    IReadOnlyDictionary<string, SarifArtifactLocation> OriginalUriBaseIds,
    IReadOnlyList<SarifArtifact> Artifacts,
    IReadOnlyList<SarifResult> Results,
    string ColumnKind);

internal sealed record SarifTool(SarifDriver Driver);

/// <summary>Which analysis the run is, so that code scanning keeps punch's results apart from other tools'.</summary>
internal sealed record SarifAutomationDetails(string Id);

internal sealed record SarifDriver(string Name, string FullName, string Version, string SemanticVersion, string InformationUri, IReadOnlyList<SarifRule> Rules);

internal sealed record SarifRule(
    string Id,
    string Name,
    SarifText ShortDescription,
    SarifText FullDescription,
    SarifHelp Help,
    SarifConfiguration DefaultConfiguration,
    SarifRuleProperties Properties);

internal sealed record SarifText(string Text);

internal sealed record SarifHelp(string Text, string Markdown);

internal sealed record SarifConfiguration(string Level);

internal sealed record SarifRuleProperties(IReadOnlyList<string> Tags, string Precision, [property: JsonPropertyName("problem.severity")] string ProblemSeverity);

internal sealed record SarifArtifact(SarifArtifactLocation Location, string MimeType);

internal sealed record SarifArtifactLocation(string Uri, string? UriBaseId = null, int? Index = null);

internal sealed record SarifResult(
    string RuleId,
    int RuleIndex,
    string Level,
    SarifText Message,
    IReadOnlyList<SarifLocation> Locations,
    IReadOnlyDictionary<string, string> PartialFingerprints,
    IReadOnlyList<SarifFix>? Fixes);

internal sealed record SarifLocation(SarifPhysicalLocation PhysicalLocation);

internal sealed record SarifPhysicalLocation(SarifArtifactLocation ArtifactLocation, SarifRegion Region, SarifRegion? ContextRegion);

internal sealed record SarifRegion(int StartLine, int StartColumn, int EndLine, int EndColumn, SarifText? Snippet = null);

internal sealed record SarifFix(SarifText Description, IReadOnlyList<SarifArtifactChange> ArtifactChanges);

internal sealed record SarifArtifactChange(SarifArtifactLocation ArtifactLocation, IReadOnlyList<SarifReplacement> Replacements);

internal sealed record SarifReplacement(SarifRegion DeletedRegion, SarifText InsertedContent);

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    WriteIndented = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(SarifLog))]
internal sealed partial class SarifJsonContext : JsonSerializerContext;
