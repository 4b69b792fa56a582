using System.Text;

namespace Parley.Tests.Labels;

/// <summary>A strict RFC 4180 reader for the tests: quoted fields may hold commas, doubled quotes and line breaks.</summary>
internal static class Rfc4180
{
    public static List<string[]> Parse(string text)
    {
        var records = new List<string[]>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var i = 0;
        var atFieldStart = true;
        while (i < text.Length)
        {
            var c = text[i];
            if (atFieldStart && c == '"')
            {
                i++;
                while (true)
                {
                    if (i >= text.Length)
                        throw new FormatException($"Record {records.Count + 1}: a quoted field is never closed.");
                    if (text[i] == '"')
                    {
                        if (i + 1 < text.Length && text[i + 1] == '"')
                        {
                            field.Append('"');
                            i += 2;
                            continue;
                        }
                        i++;
                        break;
                    }
                    field.Append(text[i++]);
                }
                if (i < text.Length && text[i] is not (',' or '\r' or '\n'))
                    throw new FormatException($"Record {records.Count + 1}: text after a closing quote.");
                atFieldStart = false;
                continue;
            }
            switch (c)
            {
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    atFieldStart = true;
                    i++;
                    break;
                case '\r' or '\n':
                    fields.Add(field.ToString());
                    field.Clear();
                    records.Add([.. fields]);
                    fields.Clear();
                    atFieldStart = true;
                    i += c == '\r' && i + 1 < text.Length && text[i + 1] == '\n' ? 2 : 1;
                    break;
                case '"':
                    throw new FormatException($"Record {records.Count + 1}: a quote inside an unquoted field.");
                default:
                    field.Append(c);
                    atFieldStart = false;
                    i++;
                    break;
            }
        }
        if (!atFieldStart || fields.Count > 0 || field.Length > 0)
        {
            fields.Add(field.ToString());
            records.Add([.. fields]);
        }
        return records;
    }
}
