package org.ttnlw.migrate.source.lorawan;

import com.google.protobuf.Descriptors.EnumValueDescriptor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ttnlw.migrate.proto.MACVersion;
import org.ttnlw.migrate.proto.PHYVersion;

/**
 * The LoRaWAN MAC and Regional Parameters (PHY) versions as non-TTS sources spell them, mapped to
 * TTS's enums through the bundled {@code lorawan-versions.tsv}:
 *
 * <ul>
 *   <li>MAC versions such as {@code 1.0.3} or {@code 1.1}, optionally prefixed {@code OTAA }/{@code
 *       ABP } (AWS), each with the PHY version it implies, if only one fits;
 *   <li>revision letters {@code A}/{@code B} that pick the PHY of 1.0.2 and 1.1 (Wanesy);
 *   <li>Regional Parameters document names such as {@code RP002-1.0.1} or {@code Regional
 *       Parameters v1.0.2rB} (AWS), and TTS's own enum names;
 *   <li>a MAC version with its revision letter as one word, such as {@code 1.0.2b} or {@code
 *       1.1.0a} (the Go tool's {@code --mac-version}).
 * </ul>
 *
 * Spellings are matched ignoring case and runs of white space. Nothing is guessed: a spelling not in
 * the table is an {@link UnknownVersionException} naming it and what is known.
 */
public final class LorawanVersions {
  private static final String RESOURCE = "lorawan-versions.tsv";
  private static final Pattern ACTIVATION_PREFIX = Pattern.compile("(?i)^(?:OTAA|ABP)\\s+");
  private static final Pattern COMBINED = Pattern.compile("(?i)^(\\d+\\.\\d+(?:\\.\\d+)?)([a-z])$");

  /** A MAC version, and the PHY version it implies when only one fits (else null). */
  private record MacRow(MACVersion mac, PHYVersion impliedPhy) {}

  private record RevisionKey(MACVersion mac, String letter) {}

  private static final Map<String, MacRow> MACS = new LinkedHashMap<>();
  private static final Map<RevisionKey, PHYVersion> REVISIONS = new HashMap<>();
  private static final Map<String, PHYVersion> PHYS = new HashMap<>();
  private static final List<String> PHY_NAMES = new ArrayList<>();

  static {
    for (String[] row : BundledTable.read(RESOURCE,
        "table", "spelling", "mac_version", "phy_version")) {
      String key = normalise(row[1]);
      switch (row[0]) {
        case "mac" -> MACS.put(key, new MacRow(MACVersion.valueOf(row[2]),
            row[3].isEmpty() ? null : phyNamed(row[3])));
        case "revision" -> REVISIONS.put(new RevisionKey(MACVersion.valueOf(row[2]), key),
            phyNamed(row[3]));
        case "phy" -> {
          PHYS.put(key, phyNamed(row[3]));
          PHY_NAMES.add(row[1]);
        }
        default -> throw new IllegalStateException("unknown table " + row[0] + " in " + RESOURCE);
      }
    }
  }

  /** A MAC version with its PHY version. */
  public record Versions(MACVersion mac, PHYVersion phy) {}

  private LorawanVersions() {}

  /** The MAC version a spelling such as {@code 1.0.3}, {@code 1.1} or {@code OTAA 1.0.2} names. */
  public static MACVersion mac(String spelling) {
    return macRow(spelling).mac();
  }

  /**
   * The PHY version a MAC version implies on its own ({@code 1.0.3} → RP001 1.0.3 rev A), empty
   * for 1.0.2 and 1.1, whose PHY needs a revision.
   */
  public static Optional<PHYVersion> impliedPhy(MACVersion mac) {
    return MACS.values().stream().filter(row -> row.mac() == mac).findFirst()
        .map(MacRow::impliedPhy);
  }

  /**
   * The PHY version a Regional Parameters name gives: {@code RP002-1.0.1}, {@code Regional
   * Parameters v1.0.2rB}, {@code LoRaWAN v1.0.1}, or a TTS enum name such as {@code
   * RP001_V1_0_2_REV_B}.
   */
  public static PHYVersion phy(String spelling) {
    String key = normalise(spelling);
    PHYVersion phy = PHYS.get(key);
    if (phy != null) {
      return phy;
    }
    for (EnumValueDescriptor value : PHYVersion.getDescriptor().getValues()) {
      if (value.getNumber() != PHYVersion.PHY_UNKNOWN_VALUE
          && value.getName().toLowerCase(Locale.ROOT).equals(key)) {
        return PHYVersion.valueOf(value);
      }
    }
    throw new UnknownVersionException("unknown Regional Parameters version \"" + spelling
        + "\"; known: " + String.join(", ", PHY_NAMES));
  }

