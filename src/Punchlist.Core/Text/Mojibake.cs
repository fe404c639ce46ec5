using System.Text;

namespace Punchlist.Text;

/// <summary>
/// Finds UTF-8 text that was decoded as Windows-1252 or MacRoman and saved again (`ðŸ”´` for 🔴,
/// `‚öôÔ∏è` for ⚙️). Runs of characters that map to high bytes in the code page are re-encoded and
/// strictly decoded as UTF-8; a run that decodes is mojibake.
/// </summary>
/// <remarks>
/// Written here rather than taken from a library: the NuGet mirror holds no mojibake fixer, and
/// the decision this product needs — repair only when the whole document is consistently damaged,
/// never guess a lost byte — is a policy, not a decoder.
/// </remarks>
public sealed class Mojibake
{
    public static readonly Mojibake Windows1252 = new("Windows-1252", 1252);
    public static readonly Mojibake MacRoman = new("MacRoman", 10000);

    // Windows-1252 has five undefined bytes. Tools that decode with it usually drop them, which is how
    // `⏳` (E2 8F B3) becomes `â³`: one byte is gone and no decoder can say which one it was.
    private static readonly byte[] Cp1252Undefined = [0x81, 0x8D, 0x8F, 0x90, 0x9D];

    private readonly Dictionary<char, byte> _highBytes = [];
    private readonly System.Buffers.SearchValues<char> _candidates;
    private readonly bool _dropsBytes;

    private Mojibake(string name, int codePage)
    {
        Name = name;
        var encoding = CodePagesEncodingProvider.Instance.GetEncoding(codePage)
            ?? throw new InvalidOperationException($"code page {codePage} is not available");
        for (int b = 0x80; b <= 0xFF; b++)
        {
            string decoded = encoding.GetString([(byte)b]);
            if (decoded.Length == 1 && decoded[0] != '?' && !_highBytes.ContainsKey(decoded[0]))
            {
                _highBytes[decoded[0]] = (byte)b;
            }
        }

        _dropsBytes = codePage == 1252;

        // Scanning jumps from candidate to candidate: text in scripts the code page cannot produce
        // (CJK, Cyrillic) or in plain ASCII is passed over a vector at a time.
        _candidates = System.Buffers.SearchValues.Create([.. _highBytes.Keys]);
        ReplacementImage = encoding.GetString([0xEF, 0xBF, 0xBD]);
    }

    public string Name { get; }

    /// <summary>How U+FFFD reads in this code page (`ï¿½` in Windows-1252): a loss that happened before the misreading.</summary>
    public string ReplacementImage { get; }

    /// <summary>Damaged runs of <paramref name="text"/>, in order. Lost-byte runs are reported only when <paramref name="includeLostBytes"/>.</summary>
    public List<EncodingDamage> Scan(string text, bool includeLostBytes)
    {
        var found = new List<EncodingDamage>();
        int i = 0;
        while (i < text.Length)
        {
            int next = text.AsSpan(i).IndexOfAny(_candidates);
            if (next < 0)
            {
                break;
            }

            int start = i + next;
            int length = text.AsSpan(start).IndexOfAnyExcept(_candidates);
            i = length < 0 ? text.Length : start + length;
            ScanRun(text, start, i, includeLostBytes, found);
        }

        return found;
    }

    /// <summary>
    /// The damaged runs of a document as a person would name them: touching runs are one (`‚öô` + `Ô∏è`
    /// is a symbol and its variation selector), and a run that repairs to mojibake again was encoded
    /// twice (`Ã¢â‚¬â€` → `â€”` → `—`), so it repairs to the original in one step — a lost byte
    /// in the inner layer is known when only one character lets the outer layer decode.
    /// </summary>
    public List<EncodingDamage> Runs(string text)
    {
        var runs = Scan(text, includeLostBytes: true);
        var merged = new List<EncodingDamage>(runs.Count);
        int at = 0;
        while (at < runs.Count)
        {
            int end = at + 1;
            while (end < runs.Count && runs[end - 1].Span.End == runs[end].Span.Start && !runs[end].IsReplacementImage && !runs[at].IsReplacementImage)
            {
                end++;
            }

            var group = runs.GetRange(at, end - at);
            if (TwiceEncoded(group) is { } twice)
            {
                merged.Add(twice);
            }
            else
            {
                MergeRepairable(group, merged);
            }

            at = end;
        }

        return merged;
    }

