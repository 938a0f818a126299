package org.casestream.command.attachments;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Attachments as objects of an S3-compatible bucket, {@code <prefix>ab/cd/abcd…} by hash, as the filesystem store
 * lays them out: an object once written never changes, so putting content that is there already writes nothing.
 * A store that cannot be reached is an {@link IOException}, as a disk that cannot be read is.
 */
public class S3AttachmentStore implements AttachmentStore, AutoCloseable {

    private final S3Client s3;
    private final String bucket;
    private final String prefix;

    public S3AttachmentStore(AttachmentProperties.S3 settings) {
        if (settings == null || settings.bucket() == null || settings.bucket().isBlank()) {
            throw new IllegalStateException("casestream.attachments.s3.bucket is required for the s3 store");
        }
        S3ClientBuilder builder = S3Client.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .region(Region.of(settings.region() == null || settings.region().isBlank() ? "us-east-1" : settings.region()))
                .forcePathStyle(settings.pathStyle())
                // checksums only where the API requires them: S3-compatible stores do not all take the SDK's
                // default trailing checksums (S3Proxy, older MinIO and Ceph refuse such a PUT)
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .credentialsProvider(settings.accessKey() == null || settings.accessKey().isBlank()
                        ? DefaultCredentialsProvider.builder().build()
                        : StaticCredentialsProvider.create(AwsBasicCredentials.create(settings.accessKey(),
                                settings.secretKey())));
        if (settings.endpoint() != null) {
            builder.endpointOverride(settings.endpoint());
        }
        this.s3 = builder.build();
        this.bucket = settings.bucket();
        this.prefix = settings.prefix() == null ? "" : settings.prefix();
    }

    @Override
    public void put(String sha256, Path content) throws IOException {
        String key = key(sha256);
        try {
            s3.headObject(request -> request.bucket(bucket).key(key));
            return;
        } catch (NoSuchKeyException notThere) {
            // written below
        } catch (S3Exception e) {
            if (e.statusCode() != 404) {
                throw new IOException("the attachment store did not answer whether it has " + sha256, e);
            }
        } catch (SdkException e) {
            throw new IOException("the attachment store is not reachable", e);
        }
        try {
            s3.putObject(request -> request.bucket(bucket).key(key), RequestBody.fromFile(content));
        } catch (SdkException e) {
            throw new IOException("the attachment store did not take " + sha256, e);
        }
    }

    @Override
    public InputStream open(String sha256) throws IOException {
        try {
            return s3.getObject(request -> request.bucket(bucket).key(key(sha256)));
        } catch (NoSuchKeyException e) {
            throw new NoSuchFileException(sha256);
        } catch (SdkException e) {
            throw new IOException("the attachment store did not give " + sha256, e);
        }
    }

    private String key(String sha256) {
        if (!sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("not a SHA-256 in hex");
        }
        return prefix + sha256.substring(0, 2) + "/" + sha256.substring(2, 4) + "/" + sha256;
    }

    @Override
    public void close() {
        s3.close();
    }
}
