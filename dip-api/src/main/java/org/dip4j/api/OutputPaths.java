package org.dip4j.api;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;

/**
 * Checks and creates the paths a user names for output, so that a bad one is a one-line
 * {@link InvalidInputException} that says why, never a stack trace, and nothing is replaced
 * that should not be (a folder given where a file goes, a file where a folder goes).
 */
public final class OutputPaths {
    private OutputPaths() {}

    /** Creates {@code folder} (and its parents) unless it exists as a writable folder. */
    public static Path createFolder(Path folder, String what) {
        if (Files.exists(folder) && !Files.isDirectory(folder)) {
            throw new InvalidInputException("cannot use " + folder + " as the " + what
                    + ": it is a file, not a folder (choose another path)");
        }
        for (Path up = folder.toAbsolutePath().getParent(); up != null; up = up.getParent()) {
            if (Files.exists(up) && !Files.isDirectory(up)) {
                throw new InvalidInputException("cannot create the " + what + " " + folder + ": " + up
                        + " is a file, not a folder (choose another path)");
            }
        }
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new InvalidInputException("cannot create the " + what + " " + folder + ": " + reason(e)
                    + " (choose another path)", e);
        }
        if (!Files.isWritable(folder)) {
            throw new InvalidInputException("cannot write in the " + what + " " + folder
                    + ": permission denied (choose a writable folder)");
        }
        return folder;
    }

    /** Checks that an image can be written at {@code file}: not a folder, and its folder can be made. */
    public static Path checkFile(Path file) {
        if (Files.isDirectory(file)) {
            throw new InvalidInputException("cannot write " + file
                    + ": it is a folder; name a file inside it, e.g. " + file.resolve("result.png"));
        }
        if (Files.exists(file) && !Files.isWritable(file)) {
            throw new InvalidInputException("cannot write " + file + ": permission denied (choose another path)");
        }
        for (Path up = file.toAbsolutePath().getParent(); up != null; up = up.getParent()) {
            if (Files.exists(up) && !Files.isDirectory(up)) {
                throw new InvalidInputException("cannot write " + file + ": " + up + " is a file, not a folder"
                        + " (choose another path)");
            }
        }
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            createFolder(parent, "folder");
        }
        return file;
    }

    /** What went wrong, in words: the exception's kind and the path it names. */
    public static String reason(IOException e) {
        String where = e instanceof FileSystemException fse && fse.getFile() != null ? " (" + fse.getFile() + ")" : "";
        if (e instanceof AccessDeniedException) {
            return "permission denied" + where;
        }
        if (e instanceof FileAlreadyExistsException || e instanceof NotDirectoryException) {
            return "a file is in the way" + where;
        }
        if (e instanceof NoSuchFileException) {
            return "no such file or folder" + where;
        }
        if (e instanceof FileSystemException fse && fse.getReason() != null) {
            return fse.getReason().toLowerCase(java.util.Locale.ROOT) + where;
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
