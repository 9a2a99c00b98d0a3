package org.marsad.platform.web;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import org.marsad.platform.ConflictException;
import org.marsad.platform.InvalidInputException;
import org.marsad.platform.NotFoundException;
import org.marsad.platform.security.CurrentUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.validation.BindException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * One place that turns failures into answers: RFC 9457 problems for the API, the error page (in the reader's
 * language, without technical detail) for browsers. Unexpected failures are logged with a reference that the
 * answer repeats, and nothing else about them leaves the server.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ErrorHandling {

    private static final Logger log = LoggerFactory.getLogger(ErrorHandling.class);

    private final Problems problems;

    ErrorHandling(Problems problems) {
        this.problems = problems;
    }

    @ExceptionHandler(InvalidInputException.class)
    Object invalid(InvalidInputException e, HttpServletRequest request) {
        return respond(request, problems.invalid(request, e.errors()));
    }

    @ExceptionHandler(BindException.class)
    Object bind(BindException e, HttpServletRequest request) {
        List<InvalidInputException.FieldError> errors = new ArrayList<>();
        e.getFieldErrors().forEach(f -> errors.add(new InvalidInputException.FieldError(f.getField(),
                f.getCode() == null ? "validation.invalid" : "validation." + f.getCode(), f.getArguments() == null ? new Object[0] : new Object[0])));
        e.getGlobalErrors().forEach(g -> errors.add(new InvalidInputException.FieldError(g.getObjectName(), "validation.invalid", new Object[0])));
        return respond(request, problems.invalid(request, errors));
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    Object methodValidation(HandlerMethodValidationException e, HttpServletRequest request) {
        List<InvalidInputException.FieldError> errors = new ArrayList<>();
        e.getParameterValidationResults().forEach(result -> result.getResolvableErrors().forEach(err ->
                errors.add(new InvalidInputException.FieldError(result.getMethodParameter().getParameterName(),
                        "validation.invalid", new Object[0]))));
        return respond(request, problems.invalid(request, errors));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    Object typeMismatch(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
        return respond(request, problems.invalid(request,
                List.of(new InvalidInputException.FieldError(e.getName(), "validation.type", new Object[0]))));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    Object missing(MissingServletRequestParameterException e, HttpServletRequest request) {
        return respond(request, problems.invalid(request,
                List.of(new InvalidInputException.FieldError(e.getParameterName(), "validation.required", new Object[0]))));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    Object unreadable(HttpMessageNotReadableException e, HttpServletRequest request) {
        if (causedBy(e, RequestSizeLimitFilter.BodyTooLargeException.class)) {
            return respond(request, problems.problem(request, HttpStatus.CONTENT_TOO_LARGE, "problem.tooLarge"));
        }
        return respond(request, problems.problem(request, HttpStatus.BAD_REQUEST, "problem.malformed"));
    }

    @ExceptionHandler({MaxUploadSizeExceededException.class})
    Object uploadTooLarge(MaxUploadSizeExceededException e, HttpServletRequest request) {
        return respond(request, problems.problem(request, HttpStatus.CONTENT_TOO_LARGE, "problem.tooLarge"));
    }

    @ExceptionHandler(MultipartException.class)
    Object multipart(MultipartException e, HttpServletRequest request) {
        return respond(request, problems.problem(request, HttpStatus.BAD_REQUEST, "problem.malformed"));
    }

    @ExceptionHandler(NotFoundException.class)
    Object notFound(NotFoundException e, HttpServletRequest request) {
        return respond(request, problems.problem(request, HttpStatus.NOT_FOUND, "problem.notFound"));
    }

    @ExceptionHandler(NoResourceFoundException.class)
    Object noResource(NoResourceFoundException e, HttpServletRequest request) {
        return respond(request, problems.problem(request, HttpStatus.NOT_FOUND, "problem.notFound"));
    }

    @ExceptionHandler(ConflictException.class)
    Object conflict(ConflictException e, HttpServletRequest request) {
        ProblemDetail problem = problems.invalid(request,
                List.of(new InvalidInputException.FieldError(e.field(), e.getMessage(), new Object[0])));
        problem.setStatus(HttpStatus.CONFLICT.value());
        problem.setTitle(problems.problem(request, HttpStatus.CONFLICT, null).getTitle());
        return respond(request, problem);
    }

    @ExceptionHandler(DataIntegrityViolationException.class)
    Object integrity(DataIntegrityViolationException e, HttpServletRequest request) {
        log.warn("Integrity violation on {}: {}", request.getRequestURI(), e.getMostSpecificCause().getMessage());
        return respond(request, problems.problem(request, HttpStatus.CONFLICT, "problem.conflict"));
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    Object method(HttpRequestMethodNotSupportedException e, HttpServletRequest request) {
        return respond(request, problems.problem(request, HttpStatus.METHOD_NOT_ALLOWED, "problem.method"));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    Object mediaType(HttpMediaTypeNotSupportedException e, HttpServletRequest request) {
        return respond(request, problems.problem(request, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "problem.mediaType"));
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    Object notAcceptable(HttpMediaTypeNotAcceptableException e, HttpServletRequest request) {
        return respond(request, problems.problem(request, HttpStatus.NOT_ACCEPTABLE, "problem.notAcceptable"));
    }

    /** Security failures raised by services (not by the URL rules): the same answers the filter chain gives. */
    @ExceptionHandler({AccessDeniedException.class, AuthenticationException.class})
    Object denied(RuntimeException e, HttpServletRequest request) {
        boolean anonymous = CurrentUser.get().isEmpty();
        if (anonymous && !Problems.isApi(request)) {
            return new ModelAndView("redirect:/login");
        }
        HttpStatus status = anonymous ? HttpStatus.UNAUTHORIZED : HttpStatus.FORBIDDEN;
        return respond(request, problems.problem(request, status, anonymous ? "problem.unauthorized" : "problem.forbidden"));
    }

    @ExceptionHandler(Exception.class)
    Object unexpected(Exception e, HttpServletRequest request) {
        String reference = UUID.randomUUID().toString().substring(0, 8);
        log.error("Unexpected failure [{}] on {} {}", reference, request.getMethod(), request.getRequestURI(), e);
        ProblemDetail problem = problems.problem(request, HttpStatus.INTERNAL_SERVER_ERROR, "problem.unexpected", reference);
        problem.setProperty("reference", reference);
        return respond(request, problem);
    }

    private Object respond(HttpServletRequest request, ProblemDetail problem) {
        if (Problems.isApi(request)) {
            return ResponseEntity.status(problem.getStatus()).contentType(Problems.PROBLEM_JSON).body(problem);
        }
        ModelAndView view = new ModelAndView("error");
        view.setStatus(HttpStatus.valueOf(problem.getStatus()));
        view.addObject("problem", problem);
        view.addObject("status", problem.getStatus());
        return view;
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
