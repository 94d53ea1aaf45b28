package so.lava.client;

import java.util.List;

/**
 * The server refused a request and said why, in the API's Error schema.
 *
 * @see #code() the machine-readable reason, such as {@code auth_code_expired}
 */
public class LavaApiException extends RuntimeException {

  private final int status;
  private final String code;
  private final List<Issue> issues;

  public LavaApiException(int status, String code, String message, List<Issue> issues) {
    super(message);
    this.status = status;
    this.code = code;
    this.issues = List.copyOf(issues);
  }

  public int status() {
    return status;
  }

  public String code() {
    return code;
  }

  /** Validation problems, one per field; empty for other errors. */
  public List<Issue> issues() {
    return issues;
  }

  /** One validation problem: the field's path and what is wrong with it. */
  public record Issue(List<String> path, String message) {}
}
