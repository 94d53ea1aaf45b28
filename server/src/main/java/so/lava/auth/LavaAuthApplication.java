package so.lava.auth;

import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Lava Auth: the browser-authorized command-line login of the Lava API.
 *
 * <p>The exchange of a one-time code for a secret key lives in {@code exchange}; keys in {@code
 * keys}; people and their merchants in {@code accounts}; the error shape every {@code /v1} route
 * shares in {@code api}; start-up concerns (database, configuration) in {@code system}.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class LavaAuthApplication {

  public static void main(String[] args) {
    SpringApplication application = new SpringApplication(LavaAuthApplication.class);
    if ("json".equalsIgnoreCase(System.getenv("LAVA_LOG_FORMAT"))) {
      // One JSON object per line (Elastic Common Schema), for log collectors.
      application.setDefaultProperties(Map.of("logging.structured.format.console", "ecs"));
    }
    application.run(args);
  }
}
