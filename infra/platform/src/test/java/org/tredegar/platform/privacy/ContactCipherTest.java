package org.tredegar.platform.privacy;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The cipher keeps one Cipher/Mac per thread: results must not depend on which thread or what ran before. */
class ContactCipherTest {
    static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);
    final ContactCipher cipher = new ContactCipher("k1:" + KEY, "k1", Base64.getEncoder().encodeToString("hash".getBytes()));

    @Test
    void sealedOnOneThreadOpensOnAnotherAndEveryNonceIsFresh() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<ContactCipher.Sealed>> sealed = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                int n = i;
                sealed.add(threads.submit(() -> cipher.seal("+44 7700 900" + n, "record-" + n)));
            }
            List<String> nonces = new ArrayList<>();
            for (int i = 0; i < sealed.size(); i++) {
                ContactCipher.Sealed s = sealed.get(i).get();
                nonces.add(Base64.getEncoder().encodeToString(s.nonce()));
                int n = i;
                assertThat(threads.submit(() -> cipher.open(s, "record-" + n)).get()).isEqualTo("+44 7700 900" + n);
            }
            assertThat(nonces).doesNotHaveDuplicates();
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void aFailedOpenLeavesTheThreadsCipherUsable() {
        ContactCipher.Sealed sealed = cipher.seal("someone@example.org", "record-a");
        assertThatThrownBy(() -> cipher.open(sealed, "record-b")).hasMessageContaining("could not be decrypted");
        assertThat(cipher.open(sealed, "record-a")).isEqualTo("someone@example.org");
        assertThat(cipher.open(cipher.seal("again", "record-c"), "record-c")).isEqualTo("again");
    }

    @Test
    void theLookupHashIgnoresSpacingAndCaseAndIsStableAcrossCalls() {
        String first = cipher.lookupHash("sms", "+44 (7700) 900-123");
        assertThat(cipher.lookupHash("sms", "+447700900123")).isEqualTo(first);
        assertThat(cipher.lookupHash("email", "A@Example.org")).isEqualTo(cipher.lookupHash("email", "a@example.org"));
        assertThat(cipher.lookupHash("sms", "+447700900124")).isNotEqualTo(first);
    }
}
