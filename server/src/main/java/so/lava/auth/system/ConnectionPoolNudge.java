package so.lava.auth.system;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.stereotype.Component;

/**
 * Shortens the wait for connections when the database comes back after an outage.
 *
 * <p>While the database is away, the pool retries opening connections with a backoff that doubles
 * up to five seconds, so after a long outage it may take five more seconds to notice the database
 * is back. The revocation listener probes the database every second on its own connection; when
 * that succeeds again it calls {@link #databaseIsBack}, which wakes the pool's connection adder (an
 * interrupt ends its backoff sleep and its loop), and the next request starts a fresh one.
 */
@Component
public class ConnectionPoolNudge {

  private final HikariDataSource pool;

  ConnectionPoolNudge(HikariDataSource pool) {
    this.pool = pool;
  }

  public void databaseIsBack() {
    String adder = pool.getPoolName() + ":connection-adder";
    Thread.getAllStackTraces().keySet().stream()
        .filter(thread -> thread.getName().equals(adder))
        .forEach(Thread::interrupt);
  }
}
