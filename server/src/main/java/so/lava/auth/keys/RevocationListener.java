package so.lava.auth.keys;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;
import java.util.UUID;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import so.lava.auth.system.ConnectionPoolNudge;
import so.lava.auth.system.Database;

/**
 * Listens on PostgreSQL's {@code secret_key_revoked} channel (a trigger notifies it on every
 * revocation) and tells the {@link KeyVerifier}, so that a key revoked on any instance is refused
 * by this one within a second. It polls every {@link #POLL}; each answer from the database renews
 * the verifier's trust in its cache for {@link #TRUST}; a lost connection withdraws it at once and
 * is retried.
 */
@Component
class RevocationListener implements SmartLifecycle {

  static final String CHANNEL = "secret_key_revoked";
  static final Duration POLL = Duration.ofMillis(250);
  static final Duration TRUST = Duration.ofMillis(750);

  private static final Logger log = LoggerFactory.getLogger(RevocationListener.class);

  private final Database database;
  private final KeyVerifier verifier;
  private final ConnectionPoolNudge nudge;
  private volatile boolean running;
  private Thread thread;

  RevocationListener(Database database, KeyVerifier verifier, ConnectionPoolNudge nudge) {
    this.database = database;
    this.verifier = verifier;
    this.nudge = nudge;
  }

  @Override
  public void start() {
    running = true;
    thread = new Thread(this::listen, "revocation-listener");
    thread.setDaemon(true);
    thread.start();
  }

  @Override
  public void stop() {
    running = false;
    if (thread != null) {
      thread.interrupt();
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  private void listen() {
    boolean reported = false;
    while (running) {
      try (Connection connection = connect()) {
        try (Statement statement = connection.createStatement()) {
          statement.execute("LISTEN " + CHANNEL);
        }
        // Revocations while we were not listening went unheard: start from an empty cache.
        verifier.listenerLost();
        if (reported) {
          log.info("the database is back");
          reported = false;
          nudge.databaseIsBack();
        }
        PGConnection postgres = connection.unwrap(PGConnection.class);
        while (running) {
          PGNotification[] notifications = postgres.getNotifications((int) POLL.toMillis());
          if (notifications != null) {
            for (PGNotification notification : notifications) {
              verifier.forget(UUID.fromString(notification.getParameter()));
            }
          }
          // getNotifications only reads what has arrived; a round trip proves the link is alive.
          try (Statement ping = connection.createStatement()) {
            ping.execute("SELECT 1");
          }
          verifier.listenerAlive(TRUST);
        }
      } catch (SQLException | RuntimeException e) {
        verifier.listenerLost();
        if (running && !reported) {
          log.warn(
              "the database is unreachable ({}); retrying every second",
              e.getClass().getSimpleName());
          reported = true;
        }
        sleepQuietly(Duration.ofSeconds(1));
      }
    }
    verifier.listenerLost();
  }

  private Connection connect() throws SQLException {
    Properties properties = new Properties();
    properties.setProperty("user", database.user());
    if (database.password() != null) {
      properties.setProperty("password", database.password());
    }
    properties.setProperty("socketTimeout", "5");
    properties.setProperty("connectTimeout", "5");
    properties.setProperty("ApplicationName", "lava-auth revocation listener");
    return DriverManager.getConnection(database.jdbcUrl(), properties);
  }

  private static void sleepQuietly(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
