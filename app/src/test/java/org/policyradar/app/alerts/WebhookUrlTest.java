package org.policyradar.app.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class WebhookUrlTest {

    @Test
    void shouldRedactThePathAndQueryWhereTokensLive() {
        WebhookUrl url = WebhookUrl.parse("https://hooks.example.com/services/T000/B000/XXXXTOKEN?key=abc");

        assertThat(url.redacted()).isEqualTo("https://hooks.example.com");
        assertThat(url).hasToString("https://hooks.example.com");
        assertThat(WebhookUrl.parse("http://127.0.0.1:8080/hook").redacted()).isEqualTo("http://127.0.0.1:8080");
    }

    @Test
    void shouldRefuseAnythingButAnAbsoluteHttpUrlWithoutRepeatingIt() {
        assertThatThrownBy(() -> WebhookUrl.parse("ftp://example.com/x")).hasMessageContaining("http:// or https://");
        assertThatThrownBy(() -> WebhookUrl.parse("/relative/secret-token")).hasMessageNotContaining("secret-token");
        assertThatThrownBy(() -> WebhookUrl.parse("http:///no-host")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> WebhookUrl.parse("http://bad host/secret-token"))
                .hasMessageNotContaining("secret-token");
    }
}
