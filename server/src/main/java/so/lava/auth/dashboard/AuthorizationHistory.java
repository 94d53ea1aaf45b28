package so.lava.auth.dashboard;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import so.lava.auth.audit.AuditLog;

/**
 * The account's recent command-line logins: approved or denied, and what became of the code.
 *
 * <p>Reads {@code audit_events} (approvals and denials) with the {@code auth_codes} and {@code
 * secret_keys} rows they led to.
 */
@Repository
class AuthorizationHistory {

  private static final String RECENT =
      """
      SELECT e.occurred_at, e.type, (e.details->>'port')::int AS port,
             c.id IS NOT NULL AS code_kept, c.used_at IS NOT NULL AS used,
             c.expires_at <= now() AS expired, k.id IS NOT NULL AS exchanged
      FROM audit_events e
      LEFT JOIN auth_codes c ON c.id = e.auth_code_id
      LEFT JOIN secret_keys k ON k.auth_code_id = c.id
      WHERE e.account_id = :accountId AND e.type IN (:approved, :denied)
      ORDER BY e.occurred_at DESC, e.id DESC
      LIMIT :limit
      """;

  private final JdbcClient jdbc;

  AuthorizationHistory(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  List<Authorization> recent(UUID accountId, int limit) {
    return jdbc.sql(RECENT)
        .param("accountId", accountId)
        .param("approved", AuditLog.CLI_LOGIN_APPROVED)
        .param("denied", AuditLog.CLI_LOGIN_DENIED)
        .param("limit", limit)
        .query(
            (rs, row) ->
                new Authorization(
                    rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                    Optional.ofNullable((Integer) rs.getObject("port")),
                    outcome(
                        rs.getString("type"),
                        rs.getBoolean("code_kept"),
                        rs.getBoolean("used"),
                        rs.getBoolean("expired"),
                        rs.getBoolean("exchanged"))))
        .list();
  }

  private static String outcome(
      String type, boolean codeKept, boolean used, boolean expired, boolean exchanged) {
    if (AuditLog.CLI_LOGIN_DENIED.equals(type)) {
      return "Denied";
    }
    if (exchanged) {
      return "Approved, exchanged for a key";
    }
    if (used) {
      return "Approved, code refused (wrong verifier)";
    }
    if (!codeKept) {
      return "Approved (older details no longer kept)";
    }
    if (expired) {
      return "Approved, code expired unused";
    }
    return "Approved, waiting for the program";
  }

  /**
   * One login.
   *
   * @param port the program's port; empty when the code was shown for pasting
   */
  record Authorization(Instant at, Optional<Integer> port, String outcome) {}
}
