package org.civicgrid.core.grid.internal;

/**
 * An entry of the standard address library about to be written.
 *
 * @param address the normalised form, the key
 * @param original the address as the file wrote it
 * @param gridCode the grid it belongs to
 */
record AddressDraft(String address, String original, String gridCode) {
}
