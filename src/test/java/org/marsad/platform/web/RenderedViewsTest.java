package org.marsad.platform.web;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RenderedViewsTest {

    @Test
    void keptHtmlLosesItsIndentationButNotItsText() {
        String html = "<ul>\n    <li>\n      <a href=\"/x\">Retour  et réintégration</a>\n\t\tUE, ES\n    </li>\n\n</ul>";

        assertThat(RenderedViews.compact(html))
                .isEqualTo("<ul>\n<li>\n<a href=\"/x\">Retour  et réintégration</a>\nUE, ES\n</li>\n\n</ul>");
    }

    @Test
    void htmlWhoseWhiteSpaceIsShownIsKeptAsItIs() {
        for (String html : new String[] {"<div>\n  <pre>a\n   b</pre>\n</div>", "<form>\n  <TEXTAREA>x\n  y</TEXTAREA></form>",
                "<div>\n  <script>let s = `a\n   b`;</script></div>"}) {
            assertThat(RenderedViews.compact(html)).isEqualTo(html);
        }
    }
}
