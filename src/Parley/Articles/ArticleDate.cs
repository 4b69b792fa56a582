using System.Globalization;

namespace Parley.Articles;

/// <summary>
/// A point in time as precise as the source gave it: a calendar day, a local time, or a time with a UTC offset.
/// </summary>
/// <remarks>
/// Pages often give only a day ("4 March 2025") or a time without an offset. Inventing midnight UTC for those
/// would move articles across day boundaries, so the precision is kept and <see cref="ToString"/> writes only
/// what is known: <c>2025-03-04</c>, <c>2025-03-04T10:15:00</c> or <c>2025-03-04T10:15:00+02:00</c>.
/// </remarks>
/// <param name="Value">The instant; when <see cref="HasOffset"/> is false its offset is zero and means nothing.</param>
/// <param name="HasTime">Whether the source gave a time of day.</param>
/// <param name="HasOffset">Whether the source gave a UTC offset (or zone).</param>
public readonly record struct ArticleDate(DateTimeOffset Value, bool HasTime, bool HasOffset)
{
    /// <summary>The calendar day as the source wrote it (local to the source's offset).</summary>
    public DateOnly Day => DateOnly.FromDateTime(Value.DateTime);

    /// <summary>A date with no time of day.</summary>
    public static ArticleDate FromDay(DateOnly day) =>
        new(new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero), false, false);

    /// <summary>Writes ISO 8601 with only the precision that is known.</summary>
    public override string ToString() =>
        !HasTime ? Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
        : !HasOffset ? Value.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture)
        : Value.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    /// <summary>Parses what <see cref="ToString"/> writes, and other ISO 8601 forms.</summary>
    public static bool TryParse(string? text, out ArticleDate date)
    {
        date = default;
        if (string.IsNullOrWhiteSpace(text)) return false;
        text = text.Trim();
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            date = FromDay(day);
            return true;
        }
        bool hasOffset = text.EndsWith('Z') || text.EndsWith('z') || HasOffsetSuffix(text);
        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture,
                hasOffset ? DateTimeStyles.None : DateTimeStyles.AssumeUniversal, out var value))
            return false;
        if (!hasOffset) value = new DateTimeOffset(value.DateTime, TimeSpan.Zero);
        date = new ArticleDate(value, true, hasOffset);
        return true;
    }

    private static bool HasOffsetSuffix(string text)
    {
        int t = text.IndexOf('T');
        if (t < 0) t = text.IndexOf(' ');
        if (t < 0) return false;
        var time = text.AsSpan(t + 1);
        return time.IndexOfAny('+', '-') >= 0;
    }
}
