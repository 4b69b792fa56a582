namespace Parley.Articles.Body;

/// <summary>The kind of a body paragraph.</summary>
internal enum BlockKind { Paragraph, Heading, ListItem, Quote, Preformatted, TableRow }

/// <summary>One paragraph of the body, normalized.</summary>
internal sealed record BodyBlock(string Text, BlockKind Kind, int LinkChars = 0)
{
    public double LinkDensity => Text.Length == 0 ? 0 : Math.Min(1.0, LinkChars / (double)Text.Length);
}
