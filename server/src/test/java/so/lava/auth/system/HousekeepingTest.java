package so.lava.auth.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import so.lava.auth.exchange.IssuedCode;
import so.lava.auth.support.ServerTest;

/** Old codes go, recent ones and the audit log stay; one instance at a time does it. */
class HousekeepingTest extends ServerTest {

  @Autowired private Housekeeping housekeeping;
  @Autowired private DataSource dataSource;

  @Test
  void runThenCodesLongExpiredDeletedAndRecentKept() {
    var account = fixtures.account();
    IssuedCode old = fixtures.code(account);
    api().exchange(old.code());
    fixtures.age(old, Duration.ofDays(8));
    IssuedCode recent = fixtures.code(account);
    fixtures.age(recent, Duration.ofDays(1));
    long auditBefore = auditEventsFor(old);

    var result = housekeeping.run();

    assertThat(result).isPresent();
    assertThat(result.get().codes()).isGreaterThanOrEqualTo(1);
    assertThat(codeExists(old)).isFalse();
    assertThat(codeExists(recent)).isTrue();
    assertThat(auditEventsFor(old)).isEqualTo(auditBefore).isPositive();
  }

  @Test
  void runWhileAnotherInstanceHoldsTheLockThenSkips() throws Exception {
    try (Connection other = dataSource.getConnection()) {
      other.setAutoCommit(false);
      try (Statement statement = other.createStatement()) {
        statement.execute("SELECT pg_advisory_xact_lock(" + Housekeeping.LOCK + ")");
      }

      assertThat(housekeeping.run()).isEmpty();

      other.rollback();
    }
    assertThat(housekeeping.run()).isPresent();
  }

  private boolean codeExists(IssuedCode code) {
    return fixtures
        .jdbc()
        .sql("SELECT EXISTS (SELECT 1 FROM auth_codes WHERE id = :id)")
        .param("id", code.id())
        .query(Boolean.class)
        .single();
  }

  private long auditEventsFor(IssuedCode code) {
    return fixtures
        .jdbc()
        .sql("SELECT count(*) FROM audit_events WHERE auth_code_id = :id")
        .param("id", code.id())
        .query(Long.class)
        .single();
  }
}
