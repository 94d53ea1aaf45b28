package so.lava.auth.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The body of every error of every {@code /v1} route, the specification's {@code Error} schema:
 * {@code {"error": {"message", "code", "status", "issues"?}}}.
 *
 * <p>{@code code} is a stable snake_case constant that clients and tests can name; {@code message}
 * is for people and may change.
 */
public record ApiError(Body error) {

  public static final String INVALID_REQUEST = "invalid_request";
  public static final String INVALID_JSON = "invalid_json";
  public static final String UNSUPPORTED_MEDIA_TYPE = "unsupported_media_type";
  public static final String PAYLOAD_TOO_LARGE = "payload_too_large";
  public static final String METHOD_NOT_ALLOWED = "method_not_allowed";
  public static final String NOT_FOUND = "not_found";
  public static final String NOT_ACCEPTABLE = "not_acceptable";
  public static final String INTERNAL_ERROR = "internal_error";
  public static final String SERVICE_UNAVAILABLE = "service_unavailable";

  public static ApiError of(int status, String code, String message) {
    return new ApiError(new Body(message, code, status, null));
  }

  public static ApiError invalid(String message, List<Issue> issues) {
    return new ApiError(new Body(message, INVALID_REQUEST, 400, List.copyOf(issues)));
  }

  /** The answer for a bare status, when nothing more is known (the servlet container's errors). */
  public static ApiError forStatus(int status) {
    return switch (status) {
      case 400 -> of(400, INVALID_REQUEST, "The request could not be understood.");
      case 404 -> of(404, NOT_FOUND, "There is no such route.");
      case 405 -> of(405, METHOD_NOT_ALLOWED, "This method is not allowed here.");
      case 413 -> of(413, PAYLOAD_TOO_LARGE, "The request body is larger than 16 KiB.");
      case 503 ->
          of(
              503,
              SERVICE_UNAVAILABLE,
              "The service is briefly unavailable. Try again in a few seconds.");
      case 415 ->
          of(
              415,
              UNSUPPORTED_MEDIA_TYPE,
              "Send the request body as JSON with the header Content-Type: application/json.");
      default ->
          status >= 500
              ? of(status, INTERNAL_ERROR, "Something went wrong on our side.")
              : of(status, INVALID_REQUEST, "The request was refused.");
    };
  }

  public int status() {
    return error.status();
  }

  public String code() {
    return error.code();
  }

  /** The inner object; {@code issues} appears only for validation failures. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Body(String message, String code, int status, List<Issue> issues) {}

  /**
   * One validation problem.
   *
   * @param path the field, array indexes as strings ({@code ["messages", "0", "content"]})
   * @param message what is wrong with it
   */
  public record Issue(List<String> path, String message) {

    public static Issue at(String field, String message) {
      return new Issue(List.of(field), message);
    }
  }
}
