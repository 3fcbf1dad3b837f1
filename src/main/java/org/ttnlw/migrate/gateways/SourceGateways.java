package org.ttnlw.migrate.gateways;

import java.util.Iterator;
import java.util.function.Function;
import org.ttnlw.migrate.core.CallSettings;
import org.ttnlw.migrate.core.GatewayRef;
import org.ttnlw.migrate.pipeline.ItemLists;
import org.ttnlw.migrate.source.GatewaySource;

/**
 * Gateways of a source: the IDs given, or all the key reaches.
 *
 * @param opener opens the source's gateways
 * @param deletesSource whether each gateway is deleted at the source once handed over
 */
public record SourceGateways(Function<CallSettings, GatewaySource> opener,
    boolean deletesSource, Iterator<String> ids, boolean all) implements GatewayJob.Reading {

  @Override
  public GatewaySource open(CallSettings context) {
    return opener.apply(context);
  }

  @Override
  public Iterator<GatewayRef> items(GatewaySource source) {
    if (!all) {
      return ItemLists.resolved(ids, source::resolve);
    }
    return deletesSource ? ItemLists.readAll(source.listAll()) : source.listAll();
  }

  @Override
  public boolean knowsLnsKeys() {
    return true;
  }
}
