using CsCheck;

namespace Punchlist.Tests.Fuzzing;

/// <summary>
/// A mutation of a seed: which seed, and up to eight edits of its bytes. CsCheck generates these and,
/// when one fails, shrinks it (fewer edits, smaller offsets, the first seed) to a simpler failing input.
/// </summary>
public sealed record Mutation(int Seed, IReadOnlyList<Edit> Edits)
{
    public static Gen<Mutation> Gen(int seeds) =>
        CsCheck.Gen.Select(CsCheck.Gen.Int[0, seeds - 1], Edit.Gen.List[0, 8], (seed, edits) => new Mutation(seed, edits));

    public byte[] Apply(IReadOnlyList<byte[]> seeds, IReadOnlyList<byte[]> tokens)
    {
        var bytes = new List<byte>(seeds[Seed]);
        foreach (var edit in Edits)
        {
            edit.Apply(bytes, seeds, tokens);
        }

        return [.. bytes];
    }
}

/// <summary>One edit: its kind and three numbers it reads as positions, lengths, counts or choices.</summary>
public sealed record Edit(int Kind, uint A, uint B, uint C)
{
    // Bytes that mean something to Markdown, YAML or a query, and bytes that break encodings.
    private static readonly byte[] Interesting = [0x00, 0xFF, 0xC3, 0xE2, 0x80, (byte)'\n', (byte)'\r', (byte)'\t', (byte)' ', (byte)'[', (byte)']', (byte)'-', (byte)'>', (byte)'`', (byte)'|', (byte)':', (byte)'*', (byte)'&', (byte)'#', (byte)'"', (byte)'(', (byte)')', (byte)'<', (byte)'!'];

    public static readonly Gen<Edit> Gen = CsCheck.Gen.Select(CsCheck.Gen.Int[0, 7], CsCheck.Gen.UInt, CsCheck.Gen.UInt, CsCheck.Gen.UInt, (k, a, b, c) => new Edit(k, a, b, c));

    public void Apply(List<byte> bytes, IReadOnlyList<byte[]> seeds, IReadOnlyList<byte[]> tokens)
    {
        int At(uint n) => bytes.Count == 0 ? 0 : (int)(n % (uint)(bytes.Count + 1));
        switch (Kind)
        {
            case 0 when bytes.Count > 0: // flip a bit
                int flip = (int)(A % (uint)bytes.Count);
                bytes[flip] ^= (byte)(1 << (int)(B % 8));
                break;
            case 1 when bytes.Count > 0: // an interesting byte
                bytes[(int)(A % (uint)bytes.Count)] = Interesting[B % (uint)Interesting.Length];
                break;
            case 2: // a token of the target's language
                bytes.InsertRange(At(A), tokens[(int)(B % (uint)tokens.Count)]);
                break;
            case 3 when bytes.Count > 0: // delete a range
                int from = (int)(A % (uint)bytes.Count);
                bytes.RemoveRange(from, (int)Math.Min(B % 256, (uint)(bytes.Count - from)));
                break;
            case 4 when bytes.Count > 0: // repeat a range: nesting, long lines, large files
                int start = (int)(A % (uint)bytes.Count);
                int length = (int)Math.Min(1 + (B % 64), (uint)(bytes.Count - start));
                var piece = bytes.GetRange(start, length);
                for (int i = 0, times = (int)(C % 512); i < times; i++)
                {
                    bytes.InsertRange(start, piece);
                }

                break;
            case 5: // splice in a range of another seed
                var other = seeds[(int)(A % (uint)seeds.Count)];
                if (other.Length > 0)
                {
                    int otherStart = (int)(B % (uint)other.Length);
                    bytes.InsertRange(At(C), other.AsSpan(otherStart, Math.Min(other.Length - otherStart, 1 + (int)(C % 512))).ToArray());
                }

                break;
            case 6: // truncate
                bytes.RemoveRange(At(A), bytes.Count - At(A));
                break;
            default: // random bytes
                var random = new Random((int)C);
                var noise = new byte[1 + (B % 32)];
                random.NextBytes(noise);
                bytes.InsertRange(At(A), noise);
                break;
        }
    }
}
