package so.lava.cli;

/**
 * The one failure a command reports: a short lowercase line for the person, ending with the next
 * step to take, and the exit status that goes with it.
 */
public class CliException extends RuntimeException {

  private final int exitCode;

  public CliException(int exitCode, String message) {
    super(message, null, false, false);
    this.exitCode = exitCode;
  }

  public int exitCode() {
    return exitCode;
  }
}
