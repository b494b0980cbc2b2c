"""RSS and Atom feeds with full text: each item an article."""

from __future__ import annotations

import datetime as dt
import io
import zipfile

import pytest

from articles.ingest import IngestError, parse

PARAGRAPHS = ["The council approved the budget on Tuesday after a long debate, officials said.",
              "The mayor promised a review of spending, “line by line”, in the coming months."]
LINKED = PARAGRAPHS[1].replace("review", "<a href=x>review</a>")
HTML_BODY = f"<p>{PARAGRAPHS[0]}</p><script>track()</script><p>{LINKED}</p>"
TEASER = "The council approved the budget."
LONG_SUMMARY = " ".join(["The council approved the budget after a long debate on Tuesday."] * 10)

RSS = f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
     xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
  <title>The Daily Ledger</title>
  <link>https://ledger.example/</link>
  <item>
    <title>Council approves the city budget</title>
    <link>https://ledger.example/budget</link>
    <pubDate>Tue, 05 Mar 2024 09:12:00 GMT</pubDate>
    <dc:creator>Jane Porter</dc:creator>
    <description>{TEASER}</description>
    <content:encoded><![CDATA[{HTML_BODY}]]></content:encoded>
  </item>
  <item>
    <title>Mayor attacks the plan</title>
    <link>https://wire.example/plan</link>
    <pubDate>Wed, 06 Mar 2024 10:00:00 +0100</pubDate>
    <source url="https://wire.example/rss">Wire Service</source>
    <description>&lt;p&gt;{LONG_SUMMARY}&lt;/p&gt;</description>
  </item>
  <item>
    <title>Only a teaser here</title>
    <description>{TEASER}</description>
  </item>
</channel>
</rss>
"""

ATOM = f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Morning Post</title>
  <entry>
    <title type="html">Council &amp;amp; mayor agree</title>
    <link rel="alternate" href="https://post.example/agree"/>
    <link rel="enclosure" href="https://post.example/photo.jpg"/>
    <published>2024-03-07T08:00:00Z</published>
    <updated>2024-03-08T08:00:00Z</updated>
    <author><name>Ann Lee</name></author>
    <author><name>Bob Ray</name></author>
    <summary>{TEASER}</summary>
    <content type="html">{HTML_BODY.replace("&", "&amp;").replace("<", "&lt;")}</content>
  </entry>
  <entry>
    <title>Second entry in XHTML</title>
    <updated>2024-03-08T08:00:00Z</updated>
    <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>{PARAGRAPHS[0]}</p><p>{PARAGRAPHS[1]}</p></div></content>
  </entry>
</feed>
"""


def test_an_rss_feeds_items_are_articles_with_the_feeds_title_as_outlet() -> None:
    result = parse(RSS.encode(), "ledger.rss")
    first, second = result.articles
    assert (first.title, first.byline, first.outlet, first.published, first.url) == (
        "Council approves the city budget", "Jane Porter", "The Daily Ledger", dt.date(2024, 3, 5),
        "https://ledger.example/budget")
    assert first.paragraphs == PARAGRAPHS  # content:encoded, not the teaser; its HTML read as a page's text
    assert (second.title, second.outlet, second.published) == ("Mayor attacks the plan", "Wire Service",
                                                               dt.date(2024, 3, 6))
    assert second.body == LONG_SUMMARY  # a description long enough is the text
    assert result.notes == ("skipped item 3 of ledger.rss ('Only a teaser here'): only a summary of 5 words",)


def test_an_atom_feeds_entries_are_articles() -> None:
    first, second = parse(ATOM.encode(), "post.atom").articles
    assert (first.title, first.byline, first.outlet, first.published, first.url) == (
        "Council & mayor agree", "Ann Lee, Bob Ray", "Morning Post", dt.date(2024, 3, 7), "https://post.example/agree")
    assert first.paragraphs == PARAGRAPHS
    assert (second.title, second.paragraphs, second.published) == ("Second entry in XHTML", PARAGRAPHS,
                                                                   dt.date(2024, 3, 8))


@pytest.mark.parametrize("name", ["feed.xml", "feed", "feed.rss", "pasted.txt"])
def test_a_feed_is_recognised_by_its_extension_or_its_start(name: str) -> None:
    assert len(parse(RSS.encode(), name).articles) == 2


def test_a_feed_inside_a_zip_is_read() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("feeds/post.atom", ATOM)
    assert [a.source_name for a in parse(buffer.getvalue(), "feeds.zip").articles] == ["feeds/post.atom"] * 2


