package so.lava.auth.keys;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import so.lava.auth.system.Secrets;

/**
 * Verifies a presented secret key: by its SHA-256, looked up in the database, and for speed kept
 * briefly in memory.
 *
 * <p>A cached verification is trusted only while the {@link RevocationListener} is known to be
 * connected (it heard from PostgreSQL within the last second). Every revocation, on any instance,
 * reaches the listener through {@code NOTIFY} at commit and drops the key here, so a revoked key is
 * refused everywhere within a second; when the listener is not connected, every verification asks
 * the database. Looking a key up by its hash leaves nothing for a timing attack to measure: the
 * attacker controls the key, not its hash.
 */
@Service
public class KeyVerifier {

  static final Duration CACHE_FOR = Duration.ofSeconds(30);

  private static final String FIND_BY_HASH =
      """
      SELECT k.id, k.name, k.merchant_id, k.wallet_id, k.account_id, a.email, k.created_at,
             k.revoked_at IS NOT NULL AS revoked
      FROM secret_keys k JOIN accounts a ON a.id = k.account_id
      WHERE k.key_hash = :keyHash
      """;

  private final JdbcClient jdbc;
  private final Cache<ByteBuffer, VerifiedKey> verified =
      Caffeine.newBuilder().maximumSize(100_000).expireAfterWrite(CACHE_FOR).build();
  private final Cache<UUID, Boolean> recentlyRevoked =
      Caffeine.newBuilder().expireAfterWrite(CACHE_FOR.multipliedBy(2)).build();
  private volatile long listenerHealthyUntilNanos;
  // Changes whenever notifications may have been missed, so a lookup that began before cannot
  // put an answer into the cache that a missed revocation made stale.
  private final AtomicLong epoch = new AtomicLong();

  KeyVerifier(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The outcome of a verification. */
  public enum Outcome {
    VALID,
    UNKNOWN,
    REVOKED
  }

  /** What verifying a key found; {@code key} is present exactly when the outcome is valid. */
  public record Verification(Outcome outcome, Optional<VerifiedKey> key) {}

  /** Verifies a key that already passed {@link SecretKeyFormat#isWellFormed}. */
  public Verification verify(String secretKey) {
    ByteBuffer hash = ByteBuffer.wrap(Secrets.sha256(secretKey));
    long startEpoch = epoch.get();
    boolean trustCache = System.nanoTime() - listenerHealthyUntilNanos < 0;
    if (trustCache) {
      VerifiedKey cached = verified.getIfPresent(hash);
      if (cached != null && recentlyRevoked.getIfPresent(cached.secretKeyId()) == null) {
        return new Verification(Outcome.VALID, Optional.of(cached));
      }
    }
    Optional<Row> row = find(hash.array());
    if (row.isEmpty()) {
      return new Verification(Outcome.UNKNOWN, Optional.empty());
    }
    if (row.get().revoked()) {
      verified.invalidate(hash);
      return new Verification(Outcome.REVOKED, Optional.empty());
    }
    VerifiedKey key = row.get().key();
    if (trustCache
        && startEpoch == epoch.get()
        && recentlyRevoked.getIfPresent(key.secretKeyId()) == null) {
      verified.put(hash, key);
    }
    return new Verification(Outcome.VALID, Optional.of(key));
  }

  /** A key was revoked (here or on another instance): stop trusting what we remember of it. */
  public void forget(UUID secretKeyId) {
    recentlyRevoked.put(secretKeyId, Boolean.TRUE);
    verified.asMap().values().removeIf(key -> key.secretKeyId().equals(secretKeyId));
  }

  /** The listener heard from the database just now; cached verifications may be trusted a while. */
  void listenerAlive(Duration trustFor) {
    listenerHealthyUntilNanos = System.nanoTime() + trustFor.toNanos();
  }

  /**
   * The listener lost the database, or has just connected after notifications may have been missed:
   * forget everything cached and trust nothing until it hears from the database again.
   */
  void listenerLost() {
    listenerHealthyUntilNanos = System.nanoTime();
    epoch.incrementAndGet();
    verified.invalidateAll();
  }

  private Optional<Row> find(byte[] keyHash) {
    return jdbc.sql(FIND_BY_HASH)
        .param("keyHash", keyHash)
        .query(
            (rs, n) ->
                new Row(
                    new VerifiedKey(
                        rs.getObject("id", UUID.class),
                        rs.getString("name"),
                        rs.getObject("merchant_id", UUID.class),
                        rs.getObject("wallet_id", UUID.class),
                        rs.getObject("account_id", UUID.class),
                        rs.getString("email"),
                        rs.getObject("created_at", OffsetDateTime.class).toInstant()),
                    rs.getBoolean("revoked")))
        .optional();
  }

  private record Row(VerifiedKey key, boolean revoked) {}
}
