namespace Parley.Store;

/// <summary>The store's tables. Content tables are keyed by content hashes; <c>runs</c> and <c>sources</c> are the ledger.</summary>
internal static class Schema
{
    public const int Version = 1;

    public const string ArticleColumns =
        "id VARCHAR, source VARCHAR, url VARCHAR, canonical_url VARCHAR, site VARCHAR, title VARCHAR, subtitle VARCHAR, " +
        "authors VARCHAR, published VARCHAR, published_day DATE, modified VARCHAR, language VARCHAR, " +
        "paragraphs VARCHAR, text VARCHAR, syndicated_from VARCHAR, copyright VARCHAR, word_count INTEGER, warnings VARCHAR";

    public const string StatementColumns =
        "id VARCHAR, article_id VARCHAR, source VARCHAR, url VARCHAR, site VARCHAR, date DATE, published VARCHAR, " +
        "kind VARCHAR, text VARCHAR, start_offset INTEGER, end_offset INTEGER, cue VARCHAR, cue_start INTEGER, cue_end INTEGER, " +
        "speaker_mention VARCHAR, speaker_mention_start INTEGER, speaker_mention_end INTEGER, speaker VARCHAR, actor_id VARCHAR, " +
        "party VARCHAR, anonymous BOOLEAN, confidence DOUBLE";

    public const string ClassificationColumns =
        "statement_id VARCHAR, model_id VARCHAR, issue VARCHAR, stance VARCHAR, stance_score DOUBLE, party VARCHAR, " +
        "party_source VARCHAR, stances VARCHAR";

    public const string SourceColumns =
        "key VARCHAR, path VARCHAR, outcome VARCHAR, article_id VARCHAR, error VARCHAR, run_id VARCHAR, batch INTEGER, committed_at TIMESTAMP";

    public static readonly string Create = $"""
        CREATE TABLE IF NOT EXISTS store_info (key VARCHAR PRIMARY KEY, value VARCHAR);
        CREATE TABLE IF NOT EXISTS articles ({ArticleColumns}, PRIMARY KEY (id));
        CREATE TABLE IF NOT EXISTS statements ({StatementColumns}, PRIMARY KEY (id));
        CREATE TABLE IF NOT EXISTS classifications ({ClassificationColumns}, PRIMARY KEY (statement_id, model_id));
        CREATE TABLE IF NOT EXISTS positions (
            id VARCHAR PRIMARY KEY, model_id VARCHAR, party VARCHAR, issue VARCHAR, period_start DATE, period_end DATE,
            value DOUBLE, low DOUBLE, high DOUBLE, count INTEGER, effective_count DOUBLE, outlets VARCHAR, statement_ids VARCHAR);
        CREATE TABLE IF NOT EXISTS runs (
            run_id VARCHAR PRIMARY KEY, started_at TIMESTAMP, finished_at TIMESTAMP, status VARCHAR, corpus VARCHAR,
            model_id VARCHAR, code_version VARCHAR, batch_size INTEGER, batches INTEGER, files INTEGER, already_stored INTEGER,
            read INTEGER, extracted INTEGER, failed INTEGER, duplicates INTEGER, statements INTEGER, positions INTEGER);
        CREATE TABLE IF NOT EXISTS sources ({SourceColumns}, PRIMARY KEY (key));
        INSERT OR IGNORE INTO store_info VALUES ('schema_version', '{Version}');
        CREATE TEMP TABLE IF NOT EXISTS stage_articles ({ArticleColumns});
        CREATE TEMP TABLE IF NOT EXISTS stage_statements ({StatementColumns});
        CREATE TEMP TABLE IF NOT EXISTS stage_classifications ({ClassificationColumns});
        CREATE TEMP TABLE IF NOT EXISTS stage_sources ({SourceColumns});
        """;

    /// <summary>The tables an export writes, with the expression that gives each row's month.</summary>
    public static readonly (string Table, string Query)[] Exports =
    [
        ("articles", "SELECT *, coalesce(strftime(published_day, '%Y-%m'), 'undated') AS month FROM articles"),
        ("statements", "SELECT *, coalesce(strftime(date, '%Y-%m'), 'undated') AS month FROM statements"),
        ("classifications",
            "SELECT c.*, coalesce(strftime(s.date, '%Y-%m'), 'undated') AS month FROM classifications c " +
            "LEFT JOIN statements s ON s.id = c.statement_id"),
        ("positions", "SELECT *, strftime(period_start, '%Y-%m') AS month FROM positions"),
        ("runs", "SELECT *, strftime(started_at, '%Y-%m') AS month FROM runs"),
    ];
}
