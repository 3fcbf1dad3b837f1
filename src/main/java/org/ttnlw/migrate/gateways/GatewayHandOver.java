package org.ttnlw.migrate.gateways;

import com.google.protobuf.ByteString;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.ttnlw.migrate.core.GatewayRef;
import org.ttnlw.migrate.core.MigrationException;
import org.ttnlw.migrate.pipeline.RunJournal;
import org.ttnlw.migrate.pipeline.SideEffects;
import org.ttnlw.migrate.source.GatewaySource;
import org.ttnlw.migrate.source.LnsSettings;
import org.ttnlw.migrate.source.SourceStep;

/**
 * The only place that changes gateways at the source, called for a gateway once it is
 * registered and verified in the target. With {@code lns-redirect}, a CUPS-managed gateway's
 * source settings are pointed at the target (its old ones synced to the journal first); then the
 * run waits for the target's Gateway Server to see the gateway connected. Only a connected
 * gateway is deleted at the source (when asked). One that does not connect in time gets its
 * source settings back and fails as "registered on both": a gateway is never left registered
 * nowhere. Without a wait, the run only says what to set on each gateway.
 */
public final class GatewayHandOver implements SideEffects<GatewayRef> {
  private static final Logger log = LoggerFactory.getLogger(GatewayHandOver.class);

  /**
   * The target side of a hand-over.
   *
   * @param lnsKey the LNS key the target gave a gateway (by ID), if any
   * @param connected waits up to the duration for a gateway (by ID) to be connected there
   * @param keysFile where the LNS keys are, for the instructions
   */
  public record Target(String gatewayServerAddress, String lnsUri,
      Function<String, Optional<String>> lnsKey,
      BiFunction<String, Duration, CompletableFuture<Boolean>> connected, String keysFile) {}

  /**
   * @param redirect whether CUPS-managed gateways are redirected ({@code --takeover
   *     lns-redirect})
   * @param verifyTimeout how long to wait for each gateway to connect; empty: no wait
   */
  public record Choices(boolean redirect, Optional<Duration> verifyTimeout, boolean deleteSource,
      boolean dryRun) {}

  private final GatewaySource source;
  private final Target target;
  private final Choices choices;
  private final RunJournal<GatewayRef> journal;
  private final SourceStep step;
  private final Map<GatewayRef, String> instructions = new LinkedHashMap<>();

  public GatewayHandOver(GatewaySource source, Target target, Choices choices,
      RunJournal<GatewayRef> journal) {
    this.source = source;
    this.target = target;
    this.choices = choices;
    this.journal = journal;
    this.step = choices.dryRun() ? SourceStep.KEEP
        : choices.deleteSource() ? SourceStep.DELETE
        : choices.redirect() || choices.verifyTimeout().isPresent() ? SourceStep.DISABLE
        : SourceStep.KEEP;
  }

  @Override
  public SourceStep step() {
    return step;
  }

  @Override
  public String disabledLabel() {
    return "handed over";
  }

  /**
   * Deleted at the source once connected to the target, or pointed at the target through the
   * source's CUPS server (where the gateway is managed so); both only when the run waits for the
   * connection. Otherwise the source is not changed.
   */
  @Override
  public String action() {
    if (choices.verifyTimeout().isEmpty()) {
      return "none";
    }
    return choices.deleteSource() ? "delete" : choices.redirect() ? "lns-redirect" : "none";
  }

  @Override
  public String journalEntry() {
    return "handed-over";
  }

  @Override
  public boolean waits() {
    return choices.verifyTimeout().isPresent();
  }

  @Override
  public void alreadyDone(GatewayRef gateway) {}

  /**
   * What to set on each gateway that was not redirected and is not seen connected to the
   * target, for the end of the run.
   */
  public synchronized List<String> instructions() {
    return List.copyOf(instructions.values());
  }

