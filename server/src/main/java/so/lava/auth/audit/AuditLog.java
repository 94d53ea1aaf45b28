package so.lava.auth.audit;

import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The append-only record of what happened to codes and keys.
 *
 * <p>Table {@code audit_events}: {@code type}, {@code occurred_at} (the database's clock), the ids
 * it concerns and the client's address. It holds ids, never a code or a key.
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

  private static final String INSERT =
      """
      INSERT INTO audit_events (type, account_id, merchant_id, secret_key_id, auth_code_id, client_address)
      VALUES (:type, :accountId, :merchantId, :secretKeyId, :authCodeId, :clientAddress)
      """;

  private final JdbcClient jdbc;

  AuditLog(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void record(AuditEvent event) {
    jdbc.sql(INSERT)
        .param("type", event.type())
        .param("accountId", event.accountId())
        .param("merchantId", event.merchantId())
        .param("secretKeyId", event.secretKeyId())
        .param("authCodeId", event.authCodeId())
        .param("clientAddress", event.clientAddress())
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
      String clientAddress) {}
}
