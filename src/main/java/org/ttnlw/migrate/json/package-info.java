/**
 * The TTS JSON codec, driven by the proto descriptors. Imports core only.
 */
package org.ttnlw.migrate.json;
