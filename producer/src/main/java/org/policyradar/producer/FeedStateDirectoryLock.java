package org.policyradar.producer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The lock that keeps a feed state directory to one {@link FeedPoller} at a time: an OS file lock on
 * {@value FeedPoller#LOCK_FILE} in the directory, held from {@link #acquire} until {@link #close}.
 */
final class FeedStateDirectoryLock implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FeedStateDirectoryLock.class);

    private final Path stateDir;
    private final FileChannel channel;
    private final FileLock lock;

    private FeedStateDirectoryLock(Path stateDir, FileChannel channel, FileLock lock) {
        this.stateDir = stateDir;
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Creates the directory if missing and locks it.
     *
     * @throws IllegalStateException when another poller holds the lock
     * @throws UncheckedIOException  when the directory cannot be created or locked
     */
    static FeedStateDirectoryLock acquire(Path stateDir) {
        FileChannel channel;
        try {
            Files.createDirectories(stateDir);
            channel = FileChannel.open(stateDir.resolve(FeedPoller.LOCK_FILE),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot use feed state directory " + stateDir + ": " + e.getMessage(), e);
        }
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        } catch (IOException e) {
            closeQuietly(channel);
            throw new UncheckedIOException("cannot lock feed state directory " + stateDir + ": " + e.getMessage(), e);
        }
        if (lock == null) {
            closeQuietly(channel);
            throw new IllegalStateException("another feed poller is using the state directory " + stateDir);
        }
        return new FeedStateDirectoryLock(stateDir, channel, lock);
    }

    /** Releases the lock; a failure to do so is logged, not thrown. */
    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            LOG.warn("could not release the lock on {}: {}", stateDir, e.getMessage());
        }
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // the lock failure is what the caller needs to hear about
        }
    }
}
