package org.ttnlw.migrate.source;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One {@code --select} filter, parsed once from what the operator typed and evaluated on what the
 * source's device list tells ({@link ListedDevice}). Each needs one {@link DeviceFact}; a source
 * that cannot list it refuses the filter before the run starts.
 */
public sealed interface DeviceFilter {
  /** The forms, for messages and help. */
  String FORMS = "attribute:KEY=VALUE, profile:NAME, model:BRAND/MODEL, frequency-plan:ID, otaa,"
      + " abp, seen-within:AGE, not-seen-within:AGE (AGE like 12h, 30d or 8w)";

  /** What the filter needs the source's list to tell. */
  DeviceFact fact();

  /** @param now when the run started, for the filters on last activity */
  boolean matches(ListedDevice device, Instant now);

  /** The device's value of what the filter looks at, as a list prints it. */
  String shown(ListedDevice device);

  /**
   * Reads one filter.
   *
   * @throws IllegalArgumentException saying what is wrong with {@code text}, and the forms
   */
  static DeviceFilter parse(String text) {
    String typed = text.strip();
    int colon = typed.indexOf(':');
    String name = (colon < 0 ? typed : typed.substring(0, colon)).toLowerCase(Locale.ROOT);
    String value = colon < 0 ? "" : typed.substring(colon + 1).strip();
    DeviceFilter filter = switch (name) {
      case "otaa", "abp" -> colon < 0 ? new Activation(name.equals("otaa")) : null;
      case "attribute", "tag" -> Attribute.parse(value);
      case "profile" -> value.isEmpty() ? null : new Named(DeviceFact.PROFILE, name, value);
      case "model" -> Named.model(value);
      case "frequency-plan" -> value.isEmpty() ? null
          : new Named(DeviceFact.FREQUENCY_PLAN, name, value);
      case "seen-within" -> LastSeen.parse(value, true);
      case "not-seen-within" -> LastSeen.parse(value, false);
      default -> throw new IllegalArgumentException("\"" + text + "\" is not a filter; the"
          + " filters are " + FORMS);
    };
    if (filter == null) {
      throw new IllegalArgumentException("\"" + text + "\" is not a valid " + name + " filter;"
          + " write it as " + form(name));
    }
    return filter;
  }

  private static String form(String name) {
    return switch (name) {
      case "otaa", "abp" -> name + " (no value)";
      case "attribute", "tag" -> name + ":KEY=VALUE, e.g. attribute:site=hall-3";
      case "profile" -> "profile:NAME";
      case "model" -> "model:BRAND/MODEL, e.g. model:the-things-industries/generic-node";
      case "frequency-plan" -> "frequency-plan:ID, e.g. frequency-plan:EU_863_870_TTN";
      default -> name + ":AGE with AGE like 12h, 30d or 8w";
    };
  }

  /** {@code attribute:KEY=VALUE}: the attribute (a ChirpStack tag) KEY has exactly VALUE. */
  record Attribute(String key, String value) implements DeviceFilter {
    static Attribute parse(String text) {
      int equals = text.indexOf('=');
      return equals <= 0 ? null
          : new Attribute(text.substring(0, equals).strip(), text.substring(equals + 1).strip());
    }

    @Override
    public DeviceFact fact() {
      return DeviceFact.ATTRIBUTES;
    }

    @Override
    public boolean matches(ListedDevice device, Instant now) {
      return value.equals(device.attributes().get(key));
    }

    @Override
    public String shown(ListedDevice device) {
      String held = device.attributes().get(key);
      return "attribute:" + key + (held == null ? " (none)" : "=" + held);
    }
  }

  /**
   * {@code profile:NAME} (the device profile of that name), {@code model:BRAND/MODEL} (the
   * Device Repository's brand and model IDs) or {@code frequency-plan:ID} (the TTS frequency plan
   * the device has, or would get): the device's value is exactly {@code value}.
   *
   * @param name the filter's name as typed: "profile", "model" or "frequency-plan"
   */
  record Named(DeviceFact fact, String name, String value) implements DeviceFilter {
    static Named model(String text) {
      int slash = text.indexOf('/');
      return slash <= 0 || slash == text.length() - 1 ? null
          : new Named(DeviceFact.MODEL, "model", text);
    }

    @Override
    public boolean matches(ListedDevice device, Instant now) {
      return held(device).filter(value::equals).isPresent();
    }

    @Override
    public String shown(ListedDevice device) {
      return name + ":" + held(device).orElse("(none)");
    }

    private Optional<String> held(ListedDevice device) {
      return switch (fact) {
        case PROFILE -> device.profile();
        case MODEL -> device.model();
        default -> device.frequencyPlan();
      };
    }
  }

  /** {@code otaa} or {@code abp}. */
  record Activation(boolean otaa) implements DeviceFilter {
    @Override
    public DeviceFact fact() {
      return DeviceFact.ACTIVATION;
    }

    @Override
    public boolean matches(ListedDevice device, Instant now) {
      return device.otaa().filter(known -> known == otaa).isPresent();
    }

    @Override
    public String shown(ListedDevice device) {
      return device.otaa().map(known -> known ? "otaa" : "abp").orElse("activation:(unknown)");
    }
  }

  /**
   * {@code seen-within:AGE}: seen less than AGE ago; {@code not-seen-within:AGE}: not seen since
   * AGE ago, or never.
   */
  record LastSeen(Duration age, boolean within) implements DeviceFilter {
    private static final Pattern AGE = Pattern.compile("([0-9]{1,6})([hdw])");

    static LastSeen parse(String text, boolean within) {
      Matcher matcher = AGE.matcher(text);
      if (!matcher.matches() || Long.parseLong(matcher.group(1)) == 0) {
        return null;
      }
      long amount = Long.parseLong(matcher.group(1));
      Duration age = switch (matcher.group(2)) {
        case "h" -> Duration.ofHours(amount);
        case "d" -> Duration.ofDays(amount);
        default -> Duration.ofDays(7 * amount);
      };
      return new LastSeen(age, within);
    }

    @Override
    public DeviceFact fact() {
      return DeviceFact.LAST_SEEN;
    }

    @Override
    public boolean matches(ListedDevice device, Instant now) {
      boolean seen = device.lastSeen().filter(at -> at.isAfter(now.minus(age))).isPresent();
      return seen == within;
    }

    @Override
    public String shown(ListedDevice device) {
      return "last-seen:" + device.lastSeen().map(Instant::toString).orElse("never");
    }
  }
}
