package so.lava.cli;

/** What {@code lava} exits with. */
public final class ExitCodes {

  public static final int OK = 0;
  public static final int FAILURE = 1;
  public static final int USAGE = 2;
  public static final int NOT_LOGGED_IN = 4;

  private ExitCodes() {}
}
