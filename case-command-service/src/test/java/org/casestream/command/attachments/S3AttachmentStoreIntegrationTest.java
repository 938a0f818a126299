package org.casestream.command.attachments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.casestream.command.support.IntegrationTest;
import org.casestream.localstack.jwt.Role;
import org.casestream.testkit.Callers;
import org.casestream.testkit.Ports;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.RestClient;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The S3 store against a real S3-compatible server (S3Proxy, its own process, keeping objects in memory): content
 * round-trips, is stored once, a missing object reads as a missing file, and a command service configured with
 * {@code casestream.attachments.store=s3} keeps an upload's bytes in the bucket and serves them back.
 */
class S3AttachmentStoreIntegrationTest extends IntegrationTest {

    private static final String ACCESS_KEY = "casestream-test";
    private static final String SECRET_KEY = "casestream-test-secret";
    private static final String BUCKET = "casestream-attachments";
    private static Process s3proxy;
    private static URI endpoint;
    private static S3Client bucket;

    @BeforeAll
    static void startS3Proxy() throws Exception {
        int port = Ports.free();
        endpoint = URI.create("http://127.0.0.1:" + port);
        Path work = Files.createTempDirectory("s3proxy-");
        Path properties = work.resolve("s3proxy.conf");
        Files.writeString(properties, String.join("\n",
                "s3proxy.endpoint=" + endpoint,
                "s3proxy.authorization=aws-v2-or-v4",
                "s3proxy.identity=" + ACCESS_KEY,
                "s3proxy.credential=" + SECRET_KEY,
                "jclouds.provider=transient",
                "jclouds.identity=unused",
                "jclouds.credential=unused"));
        Path jar = Path.of("target", "s3proxy", "s3proxy.jar").toAbsolutePath();
        assertThat(jar).as("copied by the build (maven-dependency-plugin)").exists();
        String java = ProcessHandle.current().info().command().orElse("java");
        s3proxy = new ProcessBuilder(java, "-Xmx256m", "-jar", jar.toString(), "--properties", properties.toString())
                .redirectErrorStream(true).redirectOutput(work.resolve("s3proxy.log").toFile()).start();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (!listening(port)) {
            assertThat(s3proxy.isAlive()).as("S3Proxy exited: " + Files.readString(work.resolve("s3proxy.log"))).isTrue();
            assertThat(Instant.now()).as("S3Proxy did not listen within 90 s").isBefore(deadline);
            Thread.sleep(250);
        }
        bucket = S3Client.builder().httpClientBuilder(UrlConnectionHttpClient.builder()).region(Region.US_EAST_1)
                .endpointOverride(endpoint).forcePathStyle(true)
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
                .build();
        bucket.createBucket(request -> request.bucket(BUCKET));
    }

    @AfterAll
    static void stopS3Proxy() {
        if (bucket != null) {
            bucket.close();
        }
        if (s3proxy != null) {
            s3proxy.destroyForcibly();
        }
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static AttachmentProperties.S3 settings(String prefix) {
        return new AttachmentProperties.S3(endpoint, "us-east-1", BUCKET, prefix, true, ACCESS_KEY, SECRET_KEY);
    }

    @Test
    void contentRoundTripsIsStoredOnceAndAMissingObjectIsAMissingFile() throws Exception {
        byte[] content = "%PDF-1.4 the invoice\n%%EOF\n".getBytes();
        String sha = sha256(content);
        Path file = Files.createTempFile("upload-", ".bin");
        Files.write(file, content);
        try (S3AttachmentStore store = new S3AttachmentStore(settings("store-test/"))) {
            store.put(sha, file);
            store.put(sha, file);

            try (InputStream in = store.open(sha)) {
                assertThat(in.readAllBytes()).isEqualTo(content);
            }
            assertThat(bucket.listObjectsV2(request -> request.bucket(BUCKET).prefix("store-test/")).contents())
                    .extracting(object -> object.key())
                    .containsExactly("store-test/" + sha.substring(0, 2) + "/" + sha.substring(2, 4) + "/" + sha);
            assertThatThrownBy(() -> store.open(sha256("never stored".getBytes())))
                    .isInstanceOf(NoSuchFileException.class);
        }
    }

    @Test
    void aServiceConfiguredForS3KeepsUploadsInTheBucket() throws Exception {
        byte[] png = java.util.Base64.getDecoder().decode(
                "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");
        try (ConfigurableApplicationContext instance = startInstance(Map.of(
                "casestream.attachments.store", "s3",
                "casestream.attachments.s3.endpoint", endpoint.toString(),
                "casestream.attachments.s3.bucket", BUCKET,
                "casestream.attachments.s3.prefix", "service/",
                "casestream.attachments.s3.path-style", "true",
                "casestream.attachments.s3.access-key", ACCESS_KEY,
                "casestream.attachments.s3.secret-key", SECRET_KEY))) {
            int port = ((WebServerApplicationContext) instance).getWebServer().getPort();
            RestClient agent = Callers.as("http://localhost:" + port, Role.AGENT, "agent-s3");
            LinkedMultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
            form.add("file", new ByteArrayResource(png) {
                @Override
                public String getFilename() {
                    return "screenshot.png";
                }
            });
            JsonNode uploaded = agent.post().uri("/api/attachments").contentType(MediaType.MULTIPART_FORM_DATA)
                    .body(form).retrieve().body(JsonNode.class);

            byte[] served = agent.get().uri("/api/attachments/{id}", uploaded.path("attachmentId").asText())
                    .retrieve().body(byte[].class);

            assertThat(served).isEqualTo(png);
            String sha = sha256(png);
            assertThat(bucket.headObject(request -> request.bucket(BUCKET)
                    .key("service/" + sha.substring(0, 2) + "/" + sha.substring(2, 4) + "/" + sha)).contentLength())
                    .isEqualTo(png.length);
        }
    }

    private static String sha256(byte[] content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    }
}
