namespace Punchlist.Evidence.Probes;

public enum ProbeOutcome
{
    /// <summary>The workspace holds nothing the probe could judge (no Dockerfile for a Dockerfile probe).</summary>
    NotApplicable,
    Pass,
    Fail,
}

/// <summary>What a probe found, in one sentence, with the files and lines that show it.</summary>
public sealed record ProbeResult(ProbeOutcome Outcome, string Detail, IReadOnlyList<Citation> Citations)
{
    public bool? Ok => Outcome switch
    {
        ProbeOutcome.Pass => true,
        ProbeOutcome.Fail => false,
        _ => null,
    };

    public static ProbeResult Pass(string detail, params IEnumerable<Citation> citations) => new(ProbeOutcome.Pass, detail, [.. citations]);

    public static ProbeResult Fail(string detail, params IEnumerable<Citation> citations) => new(ProbeOutcome.Fail, detail, [.. citations]);

    public static ProbeResult NotApplicable(string detail) => new(ProbeOutcome.NotApplicable, detail, []);

    /// <summary>
    /// Pass when every subject has what it should (`every compose service has a healthcheck`), fail
    /// citing the ones that lack it, not applicable when there is no subject at all.
    /// </summary>
    public static ProbeResult AllOf(IReadOnlyList<Citation> good, IReadOnlyList<Citation> lacking, string noun, string has, string lacks)
    {
        if (good.Count + lacking.Count == 0)
        {
            return NotApplicable($"no {noun} in the workspace");
        }

        if (lacking.Count == 0)
        {
            return Pass($"every {noun} {has} ({good.Count} checked)", good);
        }

        string first = string.Join(", ", lacking.Take(3).Select(m => m.Text is null ? m.ToString() : $"{m.Text} ({m})"));
        string more = lacking.Count > 3 ? $" and {lacking.Count - 3} more" : string.Empty;
        return Fail($"{lacks}: {first}{more}", lacking);
    }
}
