using Markdig.Extensions.Yaml;
using Punchlist.Model;
using Punchlist.Reading.Vocabulary;
using Punchlist.Text;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Punchlist.Reading;

/// <summary>YAML front matter as metadata fields, each with the span of its value in the file.</summary>
internal static class FrontMatter
{
    public static List<MetadataField> Read(YamlFrontMatterBlock block, SourceText source, List<ReaderNote> notes, out List<string> lists)
    {
        var fields = new List<MetadataField>();
        lists = [];
        string text = source.Text;
        int open = text.IndexOf('\n', block.Span.Start) + 1;
        int close = Math.Min(block.Span.End + 1, text.Length);
        int closeLine = text.LastIndexOf('\n', Math.Max(open, close - 1));
        if (open <= 0 || closeLine < open)
        {
            return fields;
        }

        string yaml = text[open..closeLine];
        if (Evidence.Sources.Yaml.TooDeep(yaml))
        {
            notes.Add(new ReaderNote("front matter is nested too deeply to read; it is kept as text", new TextSpan(open, 0), source.PositionOf(open)));
            return fields;
        }

        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException e)
        {
            int at = open + (int)Math.Min(Math.Max(0, e.Start.Index), yaml.Length);
            notes.Add(new ReaderNote($"front matter is not valid YAML: {e.Message}", new TextSpan(at, 0), source.PositionOf(at)));
            return fields;
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            return fields;
        }

        foreach (var (keyNode, valueNode) in root.Children)
        {
            if (keyNode is not YamlScalarNode { Value: { } key })
            {
                continue;
            }

            var keySpan = SpanOf(keyNode, open, yaml.Length);
            var valueSpan = SpanOf(valueNode, open, yaml.Length);
            if (valueNode is YamlScalarNode { Style: ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted } && valueSpan.Length >= 2)
            {
                valueSpan = new TextSpan(valueSpan.Start + 1, valueSpan.Length - 2); // inside the quotes, where an edit goes
            }
            string value = valueNode switch
            {
                YamlScalarNode scalar => scalar.Value ?? string.Empty,
                YamlSequenceNode sequence => string.Join(", ", sequence.Children.OfType<YamlScalarNode>().Select(s => s.Value)),
                _ => text.Substring(valueSpan.Start, valueSpan.Length).Trim(),
            };
            var kind = FieldKeys.Classify(key);
            if (kind == FieldKind.DependsOn && valueNode is YamlSequenceNode deps)
            {
                lists.AddRange(deps.Children.OfType<YamlScalarNode>().Select(s => s.Value ?? string.Empty).Where(v => v.Length > 0));
            }

            fields.Add(new MetadataField(key, kind, value, keySpan, valueSpan, source.PositionOf(keySpan.Start), FieldShape.FrontMatter));
        }

        return fields;
    }

    // YamlDotNet marks are offsets into the YAML text; the YAML text starts at `offset` in the file.
    private static TextSpan SpanOf(YamlNode node, int offset, int limit)
    {
        int start = (int)Math.Clamp(node.Start.Index, 0, limit);
        int end = (int)Math.Clamp(node.End.Index, start, limit);
        return TextSpan.FromBounds(offset + start, offset + end);
    }
}
