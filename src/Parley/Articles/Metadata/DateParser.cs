using System.Globalization;
using System.Text.RegularExpressions;

namespace Parley.Articles.Metadata;

/// <summary>Reads dates as pages write them: ISO 8601 and schema.org forms, RFC 1123, numeric day-month-year,
/// and written dates with month names in the major European languages (Russian and Ukrainian included).</summary>
internal static partial class DateParser
{
    private static readonly Dictionary<string, int> Months = BuildMonths();

    private static Dictionary<string, int> BuildMonths()
    {
        var d = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        void Add(int month, params string[] names) { foreach (var n in names) d[n] = month; }
        // English, French, German, Spanish, Italian, Portuguese, Dutch, Polish, Russian, Ukrainian (nominative and genitive).
        Add(1, "january", "jan", "janvier", "janv", "januar", "jänner", "enero", "ene", "gennaio", "gen", "janeiro", "januari", "stycznia", "styczeń", "styczen", "января", "январь", "янв", "січня", "січень", "січ");
        Add(2, "february", "feb", "février", "fevrier", "févr", "fevr", "februar", "febrero", "febbraio", "fevereiro", "fev", "februari", "lutego", "luty", "февраля", "февраль", "фев", "лютого", "лютий", "лют");
        Add(3, "march", "mar", "mars", "märz", "marz", "marzo", "março", "marco", "maart", "marca", "marzec", "марта", "март", "мар", "березня", "березень", "бер");
        Add(4, "april", "apr", "avril", "avr", "abril", "abr", "aprile", "kwietnia", "kwiecień", "kwiecien", "апреля", "апрель", "апр", "квітня", "квітень", "квіт");
        Add(5, "may", "mai", "mayo", "maggio", "mag", "maio", "mei", "maja", "maj", "мая", "май", "травня", "травень", "трав");
        Add(6, "june", "jun", "juin", "juni", "junio", "giugno", "giu", "junho", "czerwca", "czerwiec", "июня", "июнь", "июн", "червня", "червень", "черв");
        Add(7, "july", "jul", "juillet", "juil", "juli", "julio", "luglio", "lug", "julho", "lipca", "lipiec", "июля", "июль", "июл", "липня", "липень", "лип");
        Add(8, "august", "aug", "août", "aout", "agosto", "ago", "augustus", "sierpnia", "sierpień", "sierpien", "августа", "август", "авг", "серпня", "серпень", "серп");
        Add(9, "september", "sep", "sept", "septembre", "septiembre", "settembre", "set", "setembro", "wrzesnia", "września", "wrzesień", "сентября", "сентябрь", "сен", "сент", "вересня", "вересень", "вер");
        Add(10, "october", "oct", "octobre", "oktober", "okt", "octubre", "ottobre", "ott", "outubro", "out", "października", "pazdziernika", "październik", "октября", "октябрь", "окт", "жовтня", "жовтень", "жовт");
        Add(11, "november", "nov", "novembre", "noviembre", "novembro", "listopada", "listopad", "ноября", "ноябрь", "ноя", "листопада", "листопад", "лист");
        Add(12, "december", "dec", "décembre", "decembre", "déc", "dezember", "dez", "diciembre", "dic", "dicembre", "dezembro", "grudnia", "grudzień", "grudzien", "декабря", "декабрь", "дек", "грудня", "грудень", "груд");
        return d;
    }

