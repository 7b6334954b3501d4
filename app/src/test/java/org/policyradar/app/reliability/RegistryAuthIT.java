package org.policyradar.app.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policyradar.app.cli.PolicyRadar;
import org.policyradar.registry.client.CachedSchemaRegistryClient;
import org.policyradar.registry.client.RestClientException;

/**
 * {@code policy-radar stack --registry-auth USER:PASSWORD}, run as a user would (its own JVM): the registry refuses
 * requests without the credentials or with a wrong password (401) and serves those with them (200), the
 * project's client works with {@code basic.auth.user.info}, and the password appears nowhere in the output.
 */
class RegistryAuthIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    Path dir;

    @Test
    void shouldProtectTheRegistryWithBasicAuthAndNeverPrintThePassword() throws Exception {
        String password = "pw-" + UUID.randomUUID();
        Path stderr = dir.resolve("stack.stderr");
        // an argument file, as the help advises, keeps the password out of the process list
        Path arguments = Files.writeString(dir.resolve("stack.args"), "--registry-auth admin:" + password + "\n");
        Process stack = new ProcessBuilder(ChildJvm.command(PolicyRadar.class.getName(), List.of("stack",
                "--kafka-port", "0", "--registry-port", "0", "--data-dir", dir.resolve("data").toString(),
                "@" + arguments)))
                .redirectError(stderr.toFile()).start();
        List<String> stdout = Collections.synchronizedList(new ArrayList<>());
        CompletableFuture<String> registryUrlLine = new CompletableFuture<>();
        Thread reader = new Thread(() -> readStdout(stack, stdout, registryUrlLine), "stack-stdout");
        reader.start();
        try {
            assertThat(stack.info().commandLine().orElse("")).doesNotContain(password);
            String registryUrl = registryUrlLine.get(2, TimeUnit.MINUTES);
            assertThat(registryUrl).as("stdout %s, stderr %s", stdout, Files.readString(stderr))
                    .startsWith("http://127.0.0.1:");

            assertThat(get(registryUrl + "/subjects", null).statusCode()).isEqualTo(401);
            assertThat(get(registryUrl + "/subjects", "admin:wrong-" + password).statusCode()).isEqualTo(401);
            HttpResponse<String> authorized = get(registryUrl + "/subjects", "admin:" + password);
            assertThat(authorized.statusCode()).as(authorized.body()).isEqualTo(200);

            CachedSchemaRegistryClient withCredentials = new CachedSchemaRegistryClient(registryUrl, Map.of(
                    "basic.auth.credentials.source", "USER_INFO", "basic.auth.user.info", "admin:" + password));
            assertThat(withCredentials.getAllSubjects()).isNotNull();
            CachedSchemaRegistryClient without = new CachedSchemaRegistryClient(registryUrl, Map.of());
            assertThatThrownBy(without::getAllSubjects).isInstanceOfSatisfying(RestClientException.class,
                    refusal -> assertThat(refusal.getStatus()).isEqualTo(401));

            stack.destroy();
            assertThat(stack.waitFor(60, TimeUnit.SECONDS)).as("stack stopped on SIGTERM").isTrue();
            assertThat(stack.exitValue()).isZero();
        } finally {
            if (stack.isAlive()) {
                stack.destroyForcibly().waitFor();
            }
            reader.join(TimeUnit.SECONDS.toMillis(10));
        }
        String everything = String.join("\n", stdout) + "\n" + Files.readString(stderr);
        assertThat(everything).doesNotContain(password).contains("basic authentication as user 'admin'");
    }

    /** Collects the stack's stdout until it ends, and hands over the registry URL once it is printed. */
    private static void readStdout(Process stack, List<String> lines, CompletableFuture<String> registryUrl) {
        try (BufferedReader out = new BufferedReader(new InputStreamReader(stack.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                lines.add(line);
                if (line.startsWith("schema.registry.url=")) {
                    registryUrl.complete(line.substring("schema.registry.url=".length()));
                }
            }
        } catch (IOException e) {
            // the stream closes when the process is stopped: what was printed is in lines
        } finally {
            registryUrl.complete("(the stack ended before printing its registry URL)");
        }
    }

    private static HttpResponse<String> get(String url, String userInfo) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).GET();
        if (userInfo != null) {
            request.header("Authorization", "Basic "
                    + Base64.getEncoder().encodeToString(userInfo.getBytes(StandardCharsets.UTF_8)));
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
