package so.lava.auth.api;

import java.util.Optional;

/**
 * The one exception type of the API: it carries the {@link ApiError} to answer with, and {@link
 * ApiErrorHandler} renders it. It never carries a code or a key, and fills in no stack trace: it is
 * an answer, not a fault.
 */
public class ApiException extends RuntimeException {

  private final ApiError error;
  private final Optional<Long> retryAfterSeconds;

  public ApiException(ApiError error) {
    this(error, Optional.empty());
  }

  /** An answer that tells the client when to try again ({@code Retry-After}). */
  public ApiException(ApiError error, Optional<Long> retryAfterSeconds) {
    super(error.code() + ": " + error.error().message(), null, false, false);
    this.error = error;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  public ApiException(int status, String code, String message) {
    this(ApiError.of(status, code, message));
  }

  public ApiError error() {
    return error;
  }

  public Optional<Long> retryAfterSeconds() {
    return retryAfterSeconds;
  }
}
