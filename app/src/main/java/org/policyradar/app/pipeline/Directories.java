package org.policyradar.app.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.apache.commons.io.FileUtils;

/** File-system chores of the launcher. */
public final class Directories {

    private Directories() {
    }

    /** Deletes a directory and everything in it; nothing happens when it does not exist. */
    public static void deleteRecursively(Path dir) {
        try {
            FileUtils.deleteDirectory(dir.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dir, e);
        }
    }
}
