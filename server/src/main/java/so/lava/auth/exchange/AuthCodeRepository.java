package so.lava.auth.exchange;

import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import so.lava.auth.audit.AuditLog;
import so.lava.auth.keys.SecretKeyFormat;
import so.lava.auth.system.Secrets;

/**
 * The SQL of the exchange.
 *
 * <p>Table {@code auth_codes}: {@code code_hash} (SHA-256, unique), {@code code_hint}, {@code
 * account_id}, {@code merchant_id}, {@code wallet_id}, {@code redirect_port}, {@code
 * code_challenge}, {@code created_at}, {@code expires_at}, {@code used_at}. Times come from the
 * database's clock.
 */
@Repository
class AuthCodeRepository {

  private static final String INSERT =
      """
      INSERT INTO auth_codes (code_hash, code_hint, account_id, merchant_id, wallet_id,
                              redirect_port, code_challenge, expires_at)
      VALUES (:codeHash, :codeHint, :accountId, :merchantId, :walletId,
              :redirectPort, :codeChallenge, now() + make_interval(secs => :lifetimeSeconds))
      RETURNING id, expires_at
      """;

  /**
   * The whole successful exchange in one statement, so one round trip and one atomic step: consume
   * the code if it is unused, unexpired and its PKCE challenge (if any) matches; create the key for
   * it; write the audit event. Concurrent callers queue on the code's row lock and all but the
   * first find {@code used_at} set, so exactly one gets a row back.
   */
  private static final String REDEEM =
      """
      WITH consumed AS (
          UPDATE auth_codes SET used_at = now()
          WHERE code_hash = :codeHash
            AND used_at IS NULL
            AND expires_at > now()
            AND (code_challenge IS NULL OR code_challenge = :verifierChallenge)
          RETURNING id, account_id, merchant_id, wallet_id
      ), issued AS (
          INSERT INTO secret_keys (merchant_id, wallet_id, account_id, auth_code_id,
                                   name, key_hash, key_hint, source)
          SELECT merchant_id, wallet_id, account_id, id, :keyName, :keyHash, :keyHint, 'cli_login'
          FROM consumed
          RETURNING id, merchant_id, wallet_id, account_id, auth_code_id
      ), audited AS (
          INSERT INTO audit_events (type, account_id, merchant_id, secret_key_id, auth_code_id,
                                    client_address)
          SELECT :auditType, account_id, merchant_id, id, auth_code_id, :clientAddress FROM issued
      )
      SELECT id, merchant_id, wallet_id FROM issued
      """;

  private static final String FIND_FOR_UPDATE =
      """
      SELECT id, account_id, merchant_id, used_at IS NOT NULL AS used,
             expires_at <= now() AS expired, code_challenge
      FROM auth_codes
      WHERE code_hash = :codeHash
      FOR UPDATE
      """;

  private static final String CONSUME =
      "UPDATE auth_codes SET used_at = now() WHERE id = :id AND used_at IS NULL";

  static final String LOGIN_KEY_NAME = "CLI login";

  private final JdbcClient jdbc;

  AuthCodeRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Inserted insert(byte[] codeHash, String codeHint, AuthCodeGrant grant, Duration lifetime) {
    return jdbc.sql(INSERT)
        .param("codeHash", codeHash)
        .param("codeHint", codeHint)
        .param("accountId", grant.accountId())
        .param("merchantId", grant.merchantId())
        .param("walletId", grant.walletId())
        .param("redirectPort", grant.redirectPort().orElse(null), Types.INTEGER)
        .param("codeChallenge", grant.codeChallenge().orElse(null), Types.VARCHAR)
        .param("lifetimeSeconds", lifetime.toSeconds())
        .query(
            (rs, row) ->
                new Inserted(
                    rs.getObject("id", UUID.class),
                    rs.getObject("expires_at", OffsetDateTime.class).toInstant()))
        .single();
  }

  /** The happy path: the new key, or empty when the code cannot be exchanged (ask why next). */
  Optional<IssuedKey> redeem(
      byte[] codeHash, Optional<String> verifierChallenge, String secretKey, String clientAddress) {
    return jdbc.sql(REDEEM)
        .param("codeHash", codeHash)
        .param("verifierChallenge", verifierChallenge.orElse(null), Types.VARCHAR)
        .param("keyName", LOGIN_KEY_NAME)
        .param("keyHash", Secrets.sha256(secretKey))
        .param("keyHint", SecretKeyFormat.hint(secretKey))
        .param("auditType", AuditLog.AUTH_CODE_EXCHANGED)
        .param("clientAddress", clientAddress, Types.VARCHAR)
        .query(
            (rs, row) ->
                new IssuedKey(
                    rs.getObject("id", UUID.class),
                    secretKey,
                    rs.getObject("merchant_id", UUID.class),
                    rs.getObject("wallet_id", UUID.class)))
        .optional();
  }

  /** The code's state, locked until the transaction ends so the answer cannot change under us. */
  Optional<AuthCodeState> findForUpdate(byte[] codeHash) {
    return jdbc.sql(FIND_FOR_UPDATE)
        .param("codeHash", codeHash)
        .query(
            (rs, row) ->
                new AuthCodeState(
                    rs.getObject("id", UUID.class),
                    rs.getObject("account_id", UUID.class),
                    rs.getObject("merchant_id", UUID.class),
                    rs.getBoolean("used"),
                    rs.getBoolean("expired"),
                    Optional.ofNullable(rs.getString("code_challenge"))))
        .optional();
  }

  void consume(UUID id) {
    jdbc.sql(CONSUME).param("id", id).update();
  }

  record Inserted(UUID id, Instant expiresAt) {}

  /** A code as the refusal path sees it; {@code expired} is judged by the database's clock. */
  record AuthCodeState(
      UUID id,
      UUID accountId,
      UUID merchantId,
      boolean used,
      boolean expired,
      Optional<String> codeChallenge) {}
}
