package org.ttnlw.migrate.source.chirpstack;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ttnlw.migrate.core.ConfigException;
import org.ttnlw.migrate.core.DeviceIds;

/**
 * How a ChirpStack gateway's TTS gateway ID is made: {@code --gateway-id-template} with {@code
 * {eui}} for the gateway EUI in lower case and {@code {id}} for ChirpStack's gateway ID as it
 * prints it (ChirpStack v4 keys gateways by EUI, so both are 16 hexadecimal digits).
 */
record GatewayIdTemplate(String template) {
  static final String DEFAULT = "eui-{eui}";
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]*)}");
  private static final String SAMPLE_EUI = "0016c001ff10a235";

  /**
   * The template of {@code --gateway-id-template}, or the default; refused when it names an unknown
   * placeholder, has none (every gateway would get the same ID) or cannot give a valid TTS ID.
   */
  static GatewayIdTemplate from(String text) {
    if (text == null || text.isBlank()) {
      return new GatewayIdTemplate(DEFAULT);
    }
    String template = text.strip();
    Matcher placeholders = PLACEHOLDER.matcher(template);
    boolean any = false;
    while (placeholders.find()) {
      if (!placeholders.group(1).equals("eui") && !placeholders.group(1).equals("id")) {
        throw new ConfigException("--gateway-id-template \"" + template + "\": unknown"
            + " placeholder {" + placeholders.group(1) + "}; use {eui} or {id}");
      }
      any = true;
    }
    if (!any) {
      throw new ConfigException("--gateway-id-template \"" + template + "\" has no"
          + " placeholder, so every gateway would get the same ID; use {eui} or {id}, e.g. "
          + DEFAULT);
    }
    String sample = new GatewayIdTemplate(template).render(SAMPLE_EUI, SAMPLE_EUI);
    String problem = DeviceIds.problem(sample);
    if (problem != null) {
      throw new ConfigException("--gateway-id-template \"" + template + "\" gives IDs such as"
          + " \"" + sample + "\", which TTS refuses: " + problem);
    }
    return new GatewayIdTemplate(template);
  }

  /** The ID for a gateway; not checked here. */
  String render(String eui, String chirpStackId) {
    return template.replace("{eui}", eui.toLowerCase(Locale.ROOT)).replace("{id}", chirpStackId);
  }
}
