package io.arr502.core.log;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.AclEntry;
import java.nio.file.attribute.AclEntryFlag;
import java.nio.file.attribute.AclEntryPermission;
import java.nio.file.attribute.AclEntryType;
import java.nio.file.attribute.AclFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The state's folder and files belong to the account that runs the check, and to no one else. The default
 * folder sits in a world-writable place ({@code /var/tmp}), where another local user could create it first,
 * make it writable for all, and plant links under the state's, lock's and temp file's names: the check would
 * then write through them into a file of its own account, or read counts the other user chose. So a folder is
 * used only when it is a real folder (not a link), owned by this account and writable by no one else; one
 * this code creates is 0700 (on Windows: an ACL that names only this account), files are 0600, opened without
 * following links, and a temp file is created new under a name no one can guess.
 */
final class PrivateFiles {
    private static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
    /** ACL rights that let a principal put, replace or remove files in a folder. */
    private static final Set<AclEntryPermission> WRITES = EnumSet.of(AclEntryPermission.WRITE_DATA, AclEntryPermission.APPEND_DATA,
            AclEntryPermission.DELETE_CHILD, AclEntryPermission.WRITE_ACL, AclEntryPermission.WRITE_OWNER);

    private PrivateFiles() {
    }

    /** Makes dir when it is missing (0700, or an owner-only ACL), then refuses it unless only this account can write it. */
    static void folder(Path dir) throws LogEngineException {
        Path abs = dir.toAbsolutePath().normalize();
        try {
            if (!Files.exists(abs, LinkOption.NOFOLLOW_LINKS)) {
                if (abs.getParent() != null) {
                    Files.createDirectories(abs.getParent());
                }
                try {
                    if (posix(abs.getParent())) {
                        Files.createDirectory(abs, PosixFilePermissions.asFileAttribute(FOLDER));
                    } else {
                        Files.createDirectory(abs);
                        ownerOnlyAcl(abs);
                    }
                } catch (FileAlreadyExistsException e) {
                    // another run made it at the same moment: checked below like any existing folder
                }
            }
            check(abs);
        } catch (IOException e) {
            throw new LogEngineException("cannot use state folder " + abs + ": " + LogFiles.oneLine(e));
        }
    }

    /** Refuses a folder that is a link, not a folder, owned by another account, or writable by others. */
    static void check(Path dir) throws IOException, LogEngineException {
        BasicFileAttributes a = Files.readAttributes(dir, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        if (a.isSymbolicLink()) {
            throw refused(dir, "it is a symbolic link");
        }
        if (!a.isDirectory()) {
            throw refused(dir, "it is not a folder");
        }
        if (posix(dir)) {
            PosixFileAttributes p = Files.readAttributes(dir, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            UserPrincipal me = me(dir);
            if (me != null && !p.owner().equals(me)) {
                throw refused(dir, "it belongs to " + p.owner().getName() + ", not to " + me.getName());
            }
            if (p.permissions().contains(PosixFilePermission.GROUP_WRITE) || p.permissions().contains(PosixFilePermission.OTHERS_WRITE)) {
                throw refused(dir, "others can write it (mode " + PosixFilePermissions.toString(p.permissions()) + ")");
            }
            return;
        }
        AclFileAttributeView acl = Files.getFileAttributeView(dir, AclFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
        if (acl != null) {
            UserPrincipal me = me(dir);
            for (AclEntry e : acl.getAcl()) {
                if (e.type() == AclEntryType.ALLOW && !e.principal().equals(me) && !trusted(e.principal())
                        && e.permissions().stream().anyMatch(WRITES::contains)) {
                    throw refused(dir, e.principal().getName() + " can write it (its ACL must name only this account)");
                }
            }
        }
    }

    /** Opens (creating it 0600 when missing) a file in a checked folder, never through a link. */
    static FileChannel open(Path file, OpenOption... options) throws IOException {
        Set<OpenOption> o = new java.util.HashSet<>(List.of(options));
        o.add(LinkOption.NOFOLLOW_LINKS);
        return o.contains(StandardOpenOption.CREATE) || o.contains(StandardOpenOption.CREATE_NEW)
                ? FileChannel.open(file, o, fileAttributes(file))
                : FileChannel.open(file, o);
    }

    /** A temp file beside target under a name no one can guess, created new (never an existing file or link). */
    static Path tempBeside(Path target, FileChannel[] opened) throws IOException {
        SplittableRandom r = new SplittableRandom();
        for (int i = 0; ; i++) {
            Path tmp = target.resolveSibling(target.getFileName() + ".tmp-" + Long.toUnsignedString(r.nextLong(), 36));
            try {
                opened[0] = open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                return tmp;
            } catch (FileAlreadyExistsException e) {
                if (i == 10) {
                    throw e;
                }
            }
        }
    }

    private static FileAttribute<?>[] fileAttributes(Path file) {
        return posix(file.toAbsolutePath().getParent()) ? new FileAttribute<?>[]{PosixFilePermissions.asFileAttribute(FILE)}
                : new FileAttribute<?>[0];
    }

    private static boolean posix(Path p) {
        return p != null && Files.getFileAttributeView(p, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS) != null
                && p.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    /** This account; null when the system cannot name it (then only the mode is checked). */
    private static UserPrincipal me(Path dir) {
        try {
            return dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(System.getProperty("user.name"));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Windows accounts that can take any file anyway: an ACE for them gives an attacker nothing. */
    private static boolean trusted(UserPrincipal p) {
        String n = p.getName().toLowerCase(Locale.ROOT);
        return n.equals("nt authority\\system") || n.equals("builtin\\administrators") || n.equals("creator owner");
    }

    /** Windows: the folder's ACL names only this account (full control, inherited by what it holds). */
    private static void ownerOnlyAcl(Path dir) throws IOException {
        AclFileAttributeView view = Files.getFileAttributeView(dir, AclFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
        UserPrincipal me = me(dir);
        if (view == null || me == null) {
            return;
        }
        view.setAcl(List.of(AclEntry.newBuilder().setType(AclEntryType.ALLOW).setPrincipal(me)
                .setPermissions(EnumSet.allOf(AclEntryPermission.class))
                .setFlags(AclEntryFlag.FILE_INHERIT, AclEntryFlag.DIRECTORY_INHERIT).build()));
    }

    private static LogEngineException refused(Path dir, String why) {
        return new LogEngineException("state folder " + dir + " refused: " + why
                + "; another account could plant or read the check's state (remove it, or choose --state-dir)");
    }
}
