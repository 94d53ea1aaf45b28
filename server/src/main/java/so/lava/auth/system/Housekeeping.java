package so.lava.auth.system;

import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deletes what is no longer needed: one-time codes some time after they expired (used or not), and
 * rate-limit buckets that are full again. The audit log is kept. However many instances run, one
 * does the work at a time: each run first takes a PostgreSQL advisory lock, and the others skip.
 */
@Component
class Housekeeping {

  private static final Logger log = LoggerFactory.getLogger(Housekeeping.class);

  /** Any constant will do, as long as nothing else in the database uses it as a lock. */
  static final long LOCK = 0x6c6176612d686bL;

  private static final String TRY_LOCK = "SELECT pg_try_advisory_xact_lock(:lock)";

  private static final String DELETE_CODES =
      "DELETE FROM auth_codes WHERE expires_at < now() - make_interval(secs => :keepSeconds)";

  private static final String DELETE_BUCKETS =
      "DELETE FROM rate_limit_buckets"
          + " WHERE expires_at < (extract(epoch FROM clock_timestamp()) * 1000)::bigint";

  private final JdbcClient jdbc;
  private final TransactionTemplate transactions;
  private final Settings settings;

  Housekeeping(JdbcClient jdbc, TransactionTemplate transactions, Settings settings) {
    this.jdbc = jdbc;
    this.transactions = transactions;
    this.settings = settings;
  }

  @Scheduled(
      initialDelayString = "${lava.housekeeping.every:10m}",
      fixedDelayString = "${lava.housekeeping.every:10m}")
  void scheduled() {
    try {
      run();
    } catch (RuntimeException e) {
      log.warn("housekeeping failed ({}); it runs again later", e.getClass().getSimpleName());
    }
  }

  /** One run; returns what it deleted, or empty when another instance holds the lock. */
  Optional<Result> run() {
    return transactions.execute(
        status -> {
          boolean mine = jdbc.sql(TRY_LOCK).param("lock", LOCK).query(Boolean.class).single();
          if (!mine) {
            return Optional.<Result>empty();
          }
          int codes =
              jdbc.sql(DELETE_CODES)
                  .param("keepSeconds", settings.keepCodes().toSeconds())
                  .update();
          int buckets = jdbc.sql(DELETE_BUCKETS).update();
          if (codes + buckets > 0) {
            log.info(
                "housekeeping deleted {} old codes and {} idle rate-limit buckets", codes, buckets);
          }
          return Optional.of(new Result(codes, buckets));
        });
  }

  record Result(int codes, int buckets) {}

  /**
   * {@code lava.housekeeping.*}.
   *
   * @param keepCodes how long after expiry a code is kept (so the dashboard can still tell what
   *     became of it, and a late replay is still seen as reuse)
   */
  @ConfigurationProperties("lava.housekeeping")
  record Settings(@DefaultValue("7d") Duration keepCodes) {}
}
