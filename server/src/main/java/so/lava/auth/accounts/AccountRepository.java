package so.lava.auth.accounts;

import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * People, the merchant each acts for, and that merchant's wallet.
 *
 * <p>Tables {@code accounts} ({@code email} unique regardless of case, {@code password_hash}),
 * {@code merchants} ({@code account_id}, {@code name}) and {@code wallets} ({@code merchant_id}).
 */
@Repository
public class AccountRepository {

  private static final String INSERT_ACCOUNT =
      "INSERT INTO accounts (email, password_hash) VALUES (:email, :passwordHash) RETURNING id";

  private static final String INSERT_MERCHANT =
      "INSERT INTO merchants (account_id, name) VALUES (:accountId, :name) RETURNING id";

  private static final String INSERT_WALLET =
      "INSERT INTO wallets (merchant_id) VALUES (:merchantId) RETURNING id";

  private static final String SELECT_ACCOUNT =
      """
      SELECT a.id, a.email, m.id AS merchant_id, m.name AS merchant_name, w.id AS wallet_id
      FROM accounts a
      JOIN merchants m ON m.account_id = a.id
      JOIN wallets w ON w.merchant_id = m.id
      WHERE a.id = :id
      ORDER BY m.created_at, w.created_at
      LIMIT 1
      """;

  private static final String SELECT_CREDENTIALS =
      "SELECT id, password_hash FROM accounts WHERE lower(email) = lower(:email)";

  private static final String EMAIL_TAKEN =
      "SELECT EXISTS (SELECT 1 FROM accounts WHERE lower(email) = lower(:email))";

  private final JdbcClient jdbc;

  AccountRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Creates the account, its merchant and the merchant's wallet, all or nothing.
   *
   * @throws org.springframework.dao.DuplicateKeyException when the e-mail is taken, in any case
   */
  @Transactional
  public Account create(String email, String passwordHash, String merchantName) {
    UUID accountId =
        jdbc.sql(INSERT_ACCOUNT)
            .param("email", email)
            .param("passwordHash", passwordHash)
            .query(UUID.class)
            .single();
    UUID merchantId =
        jdbc.sql(INSERT_MERCHANT)
            .param("accountId", accountId)
            .param("name", merchantName)
            .query(UUID.class)
            .single();
    UUID walletId =
        jdbc.sql(INSERT_WALLET).param("merchantId", merchantId).query(UUID.class).single();
    return new Account(accountId, email, merchantId, merchantName, walletId);
  }

  public Optional<Account> findById(UUID id) {
    return jdbc.sql(SELECT_ACCOUNT)
        .param("id", id)
        .query(
            (rs, row) ->
                new Account(
                    rs.getObject("id", UUID.class),
                    rs.getString("email"),
                    rs.getObject("merchant_id", UUID.class),
                    rs.getString("merchant_name"),
                    rs.getObject("wallet_id", UUID.class)))
        .optional();
  }

  /** The id and password hash for an e-mail, matched regardless of case. */
  Optional<Credentials> findCredentials(String email) {
    return jdbc.sql(SELECT_CREDENTIALS)
        .param("email", email)
        .query(
            (rs, row) ->
                new Credentials(rs.getObject("id", UUID.class), rs.getString("password_hash")))
        .optional();
  }

  boolean emailTaken(String email) {
    return jdbc.sql(EMAIL_TAKEN).param("email", email).query(Boolean.class).single();
  }

  /** An account with the merchant it acts for and that merchant's wallet. */
  public record Account(
      UUID id, String email, UUID merchantId, String merchantName, UUID walletId) {}

  record Credentials(UUID accountId, String passwordHash) {}
}
