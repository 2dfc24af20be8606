package io.arr502.core.log;

import java.util.List;
import java.util.Objects;

/**
 * How far one log file has been read. Identity is the path plus a CRC of its first
 * {@code fingerprintLength} bytes: NTFS gives Java no inode, and IIS reuses no names, so a changed
 * prefix means the file was replaced, and a size below the offset means it was truncated. {@code tail} is
 * the fingerprint of the bytes just before the offset ({@link #NO_TAIL} in a state written before it
 * existed): a file truncated and written again past the offset keeps its first bytes, but not those.
 */
record FileCursor(String path, long fingerprint, int fingerprintLength, long offset, long lines, List<String> layout, long tail) {
    static final long NO_TAIL = -1;

    FileCursor(String path, long fingerprint, int fingerprintLength, long offset, long lines, List<String> layout) {
        this(path, fingerprint, fingerprintLength, offset, lines, layout, NO_TAIL);
    }

    // written out: a record's generated equals/hashCode bootstrap through method handles, which costs
    // a scheduled check ~5 ms of generated classes on every run (state comparison uses them)
    @Override
    public boolean equals(Object o) {
        return o instanceof FileCursor c && fingerprint == c.fingerprint && fingerprintLength == c.fingerprintLength
                && offset == c.offset && lines == c.lines && tail == c.tail && path.equals(c.path) && Objects.equals(layout, c.layout);
    }

    @Override
    public int hashCode() {
        return Objects.hash(path, fingerprint, offset);
    }
}
