package so.lava.auth.exchange;

import so.lava.auth.api.ApiException;

/**
 * Every way an exchange is refused. All are {@code 400}, as the specification says; the codes tell
 * a program what to say to its person.
 */
public final class ExchangeErrors {

  /** Never issued, deleted, or a PKCE verifier that does not match. */
  public static final String AUTH_CODE_INVALID = "auth_code_invalid";

  /** Issued more than 60 seconds ago. */
  public static final String AUTH_CODE_EXPIRED = "auth_code_expired";

  /** Exchanged before; the key that exchange created is now revoked. */
  public static final String AUTH_CODE_USED = "auth_code_used";

  private ExchangeErrors() {}

  static ApiException invalid() {
    return new ApiException(
        400,
        AUTH_CODE_INVALID,
        "The authorization code is not valid. Run the login again to get a new one.");
  }

  static ApiException expired() {
    return new ApiException(
        400,
        AUTH_CODE_EXPIRED,
        "The authorization code has expired (codes live 60 seconds). Run the login again.");
  }

  static ApiException used() {
    return new ApiException(
        400,
        AUTH_CODE_USED,
        "The authorization code has already been used. The key it was exchanged for has been"
            + " revoked as a precaution; run the login again.");
  }
}