def test_a_feed_of_teasers_only_is_refused_saying_so() -> None:
    item = f"<item><title>A</title><description>{TEASER}</description></item>"
    teasers = RSS.split("<item>")[0] + item + "</channel></rss>"
    with pytest.raises(IngestError, match="carry at most a summary"):
        parse(teasers.encode(), "teasers.rss")


@pytest.mark.parametrize("doctype", [
    '<!DOCTYPE rss [<!ENTITY secret SYSTEM "file:///etc/passwd">]>',
    '<!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>',
])
def test_entity_declarations_are_refused_never_resolved(doctype: str) -> None:
    feed = RSS.replace("<rss ", f"{doctype}\n<rss ", 1).replace("Jane Porter", "&secret;&b;")
    with pytest.raises(IngestError, match="declares XML entities"):
        parse(feed.encode(), "evil.rss")


def test_xml_that_is_no_feed_and_broken_xml_are_refused() -> None:
    with pytest.raises(IngestError, match=r"not an RSS or Atom feed \(its root is <svg>\)"):
        parse(b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"></svg>', "image.xml")
    with pytest.raises(IngestError, match="not well-formed XML"):
        parse(RSS.encode()[:-20], "cut.rss")


def test_an_atom_entrys_relative_link_is_made_absolute_or_left_out() -> None:
    """Atom allows a relative link: it is read against xml:base, else the feed's own link;
    one that stays relative is no address (the article's URL field refuses it)."""
    entry = ('<entry{base}><title>Council agrees</title><link href="{href}"/>'
             f"<content>{LONG_SUMMARY}</content></entry>")
    def url(feed_attributes: str, feed_link: str, href: str, entry_base: str = "") -> str:
        based = f' xml:base="{entry_base}"' if entry_base else ""
        feed = (f'<feed xmlns="http://www.w3.org/2005/Atom"{feed_attributes}><title>Post</title>{feed_link}'
                + entry.format(base=based, href=href) + "</feed>")
        return parse(feed.encode(), "post.atom").articles[0].url
    site = '<link rel="self" href="https://post.example/feed.atom"/><link href="https://post.example/"/>'
    assert url("", site, "/2024/03/agree") == "https://post.example/2024/03/agree"
    assert url(' xml:base="https://post.example/news/"', "", "agree.html") == "https://post.example/news/agree.html"
    assert url("", "", "agree.html", entry_base="https://wire.example/a/") == "https://wire.example/a/agree.html"
    assert url("", "", "2024/03/agree") == ""
    assert url("", site, "https://other.example/x") == "https://other.example/x"


@pytest.mark.parametrize(("written", "date"), [
    ("Mon, 07 Dec 26 10:00:00 GMT", dt.date(2026, 12, 7)),  # RFC 822 allows a two-digit year
    ("Sun, 06 Dec 2026 23:30:00 -1100", dt.date(2026, 12, 6)),  # the date where it was published
    ("2026-12-07T10:00:00Z", dt.date(2026, 12, 7)),
    ("Tue, 31 Feb 2026 10:00:00 GMT", None),
])
def test_an_items_date_in_rss_or_iso_form(written: str, date: dt.date | None) -> None:
    feed = (f"<rss><channel><title>Ledger</title><item><title>Budget</title><pubDate>{written}</pubDate>"
            f"<description>{LONG_SUMMARY}</description></item></channel></rss>")
    assert parse(feed.encode(), "ledger.rss").articles[0].published == date


def test_an_rss_091_feeds_html_entities_are_its_letters() -> None:
    """RSS 0.91's DOCTYPE names Netscape's DTD, which defines HTML's entities; it is never
    fetched, and expat skipped &eacute; and &nbsp; ("Caf news")."""
    feed = ('<?xml version="1.0" encoding="ISO-8859-1"?>\n<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD '
            'RSS 0.91//EN" "http://my.netscape.com/publish/formats/rss-0.91.dtd">\n<rss version="0.91"><channel>'
            f"<title>Ledger</title><item><title>Caf&eacute; owners&nbsp;protest &bogus;</title>"
            f"<description>{LONG_SUMMARY}</description></item></channel></rss>")
    # the no-break space is read, then made a plain one as in every title (ingest/invisible.py)
    assert parse(feed.encode("latin-1"), "old.rss").articles[0].title == "Café owners protest"


def test_an_atom_entrys_xhtml_nested_thousands_deep_is_refused_as_a_feed_not_a_crash() -> None:
    nested = "<div>" * 5000 + LONG_SUMMARY + "</div>" * 5000
    feed = ('<feed xmlns="http://www.w3.org/2005/Atom"><title>Post</title><entry><title>Deep</title>'
            f'<content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">{nested}</div></content></entry></feed>')
    with pytest.raises(IngestError, match="nested too deeply"):
        parse(feed.encode(), "deep.atom")
