package so.lava.auth.system;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Whether a failure is the database being out of reach, which clears up by itself and so earns a
 * {@code 503} with {@code Retry-After} rather than a {@code 500}. The one definition the API's
 * error handler, the error pages and the outage filter all ask.
 */
public final class DatabaseUnavailable {

  /** What {@code Retry-After} says while the database is away. */
  public static final String RETRY_AFTER_SECONDS = "5";

  private DatabaseUnavailable() {}

  public static boolean causes(Object failure) {
    for (Object t = failure; t instanceof Throwable throwable; t = throwable.getCause()) {
      if (t instanceof DataAccessResourceFailureException
          || t instanceof TransientDataAccessException
          || t instanceof CannotCreateTransactionException
          || t instanceof SQLTransientConnectionException
          || t instanceof ConnectException
          // SQL state class 08: connection exception.
          || (t instanceof SQLException sql
              && sql.getSQLState() != null
              && sql.getSQLState().startsWith("08"))) {
        return true;
      }
      // A failed rollback hides the failure that caused it: look at that one too.
      if (t instanceof TransactionSystemException rollback
          && rollback.getApplicationException() != null
          && causes(rollback.getApplicationException())) {
        return true;
      }
      if (throwable.getCause() == throwable) {
        break;
      }
    }
    return false;
  }
}
