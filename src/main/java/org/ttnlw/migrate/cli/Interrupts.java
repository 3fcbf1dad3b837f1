package org.ttnlw.migrate.cli;

import java.io.PrintStream;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import org.ttnlw.migrate.core.StopSignal;

/**
 * Ctrl-C and SIGTERM ask the export to stop after the devices in flight, so that
 * no line is cut and the journal is complete; a second one quits at once.
 *
 * <p>Java has no supported API for this: a shutdown hook runs only once the JVM is already
 * exiting, so the run could neither finish its devices with its own exit code nor be quit by a
 * second Ctrl-C. {@code sun.misc.Signal} (module jdk.unsupported, kept for exactly this use) does
 * it, but javac warns about every mention of it, a warning that neither
 * {@code @SuppressWarnings} nor {@code -Xlint} turns off; so it is reached by reflection, here
 * only. Without it (a runtime without jdk.unsupported) the signals keep their default.
 */
final class Interrupts {
  private Interrupts() {}

  static void install(StopSignal stop, PrintStream err) {
    Runnable onSignal = () -> {
      if (stop.requested()) {
        Runtime.getRuntime().halt(ExitCodes.INTERRUPTED);
      }
      err.println("ttn-lw-migrate: stopping after the devices in flight; press Ctrl-C again to"
          + " quit at once");
      stop.request();
    };
    try {
      Class<?> signal = Class.forName("sun.misc.Signal");
      Class<?> handlerType = Class.forName("sun.misc.SignalHandler");
      Method handle = signal.getMethod("handle", signal, handlerType);
      Object handler = Proxy.newProxyInstance(handlerType.getClassLoader(),
          new Class<?>[] {handlerType}, handlerCalling(onSignal));
      for (String name : new String[] {"INT", "TERM"}) {
        handle.invoke(null, signal.getConstructor(String.class).newInstance(name), handler);
      }
    } catch (ReflectiveOperationException | IllegalArgumentException e) {
      err.println("ttn-lw-migrate: warning: Ctrl-C and SIGTERM stop the run at once on this Java"
          + " runtime (" + e + ")");
    }
  }

  /** A {@code SignalHandler} whose {@code handle(Signal)} runs {@code onSignal}. */
  private static InvocationHandler handlerCalling(Runnable onSignal) {
    return (proxy, method, args) -> switch (method.getName()) {
      case "handle" -> {
        onSignal.run();
        yield null;
      }
      case "equals" -> proxy == args[0];
      case "hashCode" -> System.identityHashCode(proxy);
      default -> "ttn-lw-migrate stop on Ctrl-C";
    };
  }
}