    // The one original a group of runs decodes to through two layers, or null.
    private EncodingDamage? TwiceEncoded(List<EncodingDamage> group)
    {
        var layers = new List<string> { string.Empty };
        foreach (var run in group)
        {
            var options = run.Repaired is { } repaired ? [repaired] : run.Candidates ?? [];
            if (options.Count == 0 || layers.Count * options.Count > 64)
            {
                return null;
            }

            layers = layers.SelectMany(l => options.Select(o => l + o)).ToList();
        }

        var originals = layers.Select(DecodeAgain).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        if (originals.Count != 1)
        {
            return null;
        }

        var span = TextSpan.FromBounds(group[0].Span.Start, group[^1].Span.End);
        string original = string.Concat(group.Select(r => r.Original));
        return new EncodingDamage(span, EncodingDamageKind.Repairable, original, originals[0],
            $"'{original}' is UTF-8 read as {Name} twice; it should read '{originals[0]}'");
    }

    private void MergeRepairable(List<EncodingDamage> group, List<EncodingDamage> merged)
    {
        foreach (var damage in group)
        {
            if (merged.Count > 0 && merged[^1] is { Repaired: not null } last && damage.Repaired is not null && last.Span.End == damage.Span.Start)
            {
                string original = last.Original + damage.Original;
                string repaired = last.Repaired + damage.Repaired;
                merged[^1] = new EncodingDamage(TextSpan.FromBounds(last.Span.Start, damage.Span.End), EncodingDamageKind.Repairable,
                    original, repaired, $"'{original}' is UTF-8 read as {Name}; it should read '{repaired}'");
            }
            else
            {
                merged.Add(damage);
            }
        }
    }

    /// <summary>
    /// The text a run decodes to when it is UTF-8 read as this code page once more (`â€”` → `—`): every
    /// character one byte here, the bytes strict UTF-8 with at least one character past ASCII. Null otherwise.
    /// </summary>
    public string? DecodeAgain(string text)
    {
        var bytes = new byte[text.Length];
        bool beyondAscii = false;
        for (int k = 0; k < text.Length; k++)
        {
            char c = text[k];
            if (c < '\u0080')
            {
                bytes[k] = (byte)c;
            }
            else if (_highBytes.TryGetValue(c, out byte b))
            {
                bytes[k] = b;
                beyondAscii = true;
            }
            else
            {
                return null;
            }
        }

        if (!beyondAscii)
        {
            return null;
        }

        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }

    /// <summary>Replaces every certainly repairable run; leaves everything else as it is.</summary>
    public string Repair(string text) => Repair(text, minimumRun: 1);

    /// <summary>As <see cref="Repair(string)"/>, for runs of at least <paramref name="minimumRun"/> characters only.</summary>
    public string Repair(string text, int minimumRun)
    {
        if (text.AsSpan().IndexOfAny(_candidates) < 0)
        {
            return text; // most titles hold no character this code page could have made
        }

        var damages = Runs(text).Where(d => d.Span.Length >= minimumRun).ToList();
        if (damages.Count == 0)
        {
            return text;
        }

        var result = new StringBuilder(text.Length);
        int at = 0;
        foreach (var damage in damages)
        {
            if (damage.Repaired is null)
            {
                continue;
            }

            result.Append(text, at, damage.Span.Start - at).Append(damage.Repaired);
            at = damage.Span.End;
        }

        return result.Append(text, at, text.Length - at).ToString();
    }

