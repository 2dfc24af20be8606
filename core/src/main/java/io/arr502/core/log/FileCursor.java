package io.arr502.core.log;

import java.util.List;

/**
 * How far one log file has been read. Identity is the path plus a CRC of its first
 * {@code fingerprintLength} bytes: NTFS gives Java no inode, and IIS reuses no names, so a changed
 * prefix means the file was replaced, and a size below the offset means it was truncated.
 */
record FileCursor(String path, long fingerprint, int fingerprintLength, long offset, long lines, List<String> layout) {
}