  /**
   * MAC and PHY from a MAC version and a revision that may be empty, a letter ({@code A}/{@code B})
   * or a Regional Parameters name. An empty revision takes the PHY the MAC version implies, and so
   * does any letter for a MAC version without revisions (1.0.0, 1.0.1, 1.0.4); a letter that a MAC
   * version with revisions does not have (1.0.3 rev B) is refused.
   */
  public static Versions of(String macSpelling, String revision) {
    MacRow row = macRow(macSpelling);
    String letter = revision == null ? "" : normalise(revision);
    if (letter.isEmpty()) {
      if (row.impliedPhy() == null) {
        throw new UnknownVersionException("MAC version " + macSpelling.strip()
            + " needs a Regional Parameters revision (" + String.join(" or ",
                lettersOf(row.mac())) + ")");
      }
      return new Versions(row.mac(), row.impliedPhy());
    }
    if (letter.length() > 1) {
      return new Versions(row.mac(), phy(revision));
    }
    List<String> letters = lettersOf(row.mac());
    if (letters.isEmpty()) {
      return new Versions(row.mac(), row.impliedPhy());
    }
    PHYVersion phy = REVISIONS.get(new RevisionKey(row.mac(), letter));
    if (phy == null) {
      throw new UnknownVersionException("MAC version " + macSpelling.strip()
          + " has no Regional Parameters revision \"" + revision.strip() + "\"; known: "
          + String.join(", ", letters));
    }
    return new Versions(row.mac(), phy);
  }

  /**
   * MAC and PHY from one word: a MAC version, with the revision letter appended where it needs one
   * ({@code 1.0.0}, {@code 1.0.2b}, {@code 1.1.0a}).
   */
  public static Versions combined(String spelling) {
    String text = spelling == null ? "" : spelling.strip();
    Matcher matcher = COMBINED.matcher(text);
    try {
      return matcher.matches() ? of(matcher.group(1), matcher.group(2)) : of(text, "");
    } catch (UnknownVersionException e) {
      throw new UnknownVersionException("unknown LoRaWAN version \"" + text + "\"; known: "
          + String.join(", ", knownCombined()));
    }
  }

  /** Every spelling {@link #combined} accepts, for help texts and messages. */
  public static List<String> knownCombined() {
    List<String> known = new ArrayList<>();
    MACS.forEach((spelling, row) -> {
      if (row.impliedPhy() != null) {
        known.add(spelling);
      }
      lettersOf(row.mac()).forEach(letter -> {
        if (row.impliedPhy() == null || !REVISIONS.get(new RevisionKey(row.mac(),
            letter.toLowerCase(Locale.ROOT))).equals(row.impliedPhy())) {
          known.add(spelling + letter.toLowerCase(Locale.ROOT));
        }
      });
    });
    return known;
  }

  private static MacRow macRow(String spelling) {
    String text = spelling == null ? "" : ACTIVATION_PREFIX.matcher(spelling.strip()).replaceFirst("");
    MacRow row = MACS.get(normalise(text));
    if (row == null) {
      throw new UnknownVersionException("unknown MAC version \"" + (spelling == null ? ""
          : spelling.strip()) + "\"; known: " + String.join(", ", MACS.keySet()));
    }
    return row;
  }

  private static List<String> lettersOf(MACVersion mac) {
    return REVISIONS.keySet().stream().filter(key -> key.mac() == mac)
        .map(key -> key.letter().toUpperCase(Locale.ROOT)).sorted().toList();
  }

  /** The PHY version of an enum name, aliases such as {@code RP001_V1_0_2} included. */
  static PHYVersion phyNamed(String name) {
    EnumValueDescriptor value = PHYVersion.getDescriptor().findValueByName(name);
    if (value == null) {
      throw new IllegalArgumentException("no PHYVersion " + name);
    }
    return PHYVersion.valueOf(value);
  }

  private static String normalise(String spelling) {
    return spelling.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
  }

  /** A version spelling that the table does not know; the message names it and what is known. */
  public static final class UnknownVersionException extends IllegalArgumentException {
    public UnknownVersionException(String message) {
      super(message);
    }
  }
}
