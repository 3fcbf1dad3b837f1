package org.ttnlw.migrate.e2e;

import io.grpc.Status;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.ttnlw.migrate.sim.Fault;

/**
 * kill -9 of the launched tool at the first simulator call {@code killAt} accepts, which then
 * fails: {@link #fault} goes to the simulator's fault hook, {@link #started} to
 * {@link PackagedTool#run}'s.
 *
 * @param <C> how the simulator describes a call
 */
final class KillAtCall<C> {
  private final Predicate<C> killAt;
  private final AtomicReference<Process> running = new AtomicReference<>();
  private final CountDownLatch started = new CountDownLatch(1);

  KillAtCall(Predicate<C> killAt) {
    this.killAt = killAt;
  }

  Optional<Fault> fault(C call) {
    if (!killAt.test(call)) {
      return Optional.empty();
    }
    try {
      started.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    running.get().destroyForcibly();
    return Optional.of(Fault.of(Status.UNAVAILABLE.withDescription("killed")));
  }

  void started(Process process) {
    running.set(process);
    started.countDown();
  }
}
