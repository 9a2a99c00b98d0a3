package org.marsad.platform.web;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.View;
import org.thymeleaf.spring6.view.ThymeleafViewResolver;

/**
 * Renders a view (or a fragment of one, {@code "template :: fragment"}) to a string through the same view resolver
 * as every page, so that a controller can keep the result of a costly rendering and serve it again.
 */
@Component
public class RenderedViews {

    private final ThymeleafViewResolver views;

    RenderedViews(ThymeleafViewResolver views) {
        this.views = views;
    }

    public String render(String viewName, Map<String, ?> model, Locale locale, HttpServletRequest request,
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
