package so.lava.auth.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import so.lava.auth.system.DatabaseUnavailable;

/**
 * The one place that turns failures into the Error schema: our own {@link ApiException}s, the
 * framework's own client errors (wrong method, wrong content type, unreadable JSON, unknown route)
 * and, last, anything unexpected, which becomes a {@code 500} with no detail.
 *
 * <p>Messages are written here, never copied from exceptions: a framework message can quote the
 * request body, and the body of an exchange holds a one-time code.
 */
@RestControllerAdvice
class ApiErrorHandler extends ResponseEntityExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ApiErrorHandler.class);

  @ExceptionHandler(ApiException.class)
  ResponseEntity<Object> handleApiException(ApiException exception, WebRequest request) {
    HttpHeaders headers = new HttpHeaders();
    exception
        .retryAfterSeconds()
        .ifPresent(seconds -> headers.set(HttpHeaders.RETRY_AFTER, Long.toString(seconds)));
    return render(exception.error(), headers, request);
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<Object> handleUnexpected(Exception exception, WebRequest request) {
    Optional<ApiException> cause = apiExceptionIn(exception);
    if (cause.isPresent()) {
      return handleApiException(cause.get(), request);
    }
    if (DatabaseUnavailable.causes(exception)) {
      log.warn("database unavailable: {}", exception.getClass().getSimpleName());
      HttpHeaders headers = new HttpHeaders();
      headers.set(HttpHeaders.RETRY_AFTER, DatabaseUnavailable.RETRY_AFTER_SECONDS);
      return render(ApiError.forStatus(503), headers, request);
    }
    // The exception type and where it happened, never its message (it may quote the request).
    log.error(
        "unexpected {} on {}",
        exception.getClass().getName(),
        describe(request),
        withoutMessage(exception));
    return render(
        ApiError.of(500, ApiError.INTERNAL_ERROR, "Something went wrong on our side."),
        new HttpHeaders(),
        request);
  }

  @Override
  protected ResponseEntity<Object> handleExceptionInternal(
      Exception exception,
      Object body,
      HttpHeaders headers,
      HttpStatusCode statusCode,
      WebRequest request) {
    Optional<ApiException> cause = apiExceptionIn(exception);
    if (cause.isPresent()) {
      return render(cause.get().error(), headers, request);
    }
    return render(describe(exception, statusCode, request), headers, request);
  }

  private static ApiError describe(Exception exception, HttpStatusCode status, WebRequest request) {
    int code = status.value();
    if (exception instanceof HttpRequestMethodNotSupportedException e) {
      return ApiError.of(
          code,
          ApiError.METHOD_NOT_ALLOWED,
          "Method "
              + e.getMethod()
              + " is not allowed here; use "
              + String.join(
                  " or ", e.getSupportedMethods() == null ? new String[0] : e.getSupportedMethods())
              + ".");
    }
    if (exception instanceof HttpMediaTypeNotSupportedException) {
      return ApiError.of(
          code,
          ApiError.UNSUPPORTED_MEDIA_TYPE,
          "Send the request body as JSON with the header Content-Type: application/json.");
    }
    if (exception instanceof HttpMediaTypeNotAcceptableException) {
      return ApiError.of(
          code, ApiError.NOT_ACCEPTABLE, "This route answers only with application/json.");
    }
    if (exception instanceof HttpMessageNotReadableException) {
      return ApiError.of(
          code,
          ApiError.INVALID_JSON,
          "The request body must be a single, well-formed JSON object.");
    }
    if (exception instanceof NoResourceFoundException
        || exception instanceof NoHandlerFoundException) {
      return ApiError.of(code, ApiError.NOT_FOUND, "There is no route " + describe(request) + ".");
    }
    return ApiError.of(
        code,
        code >= 500 ? ApiError.INTERNAL_ERROR : ApiError.INVALID_REQUEST,
        code >= 500
            ? "Something went wrong on our side."
            : "The request is not valid for this route.");
  }

  /**
   * The Error schema on {@code /v1}; elsewhere (the pages) the status goes to the error page, which
   * a person can read.
   */
  private static ResponseEntity<Object> render(
      ApiError error, HttpHeaders headers, WebRequest request) {
    if (request instanceof ServletWebRequest servlet
        && !servlet.getRequest().getRequestURI().startsWith("/v1/")
        && servlet.getResponse() != null) {
      try {
        headers.forEach(
            (name, values) -> values.forEach(v -> servlet.getResponse().addHeader(name, v)));
        servlet.getResponse().sendError(error.status());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return null;
    }
    return render(error, headers);
  }

  static ResponseEntity<Object> render(ApiError error, HttpHeaders headers) {
    // A preset content type also keeps an odd Accept header from turning an error into a 406.
    return ResponseEntity.status(error.status())
        .headers(headers)
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .contentType(MediaType.APPLICATION_JSON)
        .body(error);
  }

  private static Optional<ApiException> apiExceptionIn(Throwable throwable) {
    for (Throwable t = throwable; t != null; t = t.getCause()) {
      if (t instanceof ApiException api) {
        return Optional.of(api);
      }
    }
    return Optional.empty();
  }

  private static String describe(WebRequest request) {
    if (request instanceof ServletWebRequest servlet) {
      return servlet.getRequest().getMethod() + " " + servlet.getRequest().getRequestURI();
    }
    return "this path";
  }

  private static Throwable withoutMessage(Exception exception) {
    Throwable copy = new Throwable(exception.getClass().getName());
    copy.setStackTrace(exception.getStackTrace());
    return copy;
  }
}
