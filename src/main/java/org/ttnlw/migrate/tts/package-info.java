/**
 * The TTS gRPC client: the four servers as data, registry calls, field masks, device merging,
 * gateway fields and the application settings kinds. Imports core, json and calls only.
 */
package org.ttnlw.migrate.tts;
