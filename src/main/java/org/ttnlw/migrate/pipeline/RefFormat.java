package org.ttnlw.migrate.pipeline;

import java.util.List;
import java.util.function.Function;
import org.ttnlw.migrate.core.DeviceRef;
import org.ttnlw.migrate.core.GatewayRef;

/**
 * How the run journal writes the reference of an item: {@code width} tab-separated fields.
 *
 * @param <R> the reference type
 */
public record RefFormat<R>(int width, Function<R, List<String>> fields,
    Function<List<String>, R> parse) {

  public static final RefFormat<DeviceRef> DEVICES = new RefFormat<>(2,
      ref -> List.of(ref.applicationId(), ref.deviceId()),
      fields -> new DeviceRef(fields.get(0), fields.get(1)));

  public static final RefFormat<GatewayRef> GATEWAYS = new RefFormat<>(1,
      ref -> List.of(ref.id()), fields -> new GatewayRef(fields.get(0)));
}
