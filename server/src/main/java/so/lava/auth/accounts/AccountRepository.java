package so.lava.auth.accounts;

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

  private final JdbcClient jdbc;

  AccountRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Creates the account, its merchant and the merchant's wallet, all or nothing. */
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
    return new Account(accountId, email, merchantId, walletId);
  }

  /** An account with the merchant it acts for and that merchant's wallet. */
  public record Account(UUID id, String email, UUID merchantId, UUID walletId) {}
}
