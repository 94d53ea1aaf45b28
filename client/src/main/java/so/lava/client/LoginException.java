package so.lava.client;

/** A browser login ended without a code. */
public class LoginException extends RuntimeException {

  /** How it ended. */
  public enum Reason {
    /** The person chose Deny in the browser. */
    DENIED,
    /** Nobody approved in time. */
    TIMED_OUT,
    /** The browser reported another error. */
    FAILED
  }

  private final Reason reason;

  public LoginException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
