package so.lava.auth.keys;

import jakarta.annotation.PreDestroy;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code secret_keys.last_used_at} without a database write per request: uses are noted in
 * memory and written together once a minute (and at shutdown), so a key is written at most once a
 * minute by each instance however busy it is.
 */
@Component
public class KeyUsage {

  private static final String WRITE =
      """
      UPDATE secret_keys SET last_used_at = :usedAt
      WHERE id = :id AND (last_used_at IS NULL OR last_used_at < :usedAt)
      """;

  private final JdbcClient jdbc;
  private final Map<UUID, Instant> pending = new ConcurrentHashMap<>();

  KeyUsage(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void used(UUID secretKeyId) {
    pending.put(secretKeyId, Instant.now());
  }

  /** Writes what has been noted since the last flush. */
  @Scheduled(fixedDelayString = "${lava.keys.last-used-flush:60s}")
  @PreDestroy
  public void flush() {
    for (UUID id : pending.keySet()) {
      Instant usedAt = pending.remove(id);
      if (usedAt != null) {
        jdbc.sql(WRITE)
            .param("id", id)
            .param("usedAt", java.time.OffsetDateTime.ofInstant(usedAt, java.time.ZoneOffset.UTC))
            .update();
      }
    }
  }
}
