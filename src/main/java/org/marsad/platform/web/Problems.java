package org.marsad.platform.web;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.marsad.platform.InvalidInputException;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds RFC 9457 problem responses in the reader's language. Field errors go in an {@code errors} array of
 * {@code {field, message}} so that a client can show each one next to its input.
 */
@Component
public class Problems {

    public static final MediaType PROBLEM_JSON = MediaType.APPLICATION_PROBLEM_JSON;

    private final MessageSource messages;
    private final LocaleResolver localeResolver;
    private final JsonMapper mapper;

    Problems(MessageSource messages, LocaleResolver localeResolver, JsonMapper mapper) {
        this.messages = messages;
        this.localeResolver = localeResolver;
        this.mapper = mapper;
    }

    public ProblemDetail problem(HttpServletRequest request, HttpStatus status, String detailKey, Object... args) {
        Locale locale = localeResolver.resolveLocale(request);
        ProblemDetail problem = ProblemDetail.forStatus(status);
        problem.setType(URI.create("https://marsad.org/problems/" + status.value()));
        problem.setTitle(messages.getMessage("problem.title." + status.value(), null, status.getReasonPhrase(), locale));
        if (detailKey != null) {
            problem.setDetail(messages.getMessage(detailKey, args, detailKey, locale));
        }
        problem.setInstance(URI.create(request.getRequestURI()));
        return problem;
    }

    public ProblemDetail invalid(HttpServletRequest request, List<InvalidInputException.FieldError> errors) {
        Locale locale = localeResolver.resolveLocale(request);
        ProblemDetail problem = problem(request, HttpStatus.BAD_REQUEST, "problem.invalidInput");
        problem.setProperty("errors", errors.stream()
                .map(e -> Map.of("field", e.field(), "message", message(e, locale)))
                .toList());
        return problem;
    }

    public String message(InvalidInputException.FieldError error, Locale locale) {
        return messages.getMessage(error.messageKey(), error.args(), error.messageKey(), locale);
    }

    /** Writes a problem straight to the response: for filters and security handlers, outside Spring MVC. */
    public void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String detailKey)
            throws IOException {
        ProblemDetail problem = problem(request, status, detailKey);
        response.setStatus(status.value());
        response.setContentType(PROBLEM_JSON.toString());
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(mapper.writeValueAsString(problem));
    }

    public static boolean isApi(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/api/") || path.startsWith("/v3/api-docs");
    }
}
