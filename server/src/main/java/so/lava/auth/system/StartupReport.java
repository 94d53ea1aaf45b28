package so.lava.auth.system;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Says, in one line, where the server listens and which database it uses (never a password). */
@Component
class StartupReport {

  private static final Logger log = LoggerFactory.getLogger(StartupReport.class);

  private final Database database;

  StartupReport(Database database) {
    this.database = database;
  }

  @EventListener
  void onReady(ApplicationReadyEvent event) {
    if (event.getApplicationContext() instanceof WebServerApplicationContext web) {
      long millis = event.getTimeTaken().toMillis();
      log.info(
          "Lava Auth listening on http://localhost:{} (database: {}; ready in {} ms)",
          web.getWebServer().getPort(),
          database.description(),
          millis);
    }
  }
}
