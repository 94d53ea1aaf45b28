package so.lava.auth.audit;

import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/**
 * The append-only record of what happened to accounts, codes and keys.
 *
 * <p>Table {@code audit_events}: {@code type}, {@code occurred_at} (the database's clock), the ids
 * it concerns, the client's address and {@code details} (JSON, for context such as a program's
 * port). It holds ids, never a code, a key or a password.
 */
@Repository
public class AuditLog {

  /** A one-time code was exchanged for a secret key. */
  public static final String AUTH_CODE_EXCHANGED = "auth_code_exchanged";

  /** A code that had already been exchanged was presented again (RFC 6749 §4.1.2). */
  public static final String AUTH_CODE_REUSED = "auth_code_reused";

  /** A PKCE code was presented with a verifier that does not match its challenge. */
  public static final String AUTH_CODE_VERIFIER_MISMATCH = "auth_code_verifier_mismatch";

  /** A secret key was revoked because the code it was issued for was used again. */
  public static final String SECRET_KEY_REVOKED_ON_CODE_REUSE = "secret_key_revoked_on_code_reuse";

  /** A person approved a command-line login; a code was issued. */
  public static final String CLI_LOGIN_APPROVED = "cli_login_approved";

  /** A person denied a command-line login. */
  public static final String CLI_LOGIN_DENIED = "cli_login_denied";

  /** An account was created by signing up. */
  public static final String ACCOUNT_CREATED = "account_created";

  /** A sign-in failed; {@code details.email} names the account tried. */
  public static final String SIGN_IN_FAILED = "sign_in_failed";

  /** A person created a secret key on the dashboard. */
  public static final String SECRET_KEY_CREATED = "secret_key_created";

  /** A secret key was revoked by its owner. */
  public static final String SECRET_KEY_REVOKED = "secret_key_revoked";

  /** A request presented a missing, malformed, unknown or revoked key (recorded sparingly). */
  public static final String SECRET_KEY_AUTHENTICATION_FAILED = "secret_key_authentication_failed";

  private static final String INSERT =
      """
      INSERT INTO audit_events (type, account_id, merchant_id, secret_key_id, auth_code_id,
                                client_address, details)
      VALUES (:type, :accountId, :merchantId, :secretKeyId, :authCodeId,
              :clientAddress, CAST(:details AS jsonb))
      """;

  private final JdbcClient jdbc;
  private final JsonMapper json;

  AuditLog(JdbcClient jdbc, JsonMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  public void record(AuditEvent event) {
    jdbc.sql(INSERT)
        .param("type", event.type())
        .param("accountId", event.accountId())
        .param("merchantId", event.merchantId())
        .param("secretKeyId", event.secretKeyId())
        .param("authCodeId", event.authCodeId())
        .param("clientAddress", event.clientAddress())
        .param("details", json.writeValueAsString(event.details()))
        .update();
  }

  /**
   * One event. Ids that do not apply are {@code null}.
   *
   * @param type one of the constants of {@link AuditLog}
   */
  public record AuditEvent(
      String type,
      UUID accountId,
      UUID merchantId,
      UUID secretKeyId,
      UUID authCodeId,
      String clientAddress,
      Map<String, Object> details) {

    public AuditEvent(
        String type,
        UUID accountId,
        UUID merchantId,
        UUID secretKeyId,
        UUID authCodeId,
        String clientAddress) {
      this(type, accountId, merchantId, secretKeyId, authCodeId, clientAddress, Map.of());
    }
  }
}
