package so.lava.auth.system;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Connects to the {@link Database}: the DataSource closes before the embedded server stops. */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

  @Bean(destroyMethod = "close")
  Database database(LavaProperties properties) {
    return Database.from(properties);
  }

  @Bean(destroyMethod = "close")
  HikariDataSource dataSource(Database database, LavaProperties properties) {
    HikariDataSource dataSource = new HikariDataSource();
    dataSource.setPoolName("lava");
    dataSource.setJdbcUrl(database.jdbcUrl());
    dataSource.setUsername(database.user());
    dataSource.setPassword(database.password());
    dataSource.setMaximumPoolSize(properties.database().maxConnections());
    // While the database is away, fail fast (503, Retry-After) rather than hold requests.
    dataSource.setConnectionTimeout(2_000);
    dataSource.setValidationTimeout(1_000);
    return dataSource;
  }
}
