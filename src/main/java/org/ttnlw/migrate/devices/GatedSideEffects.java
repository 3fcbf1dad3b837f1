package org.ttnlw.migrate.devices;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.ttnlw.migrate.pipeline.SideEffects;
import org.ttnlw.migrate.source.SourceStep;

/**
 * Source steps held back until a gate opens: a migration with gateways stops its devices at the
 * source only once the gateways are handed over, so that devices keeping their DevAddr lose the
 * least traffic. A gate that fails leaves every device as it is at the source, failed with the
 * gate's reason.
 */
public final class GatedSideEffects<R> implements SideEffects<R> {
  private final SideEffects<R> inner;
  private final CompletableFuture<Void> gate;

  public GatedSideEffects(SideEffects<R> inner, CompletableFuture<Void> gate) {
    this.inner = inner;
    this.gate = gate;
  }

  @Override
  public SourceStep step() {
    return inner.step();
  }

  @Override
  public String disabledLabel() {
    return inner.disabledLabel();
  }

  @Override
  public String action() {
    return inner.action();
  }

  @Override
  public String journalEntry() {
    return inner.journalEntry();
  }

  @Override
  public boolean waits() {
    return true;
  }

  @Override
  public CompletableFuture<Optional<String>> before(R item) {
    return gate.thenCompose(open -> inner.before(item));
  }

  @Override
  public CompletableFuture<Void> apply(R item) {
    return gate.thenCompose(open -> inner.apply(item));
  }

  @Override
  public void alreadyDone(R item) {
    inner.alreadyDone(item);
  }
}
