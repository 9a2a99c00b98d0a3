package org.marsad.platform.web;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.DefaultCsrfToken;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.View;
import org.thymeleaf.spring6.view.ThymeleafViewResolver;

/**
 * Renders a view (or a fragment of one, {@code "template :: fragment"}) to a string through the same view resolver
 * as every page, so that a controller can keep the result of a costly rendering and serve it again. A rendered
 * fragment is kept without the templates' indentation (see {@link #compact}): a third of a large page is the
 * indentation of its repeated rows, written again on every request and read again by every client.
 */
@Component
public class RenderedViews {

    /** A line break and the spaces or tabs after it: the templates' indentation. */
    private static final Pattern INDENTATION = Pattern.compile("\\n[ \\t]+");
    /** Elements whose white space is shown or meaningful as it is written. */
    private static final Pattern KEEPS_WHITE_SPACE = Pattern.compile("<(pre|textarea|script)\\b", Pattern.CASE_INSENSITIVE);
    /**
     * Where a kept page's form token goes: letters and digits only, so that no escaping changes it, and drawn at
     * random when the application starts, so that no text written into a page can stand for it.
     */
    private static final String TOKEN_PLACEHOLDER = "MarsadFormToken" + UUID.randomUUID().toString().replace("-", "");

    private final ThymeleafViewResolver views;

    RenderedViews(ThymeleafViewResolver views) {
        this.views = views;
    }

    public String render(String viewName, Map<String, ?> model, Locale locale, HttpServletRequest request,
            HttpServletResponse response) {
        return compact(text(viewName, model, locale, request, response));
    }

    /**
     * A whole page, kept to be served again to readers who are not signed in: the page is the same for all of them
     * but for its form token (a different masked value for each response), so it is rendered once with a
     * placeholder where the token goes, and kept as UTF-8 bytes around those places.
     */
    public KeptPage renderPage(String viewName, Map<String, ?> model, Locale locale, HttpServletRequest request,
            HttpServletResponse response) {
        HttpServletRequest withPlaceholder = new HttpServletRequestWrapper(request) {
            @Override
            public Object getAttribute(String name) {
                Object value = super.getAttribute(name);
                return value instanceof CsrfToken token
                        ? new DefaultCsrfToken(token.getHeaderName(), token.getParameterName(), TOKEN_PLACEHOLDER)
                        : value;
            }
        };
        String[] parts = text(viewName, model, locale, withPlaceholder, response).split(TOKEN_PLACEHOLDER, -1);
        byte[][] bytes = new byte[parts.length][];
        for (int i = 0; i < parts.length; i++) {
            bytes[i] = parts[i].getBytes(StandardCharsets.UTF_8);
        }
        return new KeptPage(bytes, locale);
    }

    /** A page rendered once, written again for each reader with that reader's form token. */
    public static final class KeptPage {

        private final byte[][] parts;
        private final Locale locale;

        private KeptPage(byte[][] parts, Locale locale) {
            this.parts = parts;
            this.locale = locale;
        }

        public void write(HttpServletRequest request, HttpServletResponse response) throws IOException {
            byte[] token = new byte[0];
            if (parts.length > 1 && request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken csrf) {
                token = csrf.getToken().getBytes(StandardCharsets.US_ASCII);
            }
            long length = (long) token.length * (parts.length - 1);
            for (byte[] part : parts) {
                length += part.length;
            }
            response.setLocale(locale);
            response.setContentType("text/html;charset=UTF-8");
            response.setContentLengthLong(length);
            ServletOutputStream out = response.getOutputStream();
            for (int i = 0; i < parts.length; i++) {
                if (i > 0) {
                    out.write(token);
                }
                out.write(parts[i]);
            }
        }
    }

    private String text(String viewName, Map<String, ?> model, Locale locale, HttpServletRequest request,
            HttpServletResponse response) {
        try {
            View view = views.resolveViewName(viewName, locale);
            if (view == null) {
                throw new IllegalStateException("No view " + viewName);
            }
            Capture capture = new Capture(response);
            view.render(model, request, capture);
            capture.writer.flush();
            return capture.text.toString();
        }
        catch (RuntimeException e) {
            throw e;
        }
        catch (Exception e) {
            throw new IllegalStateException("Could not render " + viewName, e);
        }
    }

    /**
     * The HTML without the spaces and tabs that follow its line breaks, which a browser shows exactly as it did: white
     * space between words and tags collapses to one space, and the {@code pre-line} style keeps the line breaks and
     * drops the spaces at the start of a line. HTML holding a {@code pre}, {@code textarea} or {@code script}
     * element is left as it is.
     */
    static String compact(String html) {
        return KEEPS_WHITE_SPACE.matcher(html).find() ? html : INDENTATION.matcher(html).replaceAll("\n");
    }

    /** A response whose body is kept in memory; headers and content type stay those of the real response. */
    private static final class Capture extends HttpServletResponseWrapper {

        private final StringWriter text = new StringWriter(1 << 16);
        private final PrintWriter writer = new PrintWriter(text);

        Capture(HttpServletResponse response) {
            super(response);
        }

        @Override
        public PrintWriter getWriter() {
            return writer;
        }

        @Override
        public void setContentType(String type) {
        }

        @Override
        public void setCharacterEncoding(String charset) {
        }

        @Override
        public void setLocale(Locale locale) {
        }

        @Override
        public void flushBuffer() {
            writer.flush();
        }
    }
}