    // A run of candidate chars is split into UTF-8 sequences: each complete sequence is a repair,
    // each sequence short of bytes (in a code page that drops bytes) is a lost-byte damage.
    private void ScanRun(string text, int start, int end, bool includeLostBytes, List<EncodingDamage> found)
    {
        int i = start;
        while (i < end)
        {
            byte lead = _highBytes[text[i]];
            int need = lead switch
            {
                >= 0xC2 and <= 0xDF => 1,
                >= 0xE0 and <= 0xEF => 2,
                >= 0xF0 and <= 0xF4 => 3,
                _ => -1,
            };
            if (need < 0)
            {
                i++;
                continue;
            }

            int have = 0;
            while (have < need && i + 1 + have < end && IsContinuation(_highBytes[text[i + 1 + have]]))
            {
                have++;
            }

            int length = 1 + have;
            if (have == need && TryDecode(text, i, length, out string? decoded))
            {
                var span = new TextSpan(i, length);
                string original = text.Substring(i, length);
                found.Add(decoded == "\uFFFD"
                    ? new EncodingDamage(span, EncodingDamageKind.Unrepairable, original, null,
                        $"'{original}' is a U+FFFD replacement character read as {Name}: the original character was lost")
                    {
                        IsReplacementImage = true,
                    }
                    : new EncodingDamage(span, EncodingDamageKind.Repairable, original, decoded,
                        $"'{original}' is UTF-8 read as {Name}; it should read '{decoded}'"));
                i += length;
                continue;
            }

            if (includeLostBytes && _dropsBytes && have == need - 1 && have >= 1)
            {
                string original = text.Substring(i, length);
                var candidates = LostByteCandidates(text, i, length);
                if (candidates.Count > 0)
                {
                    // Only where one character alone fits the surviving bytes is the lost one known.
                    found.Add(candidates.Count == 1
                        ? new EncodingDamage(new TextSpan(i, length), EncodingDamageKind.Repairable, original, candidates[0],
                            $"'{original}' is UTF-8 read as {Name} with a byte lost; only '{candidates[0]}' fits the bytes left")
                        {
                            Candidates = candidates,
                        }
                        : new EncodingDamage(new TextSpan(i, length), EncodingDamageKind.Unrepairable, original, null,
                            $"'{original}' is UTF-8 read as {Name} with a byte lost; it could have been any of {string.Join(" ", candidates)}")
                        {
                            Candidates = candidates,
                        });
                    i += length;
                    continue;
                }
            }

            i++;
        }
    }

    private bool TryDecode(string text, int start, int length, out string? decoded)
    {
        Span<byte> bytes = stackalloc byte[4];
        for (int k = 0; k < length; k++)
        {
            bytes[k] = _highBytes[text[start + k]];
        }

        return TryStrictUtf8(bytes[..length], out decoded);
    }

    private List<string> LostByteCandidates(string text, int start, int length)
    {
        var candidates = new List<string>();
        Span<byte> bytes = stackalloc byte[4];
        for (int gap = 1; gap <= length; gap++)
        {
            foreach (byte missing in Cp1252Undefined)
            {
                int n = 0;
                for (int k = 0; k < length; k++)
                {
                    if (k == gap)
                    {
                        bytes[n++] = missing;
                    }

                    bytes[n++] = _highBytes[text[start + k]];
                }

                if (gap == length)
                {
                    bytes[n++] = missing;
                }

                if (TryStrictUtf8(bytes[..n], out string? decoded) && decoded is not null && !candidates.Contains(decoded, StringComparer.Ordinal))
                {
                    candidates.Add(decoded);
                }
            }
        }

        return candidates;
    }

    private static bool TryStrictUtf8(ReadOnlySpan<byte> bytes, out string? decoded)
    {
        decoded = null;
        if (System.Buffers.OperationStatus.Done != Rune.DecodeFromUtf8(bytes, out var rune, out int consumed) || consumed != bytes.Length)
        {
            return false;
        }

        decoded = rune.ToString();
        return true;
    }

    private static bool IsContinuation(byte b) => b is >= 0x80 and <= 0xBF;

    internal bool IsCandidate(char c) => _highBytes.ContainsKey(c);
}
