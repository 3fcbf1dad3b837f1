package org.ttnlw.migrate.source.chirpstack;

import com.google.protobuf.ByteString;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.ttnlw.migrate.core.DeviceIds;
import org.ttnlw.migrate.core.MigrationException;
import org.ttnlw.migrate.proto.Gateway;
import org.ttnlw.migrate.proto.GatewayAntenna;
import org.ttnlw.migrate.proto.GatewayIdentifiers;
import org.ttnlw.migrate.proto.Location;
import org.ttnlw.migrate.proto.LocationSource;
import org.ttnlw.migrate.source.lorawan.TtsLimits;

/**
 * Turns a ChirpStack gateway, as {@code GatewayService/Get} answers it, into the TTS gateway the
 * target registers: one rule per TTS field, in {@link #RULES}. Nothing else is carried over:
 * ChirpStack's tenant, metadata (reported by the gateway), stats interval and downlink priority
 * have no TTS counterpart.
 */
final class GatewayMapper {
  /** What a rule reads: the gateway as ChirpStack has it, named by its EUI in lower case. */
  record Input(org.ttnlw.migrate.chirpstack.proto.Gateway gateway, String eui,
      GatewayConfig config) {
    String subject() {
      return "gateway " + eui;
    }
  }

  /** One TTS field (or group) and how it is made from the ChirpStack gateway. */
  record Rule(String field, Writer writer) {}

  @FunctionalInterface
  interface Writer {
    void write(Input in, Gateway.Builder out);
  }

  static final List<Rule> RULES = List.of(
      new Rule("ids", (in, out) -> out.setIds(identifiers(in))),
      new Rule("name", (in, out) -> out.setName(TtsLimits.cut(in.subject(), "name",
          in.gateway().getName(), TtsLimits.NAME_MAX_LENGTH))),
      new Rule("description", (in, out) -> out.setDescription(TtsLimits.cut(in.subject(),
          "description", in.gateway().getDescription(), TtsLimits.DESCRIPTION_MAX_LENGTH))),
      new Rule("attributes", (in, out) ->
          out.putAllAttributes(TagAttributes.of(in.eui(), in.gateway().getTagsMap()))),
      new Rule("frequency_plan_ids", (in, out) ->
          out.addFrequencyPlanIds(in.config().frequencyPlan().id())),
      new Rule("antennas", GatewayMapper::antenna));

  private final GatewayConfig config;

  GatewayMapper(GatewayConfig config) {
    this.config = config;
  }

  Gateway map(org.ttnlw.migrate.chirpstack.proto.Gateway gateway) {
    Input in = new Input(gateway, gateway.getGatewayId().toLowerCase(Locale.ROOT), config);
    Gateway.Builder out = Gateway.newBuilder();
    RULES.forEach(rule -> rule.writer().write(in, out));
    return out.build();
  }

  private static GatewayIdentifiers identifiers(Input in) {
    if (ChirpStackIds.GATEWAY_EUI.problem(in.eui()) != null) {
      throw new MigrationException(in.subject() + ": ChirpStack sent a gateway ID that is not 16"
          + " hexadecimal digits");
    }
    String id = in.config().ids().render(in.eui(), in.gateway().getGatewayId());
    String problem = DeviceIds.problem(id);
    if (problem != null) {
      throw new MigrationException(in.subject() + ": its TTS gateway ID \"" + id + "\" (from"
          + " --gateway-id-template \"" + in.config().ids().template() + "\") is not valid: "
          + problem);
    }
    return GatewayIdentifiers.newBuilder()
        .setGatewayId(id)
        .setEui(ByteString.copyFrom(HexFormat.of().parseHex(in.eui())))
        .build();
  }

  /** ChirpStack's one location, unless it is (0, 0, 0), which ChirpStack means as "not set". */
  private static void antenna(Input in, Gateway.Builder out) {
    var location = in.gateway().getLocation();
    if (location.getLatitude() == 0 && location.getLongitude() == 0
        && location.getAltitude() == 0) {
      return;
    }
    out.addAntennas(GatewayAntenna.newBuilder().setLocation(Location.newBuilder()
        .setLatitude(location.getLatitude())
        .setLongitude(location.getLongitude())
        .setAltitude((int) Math.round(location.getAltitude()))
        .setSource(LocationSource.SOURCE_REGISTRY)));
  }
}
