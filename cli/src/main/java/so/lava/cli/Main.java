package so.lava.cli;

/** {@code lava}: started by {@code bin/lava}. */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    System.exit(Lava.run(Context.system(), args));
  }
}
