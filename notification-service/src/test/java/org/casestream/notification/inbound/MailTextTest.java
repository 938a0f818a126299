package org.casestream.notification.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** HTML becomes text with nothing of its markup left; quoted history is folded away, the new text kept whole. */
class MailTextTest {

    @Test
    void htmlBecomesPlainTextWithItsParagraphsAndLineBreaksAndNothingOfScriptsOrStyles() {
        String text = MailText.htmlToText("""
                <html><head><style>p { color: red }</style><title>Hi</title></head><body>
                <p>Hello <b>team</b>,</p><p>my order<br>did not arrive.</p>
                <script>alert('pwned')</script><noscript>enable scripts</noscript>
                <ul><li>first</li><li>second</li></ul>
                <img src=x onerror="alert(2)"><a href="javascript:alert(3)">link text</a>
                </body></html>""");

        assertThat(text).isEqualTo("Hello team,\n\nmy order\ndid not arrive.\n\n- first\n- second\n\nlink text");
        assertThat(text).doesNotContain("alert", "color", "<", "enable scripts", "Hi");
    }

    @Test
    void markupWrittenAsTextStaysText() {
        assertThat(MailText.htmlToText("<p>use &lt;b&gt; for bold</p>")).isEqualTo("use <b> for bold");
    }

    @Test
    void quotedHistoryBelowTheNewTextIsFoldedAway() {
        assertThat(MailText.foldQuotedHistory("""
                It still fails.

                On Tue, 3 Mar 2026 at 10:00, Support <support@casestream.local> wrote:
                > Please try the new reset link.
                """)).isEqualTo("It still fails.");
        assertThat(MailText.foldQuotedHistory("""
                Thanks!

                -----Original Message-----
                From: Support
                Old text.""")).isEqualTo("Thanks!");
        assertThat(MailText.foldQuotedHistory("""
                Arrived.
                ________________________________
                From: Support <support@casestream.local>
                Sent: Tuesday, March 3, 2026 10:00 AM
                Old text.""")).isEqualTo("Arrived.");
        assertThat(MailText.foldQuotedHistory("""
                Fine now.

                Am Di., 3. März 2026 um 10:00 Uhr schrieb Support <support@casestream.local>:
                > Alt.""")).isEqualTo("Fine now.");
    }

    @Test
    void aPersonsOwnLinesThatLookLikeNoHistoryAreKept() {
        String text = "On Monday I tried twice.\nFrom: my phone, not the app.\nNothing worked.";
        assertThat(MailText.foldQuotedHistory(text)).isEqualTo(text);
    }
}