    /// <summary>Parses a machine-readable date (meta tags, JSON-LD, <c>time datetime</c>), falling back to written forms.</summary>
    public static ArticleDate? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        text = text.Trim();
        if (text.Length > 120) text = text[..120];
        var iso = IsoDate().Match(text);
        if (iso.Success && iso.Index == 0)
        {
            var s = iso.Value.Replace(' ', 'T');
            s = CompactOffset().Replace(s, "$1:$2");
            if (ArticleDate.TryParse(s, out var d) && Plausible(d)) return d;
            if (DateOnly.TryParseExact(iso.Groups["day"].Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
                return ArticleDate.FromDay(day);
        }
        if (DateTimeOffset.TryParseExact(text, "r", CultureInfo.InvariantCulture, DateTimeStyles.None, out var rfc))
            return new ArticleDate(rfc, true, true);
        var compact = CompactDate().Match(text);
        if (compact.Success && compact.Value.Length == text.Length && MakeDay(compact.Groups[1].Value, compact.Groups[2].Value, compact.Groups[3].Value) is { } c)
            return c;
        return FindWritten(text);
    }

    /// <summary>Finds the first date written in running text ("4 March 2025", "March 4, 2025", "4 марта 2025 г.",
    /// "04.03.2025", "2025/03/04").</summary>
    public static ArticleDate? FindWritten(string text)
    {
        if (string.IsNullOrEmpty(text)) return null;
        ArticleDate? best = null;
        int bestIndex = int.MaxValue;
        foreach (Match m in DayMonthYear().Matches(text))
        {
            if (Months.TryGetValue(m.Groups["month"].Value.TrimEnd('.'), out var month) && MakeDay(m.Groups["year"].Value, month, m.Groups["day"].Value) is { } d)
            {
                if (m.Index < bestIndex) { best = d; bestIndex = m.Index; }
                break;
            }
        }
        foreach (Match m in MonthDayYear().Matches(text))
        {
            if (m.Index >= bestIndex) break;
            if (Months.TryGetValue(m.Groups["month"].Value.TrimEnd('.'), out var month) && MakeDay(m.Groups["year"].Value, month, m.Groups["day"].Value) is { } d)
            {
                best = d; bestIndex = m.Index;
                break;
            }
        }
        var ymd = YearMonthDay().Match(text);
        if (ymd.Success && ymd.Index < bestIndex && MakeDay(ymd.Groups[1].Value, ymd.Groups[2].Value, ymd.Groups[3].Value) is { } y)
        {
            best = y; bestIndex = ymd.Index;
        }
        var dmy = NumericDayMonthYear().Match(text);
        if (dmy.Success && dmy.Index < bestIndex)
        {
            int a = int.Parse(dmy.Groups[1].Value, CultureInfo.InvariantCulture), b = int.Parse(dmy.Groups[2].Value, CultureInfo.InvariantCulture);
            string sep = dmy.Groups["sep"].Value;
            // Dots and dashes are European day.month.year; slashes are month/day/year unless the first number cannot be a month.
            bool monthFirst = sep == "/" && a <= 12;
            var d = monthFirst ? MakeDay(dmy.Groups[3].Value, a, b.ToString(CultureInfo.InvariantCulture)) : MakeDay(dmy.Groups[3].Value, b, a.ToString(CultureInfo.InvariantCulture));
            if (d is not null) best = d;
        }
        return best;
    }

    /// <summary>A date in a URL path: <c>/2025/03/04/</c>, <c>/2025-03-04-</c>, <c>/20250304/</c>, <c>/2025/march/04/</c>.</summary>
    public static ArticleDate? FromUrl(string? url)
    {
        if (string.IsNullOrEmpty(url)) return null;
        var m = UrlDate().Match(url);
        if (m.Success) return MakeDay(m.Groups[1].Value, m.Groups[2].Value, m.Groups[3].Value);
        var named = UrlNamedMonthDate().Match(url);
        return named.Success && Months.TryGetValue(named.Groups[2].Value, out var month) ? MakeDay(named.Groups[1].Value, month, named.Groups[3].Value) : null;
    }

    private static ArticleDate? MakeDay(string year, string month, string day) =>
        int.TryParse(month, NumberStyles.None, CultureInfo.InvariantCulture, out var mo) ? MakeDay(year, mo, day) : null;

    private static ArticleDate? MakeDay(string year, int month, string day)
    {
        if (!int.TryParse(year, NumberStyles.None, CultureInfo.InvariantCulture, out var y)) return null;
        if (y < 100) y += 2000;
        if (!int.TryParse(day, NumberStyles.None, CultureInfo.InvariantCulture, out var d)) return null;
        if (y < 1990 || y > 2100 || month < 1 || month > 12 || d < 1 || d > DateTime.DaysInMonth(y, month)) return null;
        return ArticleDate.FromDay(new DateOnly(y, month, d));
    }

    private static bool Plausible(ArticleDate d) => d.Value.Year is >= 1990 and <= 2100;

    [GeneratedRegex(@"(?<day>\d{4}-\d{2}-\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d{1,9})?)?(?:\s?(?:Z|[+\-]\d{2}:?\d{2}))?)?", RegexOptions.CultureInvariant)]
    private static partial Regex IsoDate();

    [GeneratedRegex(@"([+\-]\d{2})(\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex CompactOffset();

    [GeneratedRegex(@"^(\d{4})(\d{2})(\d{2})", RegexOptions.CultureInvariant)]
    private static partial Regex CompactDate();

    [GeneratedRegex(@"(?<![\p{L}\d])(?<day>\d{1,2})(?:st|nd|rd|th|er|\.|º)?(?:\s+de)?\s+(?<month>\p{L}{3,12}\.?)(?:\s+de|,)?\s+(?<year>\d{4})(?!\d)", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex DayMonthYear();

    [GeneratedRegex(@"(?<![\p{L}])(?<month>\p{L}{3,9}\.?)\s+(?<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?<year>\d{4})(?!\d)", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex MonthDayYear();

    [GeneratedRegex(@"(?<!\d)(\d{4})[\-/.](\d{1,2})[\-/.](\d{1,2})(?!\d)", RegexOptions.CultureInvariant)]
    private static partial Regex YearMonthDay();

    [GeneratedRegex(@"(?<![\d.])(\d{1,2})(?<sep>[./\-])(\d{1,2})\k<sep>(\d{4})(?!\d)", RegexOptions.CultureInvariant)]
    private static partial Regex NumericDayMonthYear();

    [GeneratedRegex(@"/((?:19|20)\d{2})[/\-_]?(0[1-9]|1[0-2])[/\-_]?(0[1-9]|[12]\d|3[01])(?:[/\-_.]|$)", RegexOptions.CultureInvariant)]
    private static partial Regex UrlDate();

    [GeneratedRegex(@"/((?:19|20)\d{2})/(\p{L}{3,9})/(0?[1-9]|[12]\d|3[01])(?:/|$)", RegexOptions.CultureInvariant)]
    private static partial Regex UrlNamedMonthDate();
}
