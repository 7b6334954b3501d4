package org.policyradar.app.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectoriesTest {

    @TempDir
    Path scratch;

    @Test
    void shouldDeleteADirectoryWithEverythingInIt() throws IOException {
        Path state = Files.createDirectories(scratch.resolve("state/policy-radar/0_0/rocksdb"));
        Files.writeString(state.resolve("CURRENT"), "MANIFEST-000001\n");
        Files.writeString(scratch.resolve("state/.lock"), "");

        Directories.deleteRecursively(scratch.resolve("state"));

        assertThat(scratch.resolve("state")).doesNotExist();
        assertThat(scratch).exists();
    }

    @Test
    void shouldDoNothingWhenTheDirectoryDoesNotExist() {
        assertThatCode(() -> Directories.deleteRecursively(scratch.resolve("never-made"))).doesNotThrowAnyException();
    }
}
