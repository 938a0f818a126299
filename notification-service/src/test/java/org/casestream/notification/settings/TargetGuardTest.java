package org.casestream.notification.settings;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TargetGuardTest {

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1/x", "http://localhost:8080/", "http://10.0.0.1/", "http://172.16.5.4/",
            "http://192.168.1.1/", "http://169.254.169.254/latest/meta-data", "http://0.0.0.0/", "http://[::1]/",
            "http://[fd00::1]/", "http://[fe80::1]/", "http://[::ffff:10.0.0.1]/", "http://100.64.0.1/"})
    void privateLoopbackAndLinkLocalTargetsAreRefused(String url) {
        assertThat(TargetGuard.refusal(url, false, false)).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1/x", "http://10.0.0.1/", "http://[::1]/"})
    void anAdminSettingAllowsThem(String url) {
        assertThat(TargetGuard.refusal(url, true, false)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://8.8.8.8/hook", "https://1.1.1.1/x", "http://[2606:4700:4700::1111]/"})
    void publicAddressesAreAllowed(String url) {
        assertThat(TargetGuard.refusal(url, false, false)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://8.8.8.8/x", "file:///etc/passwd", "http:///nohost", "http://user:pw@8.8.8.8/",
            "not a url"})
    void onlyPlainHttpUrlsWithAHostAndNoCredentials(String url) {
        assertThat(TargetGuard.refusal(url, true, false)).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://8.8.8.8/hook", "http://127.0.0.1/x"})
    void plainHttpIsRefusedWhereHttpsIsRequired(String url) {
        assertThat(TargetGuard.refusal(url, true, true)).contains("must be an https URL");
        assertThat(TargetGuard.refusal(url.replace("http:", "https:"), true, true)).isEmpty();
    }
}
