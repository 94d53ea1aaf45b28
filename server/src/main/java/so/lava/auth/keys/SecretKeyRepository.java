package so.lava.auth.keys;

import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

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

  private final JdbcClient jdbc;

  SecretKeyRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Revokes the key issued for a login code, if it is not revoked already; returns its id. */
  public Optional<UUID> revokeIssuedForCode(UUID authCodeId) {
    return jdbc.sql(REVOKE_ISSUED_FOR_CODE)
        .param("authCodeId", authCodeId)
        .query(UUID.class)
        .optional();
  }
}
