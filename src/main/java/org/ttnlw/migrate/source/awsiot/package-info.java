/**
 * The AWS IoT Core for LoRaWAN source, on the AWS SDK. Imports source, source.lorawan and
 * below; no other source.
 */
package org.ttnlw.migrate.source.awsiot;
