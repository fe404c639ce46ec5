namespace Punchlist.Analysis.Findings;

/// <summary>A rule's identity and documentation: what SARIF's rule descriptors and docs/findings.md say.</summary>
public sealed record RuleInfo(string Code, string Name, Severity DefaultSeverity, string Summary, string Help);
