using System.Text.RegularExpressions;

namespace Parley.Articles.Body;

/// <summary>Class and id hints: what a page's own markup says a block is.</summary>
internal static partial class Hints
{
    /// <summary>Boilerplate: navigation, sharing, related links, newsletters, comments, ads, captions, credits.</summary>
    /// <remarks>A word after "with-", "has-" or "no-" names the layout around a block ("content-with-sidebar",
    /// "page-has-comments"), not the block itself, so it is not a hint.</remarks>
    [GeneratedRegex(@"(?:^|[\s_\-])(?<!(?:with|has|no)[_\-])(?:nav|navbar|navigation|menu|breadcrumbs?|sidebar|side-bar|aside|footer|masthead|share|sharing|social|sociallinks|share-?bar|related|recirc|recirculation|more-stories|read-?more|most-?popular|popular|trending|recommend(?:ed|ations)?|outbrain|taboola|newsletter|subscribe|subscription|signup|sign-up|paywall|promo|promotion|sponsor(?:ed)?|advert(?:isement)?|ads?|adv|adslot|ad-?unit|ad-?container|banner|comments?|comment-list|disqus|replies|cookie|consent|gdpr|modal|popup|overlay|caption|figcaption|credit|credits|byline|author-?bio|author-?info|author-?box|about-?the-?author|tags?|tag-?list|topics|keywords|pagination|pager|print|toolbar|tools|utility|jump-?link|skip|visually-?hidden|sr-only|screen-reader|subnav|dropdown|related-?articles|inline-?related|see-?also|also-?read|next-?article|prev|next|rating|login|signin|register|supplemental|disclaimer|affiliate|video-?player|gallery|slideshow|carousel|lightbox|toc|table-?of-?contents|post-?meta|entry-?meta|article-?meta|meta|timestamp|dateline|headline|title|kicker|eyebrow)(?=$|[\s_\-\d])", RegexOptions.CultureInvariant)]
    public static partial Regex Negative();

    /// <summary>Content: the article body as publishers name it.</summary>
    [GeneratedRegex(@"(?:^|[\s_\-])(?:article|articlebody|article-?body|article-?content|article-?text|story|story-?body|story-?content|entry|entry-?content|post|post-?body|post-?content|body-?text|body|content|main|main-?content|text|blog|page-?content|rich-?text|prose|paywall-?article|markdown|ArticleBody)(?=$|[\s_\-\d])", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    public static partial Regex Positive();

    /// <summary>Strong body markers: a node with one of these is the body itself.</summary>
    [GeneratedRegex(@"(?:^|[\s_\-])(?:article-?body|articlebody|story-?body|entry-?content|post-?content|article-?content|story-?content|article-?text|body-?text|post-?body|c-entry-content|article__body|article__content|rich-?text)(?=$|[\s_\-\d])", RegexOptions.CultureInvariant)]
    public static partial Regex StrongBody();

    /// <summary>A byline: "By Jane Doe", "Written by …", "Von …", "Автор: …".</summary>
    [GeneratedRegex(@"^(?:by|written by|posted by|words by|story by|von|par|por|автор:?|авторка:?)\s+\p{Lu}", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    public static partial Regex BylineStart();

    /// <summary>Whole-line boilerplate that publishers put inside article bodies.</summary>
    [GeneratedRegex(@"^(?:advertisement|advertisment|ad|ads|sponsored(?: content)?|story continues below(?: advertisement)?|continue reading(?: below)?|scroll to continue(?: with content)?|read more(?:\s*[:»›>].*)?|related(?: articles| stories| coverage| content|:.*)?|more(?: on this story| from .{1,60})?:?|see also:?.*|also read:?.*|share(?: this)?(?: article| story| on .*)?|share via.*|tweet|email|print|follow us.*|sign up.*newsletter.*|subscribe(?: now| to .*)?|click here.*|watch(?: now| the video| video)?:?|listen(?: to this article| now)?.*|getty images|(?:photo|image|credit|photograph|illustration)(?: by)?:.*|\(?(?:ap|afp|reuters|getty|epa|shutterstock) ?(?:photo|images)?\)?|skip (?:to|advertisement).*|loading\.*|please enable javascript.*|this content is not available.*|you might also like:?|recommended:?|trending:?|most popular:?|back to top|top stories|topics?:.*|tags?:.*|filed under:?.*|comments?|\d+ comments?|leave a comment|post a comment|view comments?|join the conversation.*|log ?in|sign ?in|register|save|bookmark|copy link|link copied.*)$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    public static partial Regex JunkLine();
}
