package so.lava.auth.keys;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import so.lava.auth.system.Secrets;

/**
 * Secret keys, stored as SHA-256 hashes with a display hint.
 *
 * <p>Table {@code secret_keys}: {@code merchant_id}, {@code wallet_id}, {@code account_id}, {@code
 * auth_code_id} (the login code it was issued for), {@code name}, {@code key_hash}, {@code
 * key_hint}, {@code source}, {@code created_at}, {@code last_used_at}, {@code revoked_at}.
 */
@Repository
public class SecretKeyRepository {

  private static final String REVOKE_ISSUED_FOR_CODE =
      """
      UPDATE secret_keys SET revoked_at = now()
      WHERE auth_code_id = :authCodeId AND revoked_at IS NULL
      RETURNING id
      """;

  private static final String INSERT =
      """
      INSERT INTO secret_keys (merchant_id, wallet_id, account_id, name, key_hash, key_hint, source)
      VALUES (:merchantId, :walletId, :accountId, :name, :keyHash, :keyHint, :source)
      RETURNING id, created_at
      """;

  private static final String LIST_ACTIVE =
      """
      SELECT id, name, key_hint, source, created_at, last_used_at
      FROM secret_keys
      WHERE merchant_id = :merchantId AND revoked_at IS NULL
      ORDER BY created_at DESC, id DESC
      LIMIT :limit
      """;

  private static final String PAGE =
      """
      SELECT id, name, key_hint, source, created_at, last_used_at
      FROM secret_keys
      WHERE merchant_id = :merchantId AND revoked_at IS NULL
        AND (CAST(:afterCreatedAt AS timestamptz) IS NULL
             OR (created_at, id) < (CAST(:afterCreatedAt AS timestamptz), CAST(:afterId AS uuid)))
      ORDER BY created_at DESC, id DESC
      LIMIT :limit
      """;

  private static final String FIND_ACTIVE =
      """
      SELECT id, name, key_hint, source, created_at, last_used_at
      FROM secret_keys
      WHERE id = :id AND merchant_id = :merchantId AND revoked_at IS NULL
      """;

  private static final String REVOKE =
      """
      UPDATE secret_keys SET revoked_at = now()
      WHERE id = :id AND merchant_id = :merchantId AND revoked_at IS NULL
      RETURNING id
      """;

  private final JdbcClient jdbc;

  SecretKeyRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Creates a key and returns it with its full value: the only time anyone sees it.
   *
   * @param source {@code dashboard} or {@code api}
   */
  public CreatedKey create(
      UUID merchantId, UUID walletId, UUID accountId, String name, String source) {
    String secretKey = SecretKeyFormat.generate();
    return jdbc.sql(INSERT)
        .param("merchantId", merchantId)
        .param("walletId", walletId)
        .param("accountId", accountId)
        .param("name", name)
        .param("keyHash", Secrets.sha256(secretKey))
        .param("keyHint", SecretKeyFormat.hint(secretKey))
        .param("source", source)
        .query(
            (rs, row) ->
                new CreatedKey(
                    new KeySummary(
                        rs.getObject("id", UUID.class),
                        name,
                        SecretKeyFormat.hint(secretKey),
                        source,
                        rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                        Optional.empty()),
                    secretKey))
        .single();
  }

  /** The merchant's keys that still work, newest first. */
  public List<KeySummary> listActive(UUID merchantId, int limit) {
    return jdbc.sql(LIST_ACTIVE)
        .param("merchantId", merchantId)
        .param("limit", limit)
        .query(SecretKeyRepository::summary)
        .list();
  }

  /**
   * The merchant's working keys, newest first, after the given position (exclusive): the rows of
   * one page of {@code GET /v1/secret_keys}.
   */
  public List<KeySummary> page(UUID merchantId, Optional<KeyCursor> after, int limit) {
    return jdbc.sql(PAGE)
        .param("merchantId", merchantId)
        .param(
            "afterCreatedAt",
            after
                .map(c -> OffsetDateTime.ofInstant(c.createdAt(), java.time.ZoneOffset.UTC))
                .orElse(null),
            Types.TIMESTAMP_WITH_TIMEZONE)
        .param("afterId", after.map(KeyCursor::id).orElse(null), Types.OTHER)
        .param("limit", limit)
        .query(SecretKeyRepository::summary)
        .list();
  }

  public Optional<KeySummary> findActive(UUID id, UUID merchantId) {
    return jdbc.sql(FIND_ACTIVE)
        .param("id", id)
        .param("merchantId", merchantId)
        .query(SecretKeyRepository::summary)
        .optional();
  }

  /** Revokes one of the merchant's keys; false when it is not theirs or already revoked. */
  public boolean revoke(UUID id, UUID merchantId) {
    return jdbc.sql(REVOKE)
        .param("id", id)
        .param("merchantId", merchantId)
        .query(UUID.class)
        .optional()
        .isPresent();
  }

  private static KeySummary summary(ResultSet rs, int row) throws SQLException {
    OffsetDateTime lastUsed = rs.getObject("last_used_at", OffsetDateTime.class);
    return new KeySummary(
        rs.getObject("id", UUID.class),
        rs.getString("name"),
        rs.getString("key_hint"),
        rs.getString("source"),
        rs.getObject("created_at", OffsetDateTime.class).toInstant(),
        Optional.ofNullable(lastUsed).map(OffsetDateTime::toInstant));
  }

  /** Revokes the key issued for a login code, if it is not revoked already; returns its id. */
  public Optional<UUID> revokeIssuedForCode(UUID authCodeId) {
    return jdbc.sql(REVOKE_ISSUED_FOR_CODE)
        .param("authCodeId", authCodeId)
        .query(UUID.class)
        .optional();
  }

  /**
   * A key as lists show it: never the key itself.
   *
   * @param source {@code cli_login}, {@code dashboard} or {@code api}
   */
  public record KeySummary(
      UUID id,
      String name,
      String hint,
      String source,
      Instant createdAt,
      Optional<Instant> lastUsedAt) {}

  /** A key just created, with its full value. */
  public record CreatedKey(KeySummary summary, String secretKey) {

    @Override
    public String toString() {
      return "CreatedKey[" + summary + "]";
    }
  }
}
