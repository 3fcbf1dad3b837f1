package org.ttnlw.migrate.source.lorawan;

import java.util.List;

/**
 * The columns of TTS's CSV device import format ({@code the-things-stack-csv}), in the order this
 * tool writes them. TTS's reader needs the header, takes {@code ;} as the separator when the
 * header holds one (else {@code ,}), RFC 4180 quoting and an optional UTF-8 byte order mark;
 * unknown columns are ignored, and a row without {@code id} gets the ID {@code eui-<dev_eui>}.
 * {@code app_eui} is read as {@code join_eui}. docs/csv.md maps each column to its field.
 */
public final class TtsCsvColumns {
  public static final String ID = "id";
  public static final String DEV_EUI = "dev_eui";
  public static final String JOIN_EUI = "join_eui";
  public static final String APP_EUI = "app_eui";
  public static final String NAME = "name";
  public static final String DESCRIPTION = "description";
  public static final String FREQUENCY_PLAN_ID = "frequency_plan_id";
  public static final String LORAWAN_VERSION = "lorawan_version";
  public static final String LORAWAN_PHY_VERSION = "lorawan_phy_version";
  public static final String BRAND_ID = "brand_id";
  public static final String MODEL_ID = "model_id";
  public static final String HARDWARE_VERSION = "hardware_version";
  public static final String FIRMWARE_VERSION = "firmware_version";
  public static final String BAND_ID = "band_id";
  public static final String VENDOR_ID = "vendor_id";
  public static final String VENDOR_PROFILE_ID = "vendor_profile_id";
  public static final String APP_KEY = "app_key";
  public static final String NWK_KEY = "nwk_key";
  public static final String RX1_DELAY = "rx1_delay";
  public static final String SUPPORTS_32_BIT_F_CNT = "supports_32_bit_f_cnt";
  public static final String SUPPORTS_CLASS_C = "supports_class_c";
  public static final String DEV_ADDR = "dev_addr";
  public static final String APP_S_KEY = "app_s_key";
  public static final String F_NWK_S_INT_KEY = "f_nwk_s_int_key";
  public static final String LAST_F_CNT_UP = "last_f_cnt_up";
  public static final String LAST_N_F_CNT_DOWN = "last_n_f_cnt_down";
  public static final String LAST_A_F_CNT_DOWN = "last_a_f_cnt_down";

  /** Every column, in the order of the header this tool writes. */
  public static final List<String> ALL = List.of(ID, DEV_EUI, JOIN_EUI, NAME, DESCRIPTION,
      FREQUENCY_PLAN_ID, LORAWAN_VERSION, LORAWAN_PHY_VERSION, BRAND_ID, MODEL_ID,
      HARDWARE_VERSION, FIRMWARE_VERSION, BAND_ID, VENDOR_ID, VENDOR_PROFILE_ID, APP_KEY, NWK_KEY,
      RX1_DELAY, SUPPORTS_32_BIT_F_CNT, SUPPORTS_CLASS_C, DEV_ADDR, APP_S_KEY, F_NWK_S_INT_KEY,
      LAST_F_CNT_UP, LAST_N_F_CNT_DOWN, LAST_A_F_CNT_DOWN);

  private TtsCsvColumns() {}
}