  @Override
  public CompletableFuture<Void> apply(GatewayRef gateway) {
    if (choices.dryRun()) {
      return CompletableFuture.completedFuture(null);
    }
    boolean redirected = choices.redirect() && redirectable(gateway);
    if (!redirected) {
      instruct(gateway);
    }
    if (choices.verifyTimeout().isEmpty()) {
      return CompletableFuture.completedFuture(null);
    }
    Duration timeout = choices.verifyTimeout().get();
    CompletableFuture<Void> pointed = redirected ? redirect(gateway)
        : CompletableFuture.completedFuture(null);
    return pointed
        .thenCompose(ignored -> {
          log.info("gateway {}: waiting up to {} for it to connect to the target", gateway,
              describe(timeout));
          return target.connected().apply(source.targetId(gateway), timeout);
        })
        .thenCompose(connected -> {
          if (connected) {
            log.info("gateway {}: connected to the target", gateway);
            synchronized (this) {
              instructions.remove(gateway);
            }
            return choices.deleteSource() ? source.delete(gateway)
                : CompletableFuture.completedFuture(null);
          }
          return (redirected ? restore(gateway) : CompletableFuture.<Void>completedFuture(null))
              .thenApply(ignored -> {
                throw new MigrationException("gateway " + gateway + " is registered on both, not"
                    + " connected to the target after " + describe(timeout)
                    + (redirected ? "; its Gateway Server address and LNS key at the source were"
                        + " restored" : "; nothing was changed at the source")
                    + ". Run the same command again to wait again");
              });
        });
  }

  /** Whether the gateway can follow a CUPS redirect: CUPS at the source, an LNS key here. */
  private boolean redirectable(GatewayRef gateway) {
    if (source.cupsRedirect().isEmpty() || !source.needsLnsKey(gateway.id())) {
      log.warn("gateway {}: not managed through the source's CUPS server (no LNS key there);"
          + " --takeover lns-redirect falls back to none for it", gateway);
      return false;
    }
    if (target.lnsKey().apply(source.targetId(gateway)).isEmpty()) {
      log.warn("gateway {}: the target has no LNS key of this run for it (it was registered"
          + " there before); --takeover lns-redirect falls back to none for it", gateway);
      return false;
    }
    return true;
  }

  /** Notes the source's settings (once: a re-run keeps the first), then points them here. */
  private CompletableFuture<Void> redirect(GatewayRef gateway) {
    GatewaySource.CupsRedirect cups = source.cupsRedirect().orElseThrow();
    CompletableFuture<Void> noted = journal.noted(gateway, LnsSettings.ADDRESS_NOTE).isPresent()
        ? CompletableFuture.completedFuture(null)
        : cups.read(gateway).thenAccept(old -> note(gateway, old));
    LnsSettings toTarget = new LnsSettings(target.gatewayServerAddress(),
        ByteString.copyFromUtf8(target.lnsKey().apply(source.targetId(gateway)).orElseThrow()));
    return noted.thenCompose(ignored -> cups.write(gateway, toTarget))
        .thenRun(() -> log.info("gateway {}: its CUPS settings at the source point at the target"
            + " now; it moves on its next CUPS request", gateway));
  }

  private void note(GatewayRef gateway, LnsSettings old) {
    try {
      // The address last: it says the settings are noted (see redirect).
      journal.note(gateway, LnsSettings.SECRET_NOTE, old.encodedSecret());
      journal.note(gateway, LnsSettings.ADDRESS_NOTE, old.gatewayServerAddress());
    } catch (IOException e) {
      throw new UncheckedIOException("recording gateway " + gateway + "'s CUPS settings in "
          + journal.path() + " failed; nothing was changed at the source", e);
    }
  }

  private CompletableFuture<Void> restore(GatewayRef gateway) {
    LnsSettings old = LnsSettings.noted(name -> journal.noted(gateway, name)).orElseThrow();
    return source.cupsRedirect().orElseThrow().write(gateway, old);
  }

  private void instruct(GatewayRef gateway) {
    String line = target.lnsKey().apply(source.targetId(gateway)).isPresent()
        ? "gateway " + gateway + ": set its LNS URI (tc.uri) to " + target.lnsUri()
            + " and its tc.key to \"Authorization: Bearer KEY\" with its key in "
            + target.keysFile()
        : "gateway " + gateway + ": point its packet forwarder (UDP) at "
            + target.gatewayServerAddress() + ", ports 1700 up and down (server_address,"
            + " serv_port_up, serv_port_down), or its LoRa Basics Station at the target's LNS";
    log.info("{}", line);
    synchronized (this) {
      instructions.put(gateway, line);
    }
  }

  private static String describe(Duration timeout) {
    return timeout.toSeconds() % 60 == 0 && timeout.toMinutes() > 0 ? timeout.toMinutes() + "m"
        : timeout.toMillis() % 1000 == 0 ? timeout.toSeconds() + "s" : timeout.toMillis() + "ms";
  }
}
