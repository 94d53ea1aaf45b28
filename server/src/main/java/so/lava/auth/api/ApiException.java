package so.lava.auth.api;

/**
 * The one exception type of the API: it carries the {@link ApiError} to answer with, and {@link
 * ApiErrorHandler} renders it. It never carries a code or a key, and fills in no stack trace: it is
 * an answer, not a fault.
 */
public class ApiException extends RuntimeException {

  private final ApiError error;

  public ApiException(ApiError error) {
    super(error.code() + ": " + error.error().message(), null, false, false);
    this.error = error;
  }

  public ApiException(int status, String code, String message) {
    this(ApiError.of(status, code, message));
  }

  public ApiError error() {
    return error;
  }
}
